/**
 * The popup's wiring, with a fake extension API and the packaged catalogue
 * files over popup.html: the tab it binds to, what it shows for each page
 * status, the choice between the articles of a page, what Isnad knows and
 * its search, the switches saved and followed, going to an annotation,
 * scanning a page, and the export. What it shows is built by the render
 * modules, tested on their own; this is the entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';
import type { PageStatus } from '../../src/shared/messages';
import { PREFERENCES_KEY } from '../../src/shared/preferences';
import { putinXi } from '../support/article-page';
import { fakeBrowser } from '../support/fake-browser';
import { changedPage, everything, secondArticle, secondFound } from './found';
import { elementById } from '../../src/shared/extension-page';
import { serveCatalogue } from '../shared/fake-catalogue';
import { articleFile, CATALOGUE_LIST } from '../../src/shared/package-files';

const html = readFileSync(join(projectRoot, 'src/popup/popup.html'), 'utf8');

interface Options {
  /** What the tab's content script answers; none: there is none in the tab. */
  readonly status?: PageStatus;
  readonly lang?: string;
  readonly url?: string;
  readonly scan?: () => Promise<unknown>;
  /** The articles packaged; the bundled ones unless given. */
  readonly articles?: readonly Article[];
  /** Package files are served once this settles; at once unless given. */
  readonly served?: Promise<void>;
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
  reads = serveCatalogue(options.articles);
  const { served } = options;
  if (served !== undefined) {
    const serve = fetch;
    vi.stubGlobal('fetch', async (...request: Parameters<typeof fetch>) => {
      const response = serve(...request);
      await served;
      return response;
    });
  }
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

/** The package's files the popup read, in order. */
let reads: string[] = [];
const state = (): string | undefined => elementById('page-status').dataset.state;
const knownTitles = (): string[] => [...document.querySelectorAll('#known-list .known-title')].map((node) => node.textContent);
const stored = (browser: PopupBrowser): unknown => browser.storage.sync.items[PREFERENCES_KEY];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('the popup over a tab with the article', () => {
  it('asks the active tab, and shows the article, its counts, its switches and its lists', async () => {
    const browser = await open({ status: { found: [everything] } });
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
    // One article: nothing to choose, and nothing read but its own file.
    expect(elementById('choice-block').hidden).toBe(true);
    expect(reads).toEqual([articleFile(putinXi.id)]);
    // The switches as stored (nothing stored: all on), and the all-sites switch as the permission is.
    expect([...document.querySelectorAll<HTMLInputElement>('input[role=switch]')].every((input) => input.checked && !input.disabled)).toBe(
      true,
    );
  });

  it('lists what a changed page changed, in the article’s language', async () => {
    await open({ status: { found: [changedPage] } });
    expect(elementById('findings-block').hidden).toBe(false);
    expect(elementById('findings-count').textContent).toBe('popupFindingsCount:[4]');
    expect(elementById('findings').lang).toBe('ar');
    expect(elementById('unplaced-block').hidden).toBe(false);
  });

  it('sends the page to the annotation the reader chooses', async () => {
    const browser = await open({ status: { found: [everything] } });
    document.querySelector<HTMLButtonElement>('#claims button[data-annotation="claim-trade-volume"]')?.click();
    document.querySelector<HTMLButtonElement>('#strip button')?.click();
    await vi.waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalledTimes(3));
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'go-to', articleId: putinXi.id, id: 'claim-trade-volume' });
  });

  it('saves a switch turned, and follows preferences changed elsewhere', async () => {
    const browser = await open({ status: { found: [everything] } });
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
    await open({ status: { found: [everything] } });
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

describe('the popup over a tab with two articles', () => {
  const pressed = (): (string | null)[] =>
    [...document.querySelectorAll('#choice button')].map((button) => button.getAttribute('aria-pressed'));
  const choice = (articleId: string): HTMLButtonElement => {
    const button = document.querySelector<HTMLButtonElement>(`#choice button[data-article="${articleId}"]`);
    if (button === null) throw new Error(`no choice of ${articleId}`);
    return button;
  };

  it('shows the first, and offers both by title, the one shown pressed', async () => {
    await open({ status: { found: [everything, secondFound] }, articles: [putinXi, secondArticle] });
    expect([state(), elementById('page-status').textContent]).toEqual(['found', 'popupFoundSeveral:[2]']);
    expect(elementById('found-title').textContent).toBe(putinXi.title.en);
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'false']));
    expect(elementById('choice-block').hidden).toBe(false);
    expect([...document.querySelectorAll('#choice button')].map((button) => button.textContent)).toEqual([
      putinXi.title.en,
      secondArticle.title.en,
    ]);
    // The titles from the list; of the articles' files, only the one shown.
    expect(reads.sort()).toEqual([CATALOGUE_LIST, articleFile(putinXi.id)].sort());
  });

  it('shows the article chosen, reading its file once, and takes the page to its annotations', async () => {
    const browser = await open({ status: { found: [everything, secondFound] }, articles: [putinXi, secondArticle] });
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'false']));
    const second = choice(secondArticle.id);
    second.focus();
    second.click();
    await vi.waitFor(() => expect(elementById('found-title').textContent).toBe(secondArticle.title.en));
    expect(pressed()).toEqual(['false', 'true']);
    // The choice stays where the reader is.
    expect(document.activeElement).toBe(second);
    expect(elementById('found-placed').textContent).toBe(
      `popupPlaced:[${secondArticle.annotations.length}|${secondArticle.annotations.length}]`,
    );
    expect(document.querySelectorAll('#strip button')).toHaveLength(secondArticle.annotations.length);

    document.querySelector<HTMLButtonElement>('#claims button[data-annotation="claim-trade-volume"]')?.click();
    await vi.waitFor(() =>
      expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'go-to', articleId: secondArticle.id, id: 'claim-trade-volume' }),
    );

    choice(putinXi.id).click();
    await vi.waitFor(() => expect(elementById('found-title').textContent).toBe(putinXi.title.en));
    expect(pressed()).toEqual(['true', 'false']);
    choice(secondArticle.id).click();
    await vi.waitFor(() => expect(elementById('found-title').textContent).toBe(secondArticle.title.en));
    expect(reads.filter((path) => path.startsWith('articles/')).sort()).toEqual(
      [articleFile(putinXi.id), articleFile(secondArticle.id)].sort(),
    );
  });

  it('sets the switches of the article chosen as the preferences say', async () => {
    await open({ status: { found: [everything, secondFound] }, articles: [putinXi, secondArticle] });
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'false']));
    elementById('speaker-putin', HTMLInputElement).click();
    choice(secondArticle.id).click();
    await vi.waitFor(() => expect(elementById('found-title').textContent).toBe(secondArticle.title.en));
    expect(elementById('speaker-putin', HTMLInputElement).checked).toBe(false);
    expect(elementById('speaker-xi', HTMLInputElement).checked).toBe(true);
  });
});

describe('the popup elsewhere', () => {
  it('searches what Isnad knows, from the list alone', async () => {
    await open({ status: { found: [] }, articles: [putinXi, secondArticle] });
    await vi.waitFor(() => expect(knownTitles()).toEqual([putinXi.title.en, secondArticle.title.en]));
    expect(elementById('known-count').textContent).toBe('catalogueKnownOther:[2]');
    const search = elementById('known-search', HTMLInputElement);
    expect(document.querySelector(`label[for="known-search"]`)?.textContent).toBe('catalogueSearchLabel');
    search.value = 'بوتين';
    search.dispatchEvent(new Event('input'));
    expect(knownTitles()).toEqual([putinXi.title.en]);
    expect(elementById('known-matches').textContent).toBe('catalogueMatches:[1]');
    search.value = 'SECOND';
    search.dispatchEvent(new Event('input'));
    expect(knownTitles()).toEqual([secondArticle.title.en]);
    expect(reads).toEqual([CATALOGUE_LIST]);
  });

  it('says Isnad is not on a tab without its content script, and scans it when asked', async () => {
    const browser = await open();
    expect([state(), elementById('not-here').hidden, elementById('found').hidden, elementById('known').hidden]).toEqual([
      'inactive',
      false,
      true,
      false,
    ]);
    await vi.waitFor(() => expect(knownTitles()).toEqual([putinXi.title.en]));
    expect(elementById('known-count').textContent).toBe('catalogueKnownOne:[1]');
    // The list alone: no article's file.
    expect(reads).toEqual([CATALOGUE_LIST]);
    elementById('scan-page').click();
    await vi.waitFor(() => expect(browser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/detector.js'] }));
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

  it('marks itself rendered only once what Isnad knows is listed', async () => {
    let serve = (): void => undefined;
    const opened = open({ status: { found: [] }, served: new Promise((resolve) => (serve = resolve)) });
    await vi.waitFor(() => expect(reads).toEqual([CATALOGUE_LIST]));
    expect([state(), elementById('page-status').textContent]).toEqual([undefined, 'popupActive']);
    serve();
    await opened;
    expect([state(), knownTitles()]).toEqual(['active', [putinXi.title.en]]);
  });

  it('says the article is not on a page whose content script found none', async () => {
    await open({ status: { found: [] } });
    expect([state(), elementById('found').hidden, elementById('known').hidden, elementById('not-here').hidden]).toEqual([
      'active',
      true,
      false,
      true,
    ]);
  });

  it('speaks for the tab named in its address, and in Arabic where the browser does', async () => {
    history.replaceState(null, '', '?tab=42');
    const browser = await open({ status: { found: [] }, lang: 'ar-EG' });
    expect(browser.tabs.query).not.toHaveBeenCalled();
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(42, { type: 'page-status' });
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    await vi.waitFor(() => expect(knownTitles()).toEqual([putinXi.title.ar]));
    expect(elementById('known-count').textContent).toBe(`catalogueKnownOne:[${new Intl.NumberFormat('ar').format(1)}]`);
  });
});
