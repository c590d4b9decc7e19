/// <reference types="chrome" />
/**
 * What the browser tests call in Chromium that @types/chrome does not
 * describe: chrome://extensions's own API, and an event's dispatch.
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

declare namespace chrome.events {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a merged declaration must repeat @types/chrome's own type parameter exactly
  interface Event<T extends (...args: any) => void> {
    /** Chromium's own: runs the event's listeners as the browser does when it fires. */
    dispatch(...args: Parameters<T>): void;
  }
}
