/** The sites the content script is declared for, as a manifest lists them: the build, the tests and the welcome page read them. */
export interface ContentScriptSites {
  readonly version?: string;
  readonly content_scripts?: readonly { readonly matches: readonly string[] }[];
}

/** The listed sites, from the content script's matches, once each. */
export function listedSites(manifest: ContentScriptSites): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches))];
}
