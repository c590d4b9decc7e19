/**
 * One source manifest, one output per browser. Each browser warns about the
 * keys that are only for the other, so each gets only its own. The listed
 * sites are written once, as the content script's matches; the build makes
 * them the host permissions too, which the background needs to add the
 * highlight styles to a page where the article is found (the sites' access
 * the reader grants at install is the same).
 */
import { listedSites, type ContentScriptSites } from '../src/shared/sites';

export type Browser = 'chrome' | 'firefox';
export const browsers: readonly Browser[] = ['chrome', 'firefox'];

export interface SourceManifest extends ContentScriptSites {
  readonly background: { readonly service_worker: string };
  readonly minimum_chrome_version?: string;
  readonly browser_specific_settings?: unknown;
  readonly [key: string]: unknown;
}

export function browserManifest(source: SourceManifest, browser: Browser): Record<string, unknown> {
  const { background, minimum_chrome_version, browser_specific_settings, ...rest } = source;
  if ('host_permissions' in rest)
    throw new Error('manifest.json: $.host_permissions: written by the build from $.content_scripts[*].matches');
  const common = { ...rest, host_permissions: listedSites(source) };
  if (browser === 'chrome') {
    return { ...common, ...(minimum_chrome_version === undefined ? {} : { minimum_chrome_version }), background };
  }
  if (browser_specific_settings === undefined) {
    throw new Error('manifest.json: $.browser_specific_settings: required for Firefox (gecko id, data collection)');
  }
  return { ...common, background: { scripts: [background.service_worker] }, browser_specific_settings };
}

/** Every file path a built manifest names (icons, scripts, popup), so a test or the build can check they exist. */
export function filesNamedBy(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/\.(?:js|css|html|png|svg|json)$/.test(value) && key !== 'id') files.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, key));
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit(manifest, '');
  return [...files].sort();
}

/** A host the content script is declared for: `www.` plus the first whole-domain pattern of the site list. */
export function sampleListedHost(manifest: ContentScriptSites): string {
  const domain = listedSites(manifest)
    .map((pattern) => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1])
    .find(Boolean);
  if (domain === undefined) throw new Error('the manifest lists no whole-domain site');
  return `www.${domain}`;
}
