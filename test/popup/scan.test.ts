import { describe, expect, it, vi } from 'vitest';
import { restriction, scanTab } from '../../src/popup/scan';

function api(options: { inject?: Error; url?: string; tabGone?: boolean }) {
  return {
    scripting: {
      executeScript: vi.fn(() => (options.inject === undefined ? Promise.resolve([]) : Promise.reject(options.inject))),
    },
    tabs: {
      get: vi.fn((tabId: number) => {
        if (options.tabGone === true) return Promise.reject(new Error(`Invalid tab ID: ${tabId}`));
        return Promise.resolve({
          id: tabId,
          index: 0,
          highlighted: true,
          active: true,
          pinned: false,
          incognito: false,
          ...(options.url === undefined ? {} : { url: options.url }),
        });
      }),
    },
  };
}

describe('Scan this page', () => {
  it('runs the detector alone in the tab (the background adds the annotator where it finds an article)', async () => {
    const browser = api({});
    expect(await scanTab(browser, 7)).toBeNull();
    expect(browser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/detector.js'] });
    expect(browser.tabs.get).not.toHaveBeenCalled();
  });

  it.each([
    ['chrome://settings/', 'popupScanBrowserPage'],
    ['about:addons', 'popupScanBrowserPage'],
    ['chrome-extension://abcdefghijklmnop/options.html', 'popupScanBrowserPage'],
    ['https://chromewebstore.google.com/detail/isnad/abc', 'popupScanStore'],
    ['https://addons.mozilla.org/ar/firefox/addon/isnad/', 'popupScanStore'],
  ])('refused on %s: says why, from the address', async (url, message) => {
    expect(await scanTab(api({ inject: new Error('Missing host permission for the tab'), url }), 7)).toEqual({ message });
  });

  it.each([
    ['Cannot access a chrome:// URL', 'popupScanBrowserPage'],
    ['Cannot access a chrome-extension:// URL of different extension', 'popupScanBrowserPage'],
    ['The New Tab Page cannot be scripted.', 'popupScanBrowserPage'],
    ['The extensions gallery cannot be scripted.', 'popupScanStore'],
  ])('refused where the address is hidden, with “%s”: says why, from the browser’s words', async (said, message) => {
    expect(await scanTab(api({ inject: new Error(said) }), 7)).toEqual({ message });
  });

  it('refused on an ordinary page: says the browser refused, in its own words', async () => {
    const error = new Error(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    );
    expect(await scanTab(api({ inject: error, url: 'https://example.com/news' }), 7)).toEqual({
      message: 'popupScanRefused',
      detail: error.message,
    });
  });

  it('refused where the browser hides the address, or the tab is gone: still says the browser refused', async () => {
    expect(await scanTab(api({ inject: new Error('Missing host permission for the tab') }), 7)).toEqual({
      message: 'popupScanRefused',
      detail: 'Missing host permission for the tab',
    });
    expect(await scanTab(api({ inject: new Error('No tab with id: 7'), tabGone: true }), 7)).toEqual({
      message: 'popupScanRefused',
      detail: 'No tab with id: 7',
    });
  });

  it('no tab: says so', async () => {
    const browser = api({});
    expect(await scanTab(browser, undefined)).toEqual({ message: 'popupScanNoTab' });
    expect(browser.scripting.executeScript).not.toHaveBeenCalled();
  });
});

describe('restriction', () => {
  it.each([
    undefined,
    'not a url',
    'https://www.aljazeera.net/news/1',
    'http://127.0.0.1:8080/',
    'https://chromewebstore.google.com.example.org/',
    'https://example.com/?u=https://addons.mozilla.org/',
  ])('does not count %s as a page no extension may read', (url) => {
    expect(restriction(url)).toBeUndefined();
  });
});
