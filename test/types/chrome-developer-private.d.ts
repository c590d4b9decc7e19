/// <reference types="chrome" />
/**
 * chrome://extensions's own API, which @types/chrome does not describe: the
 * part the browser tests call from that page.
 */
declare namespace chrome.developerPrivate {
  interface ExtensionInfo {
    readonly id: string;
    readonly installWarnings: string[];
    readonly manifestErrors: { readonly message: string }[];
    readonly runtimeErrors: { readonly message: string }[];
  }
  function updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  function getExtensionsInfo(): Promise<ExtensionInfo[]>;
  /** Grants a host the extension asks for, as the reader does in the extension's site-access settings. */
  function addHostPermission(extensionId: string, host: string): Promise<void>;
}
