/**
 * The welcome page's wiring, with a fake extension API and the packaged
 * catalogue files over welcome.html: the sample read from the catalogue and
 * styled with its speakers' highlights, and what Isnad knows, searchable.
 * The sample itself is tested in sample.test.ts, the search in test/shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';
import { elementById } from '../../src/shared/extension-page';
import { quoteHighlightName } from '../../src/shared/highlights';
import { articleFile, CATALOGUE_LIST } from '../../src/shared/package-files';
import { putinXi } from '../support/article-page';
import { fakeBrowser } from '../support/fake-browser';
import { listingOf, serveCatalogue } from '../shared/fake-catalogue';

const html = readFileSync(join(projectRoot, 'src/welcome/welcome.html'), 'utf8');

/** An article without a paragraph holding both a quote and a claim: no sample in it. */
const noSample: Article = {
  ...putinXi,
  id: 'a-no-sample',
  title: { ar: 'تقرير بلا عينة', en: 'A report without a sample' },
  annotations: putinXi.annotations.filter((annotation) => annotation.kind === 'quote'),
};

async function open(articles: readonly Article[], lang = 'en') {
  const base = fakeBrowser({ lang });
  const browser = {
    ...base,
    i18n: {
      ...base.i18n,
      getMessage: (name: string, substitutions?: string[]) =>
        name === '@@bidi_dir' ? (lang.startsWith('ar') ? 'rtl' : 'ltr') : base.i18n.getMessage(name, substitutions),
    },
    runtime: { ...base.runtime, getManifest: () => ({ content_scripts: [{ matches: ['*://*.aljazeera.net/*'] }] }) },
    commands: { getAll: vi.fn(() => Promise.resolve([{ name: 'next-annotation', shortcut: 'Alt+Shift+Period', description: 'next' }])) },
  };
  const reads = serveCatalogue(articles);
  vi.stubGlobal('browser', browser);
  vi.doMock('webextension-polyfill', () => ({ default: browser }));
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...page.head.children].filter((node) => node.tagName !== 'SCRIPT'));
  document.body.replaceWith(document.importNode(page.body, true));
  vi.resetModules();
  await import('../../src/welcome/index');
  await vi.waitFor(() => expect(document.querySelectorAll('#known-list li').length).toBeGreaterThan(0));
  await vi.waitFor(() => expect(elementById('sample').textContent).not.toBe(''));
  return reads;
}

const knownTitles = (): string[] => [...document.querySelectorAll('#known-list .known-title')].map((node) => node.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the welcome page', () => {
  it('shows a sample from the first article of the catalogue that has one, styled with its speakers’ highlights', async () => {
    const reads = await open([noSample, putinXi]);
    expect(elementById('sample-hint').textContent).toBe(`welcomeSampleHint:[${putinXi.title.en}]`);
    expect(reads).toEqual([CATALOGUE_LIST, articleFile(noSample.id), articleFile(putinXi.id)]);
    const styles = [...document.querySelectorAll('style')].map((style) => style.textContent).join('\n');
    expect(styles).toContain(`::highlight(${quoteHighlightName('putin')})`);
    // No stylesheet is linked that the package does not hold.
    expect(document.querySelector('link[href*="highlights"]')).toBeNull();
  });

  it('says how many articles Isnad knows, and finds them by title or date', async () => {
    await open([noSample, putinXi]);
    expect(elementById('known-count').textContent).toBe('catalogueKnownOther:[2]');
    expect(elementById('known-list').getAttribute('aria-labelledby')).toBe('known-heading');
    expect(elementById('known-heading').textContent).toBe('popupArticlesHeading');
    expect(knownTitles().sort()).toEqual([noSample.title.en, putinXi.title.en].sort());
    const search = elementById('known-search', HTMLInputElement);
    search.value = 'شى'; // «شي» (Xi) with alef maqsura
    search.dispatchEvent(new Event('input'));
    expect(knownTitles()).toEqual([putinXi.title.en]);
    search.value = putinXi.date;
    search.dispatchEvent(new Event('input'));
    expect(knownTitles()).toHaveLength(2);
  });

  it('reads in Arabic, right to left', async () => {
    await open([putinXi], 'ar');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    expect(knownTitles()).toEqual([listingOf(putinXi).title.ar]);
    expect(elementById('known-count').textContent).toBe(`catalogueKnownOne:[${new Intl.NumberFormat('ar').format(1)}]`);
  });
});
