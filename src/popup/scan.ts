/**
 * "Scan this page": runs the content script once in the tab (activeTab lets
 * the popup do so on any ordinary site), and when the browser will not, says
 * why. The background adds the annotator and its styles once an article is
 * found.
 */
import type { Scripting, Tabs } from 'webextension-polyfill';
import { DETECTOR_SCRIPT } from '../shared/package-files';
import { errorText, type NoticeMessage } from './notice';

export interface ScanApi {
  readonly scripting: Pick<Scripting.Static, 'executeScript'>;
  readonly tabs: Pick<Tabs.Static, 'get'>;
}

export interface ScanFailure {
  readonly message: NoticeMessage;
  /** The browser's own words, where it gave some. */
  readonly detail?: string;
}

/** Schemes of the browsers' own pages, where no extension may run. */
const browserSchemes = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'moz-extension:',
  'resource:',
  'view-source:',
]);

/** The extension stores, which browsers keep every extension out of. */
const storePages = [
  'https://chromewebstore.google.com/',
  'https://chrome.google.com/webstore',
  'https://addons.mozilla.org/',
  'https://microsoftedge.microsoft.com/addons',
];

/** Chromium's words for the same refusals: it hides the address of such tabs from the extension. */
const saidBrowserPage = /cannot access a [a-z-]+:\/\/ url|new tab page cannot be scripted/i;
const saidStore = /extensions gallery cannot be scripted/i;

/** Why no extension can run on the page at `url`, where the address or the browser's words (`said`) tell. */
export function restriction(url: string | undefined, said = ''): 'popupScanBrowserPage' | 'popupScanStore' | undefined {
  if (saidStore.test(said)) return 'popupScanStore';
  if (saidBrowserPage.test(said)) return 'popupScanBrowserPage';
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (browserSchemes.has(parsed.protocol)) return 'popupScanBrowserPage';
  return storePages.some((prefix) => parsed.href.startsWith(prefix)) ? 'popupScanStore' : undefined;
}

/** Runs the content script in `tabId`; null when it ran, else why it could not. */
export async function scanTab(api: ScanApi, tabId: number | undefined): Promise<ScanFailure | null> {
  if (tabId === undefined) return { message: 'popupScanNoTab' };
  try {
    await api.scripting.executeScript({ target: { tabId }, files: [`/${DETECTOR_SCRIPT}`] });
    return null;
  } catch (error) {
    // A browser page or a store is named as such; any other refusal in the browser's own words.
    const said = errorText(error);
    const url = await api.tabs.get(tabId).then(
      (tab) => tab.url,
      () => undefined,
    );
    const known = restriction(url, said);
    return known !== undefined ? { message: known } : { message: 'popupScanRefused', detail: said };
  }
}
