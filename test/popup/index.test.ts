/**
 * The popup's wiring, with a fake extension API over popup.html: the tab it
 * binds to, what it shows for each page status, the switches saved and
 * followed, going to an annotation, scanning a page, and the export. What it
 * shows is built by the render modules, tested on their own; this is the entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import type { PageStatus } from '../../src/shared/messages';
import { PREFERENCES_KEY } from '../../src/shared/preferences';
import { putinXi } from '../support/article-page';
import { fakeBrowser } from '../support/fake-browser';
import { changedPage, everything } from './found';
import { elementById } from '../../src/shared/extension-page';

const html = readFileSync(join(projectRoot, 'src/popup/popup.html'), 'utf8');

interface Options {
  /** What the tab's content script answers; none: there is none in the tab. */
  readonly status?: PageStatus;
  readonly lang?: string;
  readonly url?: string;
  readonly scan?: () => Promise<unknown>;
}

function popupBrowser({ status, lang = 'en', url = 'https://example.com/', scan = () => Promise.resolve([]) }: Options) {
  const base = fakeBrowser({ lang });
  return {
    ...base,
    i18n: {
      ...base.i18n,
      getMessage: (name: string, substitutions?: string[]) =>
        name === '@@bidi_dir' ? (lang.startsWith('ar') ? 'rtl' : 'ltr') : base.i18n.getMessage(name, substitutions),
    },
    tabs: {
      query: vi.fn(() => Promise.resolve([{ id: 7 }])),
      get: vi.fn(() => Promise.resolve({ url })),
      sendMessage: vi.fn((_tabId: number, message: { type: string }) =>
        status === undefined
          ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))
          : Promise.resolve(message.type === 'page-status' ? status : true),
      ),
    },
    scripting: { executeScript: vi.fn(scan) },
    permissions: {
      contains: vi.fn(() => Promise.resolve(true)),
      request: vi.fn(() => Promise.resolve(true)),
      remove: vi.fn(() => Promise.resolve(true)),
    },
  };
}

type PopupBrowser = ReturnType<typeof popupBrowser>;

/** Opens the popup afresh over popup.html, and waits until it has asked its tab and rendered. */
async function open(options: Options = {}): Promise<PopupBrowser> {
  const browser = popupBrowser(options);
  // The shared modules take the global `browser`; the popup takes webextension-polyfill's, which is that same
  // object where the browser has one, and which a test cannot load afresh: it is given the fake directly.
  vi.stubGlobal('browser', browser);
  vi.doMock('webextension-polyfill', () => ({ default: browser }));
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...page.head.children].filter((node) => node.tagName !== 'SCRIPT'));
  document.body.replaceWith(document.importNode(page.body, true));
  vi.resetModules();
  await import('../../src/popup/index');
  await vi.waitFor(() => expect(state()).toBeDefined());
  return browser;
}

const state = (): string | undefined => elementById('page-status').dataset.state;
const stored = (browser: PopupBrowser): unknown => browser.storage.sync.items[PREFERENCES_KEY];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('the popup over a tab with the article', () => {
  it('asks the active tab, and shows the article, its counts, its switches and its lists', async () => {
    const browser = await open({ status: { articleIds: [putinXi.id], found: everything } });
    expect(browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'page-status' });
    expect([state(), elementById('page-status').textContent]).toEqual(['found', 'popupFound']);
    expect([elementById('found').hidden, elementById('known').hidden, elementById('not-here').hidden]).toEqual([false, true, true]);
    expect([document.documentElement.lang, document.documentElement.dir, document.title]).toEqual(['en', 'ltr', 'extName']);
    expect(document.querySelector('[data-i18n="popupExport"]')?.textContent).toBe('popupExport');
    expect(elementById('found-title').textContent).toBe(putinXi.title.en);
    expect(elementById('found-placed').textContent).toBe(`popupPlaced:[${putinXi.annotations.length}|${putinXi.annotations.length}]`);
    expect([elementById('findings-block').hidden, elementById('unplaced-block').hidden]).toEqual([true, true]);
    expect(document.querySelectorAll('#strip button')).toHaveLength(putinXi.annotations.length);
    expect(document.querySelectorAll('#speakers input[role=switch]')).toHaveLength(5);
    expect(document.querySelectorAll('#claims button').length + document.querySelectorAll('#quotes button').length).toBe(
      putinXi.annotations.length,
    );
    // The switches as stored (nothing stored: all on), and the all-sites switch as the permission is.
    expect([...document.querySelectorAll<HTMLInputElement>('input[role=switch]')].every((input) => input.checked && !input.disabled)).toBe(
      true,
    );
  });

  it('lists what a changed page changed, in the article’s language', async () => {
    await open({ status: { articleIds: [putinXi.id], found: changedPage } });
    expect(elementById('findings-block').hidden).toBe(false);
    expect(elementById('findings-count').textContent).toBe('popupFindingsCount:[4]');
    expect(elementById('findings').lang).toBe('ar');
    expect(elementById('unplaced-block').hidden).toBe(false);
  });

  it('sends the page to the annotation the reader chooses', async () => {
    const browser = await open({ status: { articleIds: [putinXi.id], found: everything } });
    document.querySelector<HTMLButtonElement>('#claims button[data-annotation="claim-trade-volume"]')?.click();
    document.querySelector<HTMLButtonElement>('#strip button')?.click();
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(3));
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'go-to', id: 'claim-trade-volume' });
  });

  it('saves a switch turned, and follows preferences changed elsewhere', async () => {
    const browser = await open({ status: { articleIds: [putinXi.id], found: everything } });
    const putin = elementById('speaker-putin', HTMLInputElement);
    putin.click();
    await vi.waitFor(() => expect(stored(browser)).toEqual({ highlights: true, hiddenSpeakers: ['putin'], claims: true }));
    elementById('claims-switch', HTMLInputElement).click();
    await vi.waitFor(() => expect(stored(browser)).toEqual({ highlights: true, hiddenSpeakers: ['putin'], claims: false }));
    elementById('all-highlights', HTMLInputElement).click();
    await vi.waitFor(() => expect(stored(browser)).toEqual({ highlights: false, hiddenSpeakers: ['putin'], claims: false }));
    expect(putin.disabled).toBe(true);

    browser.storage.onChanged.fire({ [PREFERENCES_KEY]: { newValue: { highlights: true, hiddenSpeakers: [], claims: true } } } as never);
    expect([putin.checked, putin.disabled, elementById('all-highlights', HTMLInputElement).checked]).toEqual([true, false, true]);
  });

  it('exports the article as Web Annotation JSON-LD', async () => {
    await open({ status: { articleIds: [putinXi.id], found: everything } });
    const created: Blob[] = [];
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL(blob: Blob): string {
          created.push(blob);
          return 'blob:export';
        }
        static override revokeObjectURL(): void {}
      },
    );
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    elementById('export').click();
    expect(clicked.map((link) => [link.href, link.download])).toEqual([['blob:export', `${putinXi.id}.jsonld`]]);
    expect(created[0]?.type).toBe('application/ld+json');
    expect(JSON.parse(await (created[0] as Blob).text())).toMatchObject({ type: 'AnnotationCollection' });
  });
});

describe('the popup elsewhere', () => {
  it('says Isnad is not on a tab without its content script, and scans it when asked', async () => {
    const browser = await open();
    expect([state(), elementById('not-here').hidden, elementById('found').hidden, elementById('known').hidden]).toEqual([
      'inactive',
      false,
      true,
      false,
    ]);
    expect(elementById('articles').textContent).toBe(putinXi.title.en);
    elementById('scan-page').click();
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content.js'] }));
    // Asked again once the script ran.
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(2));
  });

  it('says why a browser page cannot be scanned', async () => {
    await open({
      url: 'about:addons',
      scan: () => Promise.reject(new Error('Missing host permission for the tab')),
    });
    elementById('scan-page').click();
    await vi.waitFor(() => expect(elementById('notice').textContent).toBe('popupScanBrowserPage'));
  });

  it('says the article is not on a page whose content script found none', async () => {
    await open({ status: { articleIds: [putinXi.id], found: null } });
    expect([state(), elementById('found').hidden, elementById('known').hidden, elementById('not-here').hidden]).toEqual([
      'active',
      true,
      false,
      true,
    ]);
  });

  it('speaks for the tab named in its address, and in Arabic where the browser does', async () => {
    history.replaceState(null, '', '?tab=42');
    const browser = await open({ status: { articleIds: [putinXi.id], found: null }, lang: 'ar-EG' });
    expect(browser.tabs.query).not.toHaveBeenCalled();
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(42, { type: 'page-status' });
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    expect(elementById('articles').textContent).toBe(putinXi.title.ar);
  });
});
