/**
 * A catalogue of 10,000 articles, built as `npm run build -- --articles`
 * builds it, in real browsers: each of 50 synthetic articles is found and
 * fully painted on a page of its own, and no other article is painted
 * there; a page carrying two known articles paints both; a page of other
 * news paints nothing. The script injected into every page is the same
 * bytes whatever the catalogue, and the index the background reads is the
 * bytes the build wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { writeCatalogue } from '../../scripts/catalogue/write';
import { DEFAULT_SEED } from '../../scripts/catalogue/args';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';
import { catalogueEntries } from '../../src/engine/catalogue-entry';
import { writeCatalogueIndex } from '../../src/engine/catalogue-index';
import { normalize } from '../../src/engine/normalize';
import { CATALOGUE_INDEX, DETECTOR_SCRIPT } from '../../src/shared/package-files';
import { demoPage } from '../../testkit/demo-page';
import { extensionWorker, inExtensionPage, launchChromium, launchFirefox } from '../../testkit/browsers';
import { builtManifest, bundledArticle, chromeDir, describeWithBrowser, eventually, listedHost, servePages } from './support';

const CATALOGUE_SIZE = 10_000;
const SHOWN = 50;
const work = mkdtempSync(join(tmpdir(), 'isnad-catalogue-'));
const articlesDir = join(work, 'articles');
const outDir = join(work, 'dist');
let articles: Article[] = [];
/** 50 synthetic articles spread over the catalogue. */
let shown: Article[] = [];

const host = listedHost();
const pages = new Map<string, { html: string }>();
const served = servePages(pages);
const norm = (text: string): string => normalize(text).text.trim();

beforeAll(() => {
  writeCatalogue(articlesDir, CATALOGUE_SIZE, DEFAULT_SEED);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'scripts', 'build.ts'), '--articles', articlesDir, '--out', outDir],
    {
      cwd: projectRoot,
      stdio: 'pipe',
    },
  );
  articles = loadArticles(articlesDir);
  const synthetic = articles.filter((article) => article.id.startsWith('synthetic-'));
  shown = Array.from({ length: SHOWN }, (_, at) => synthetic[Math.floor((at * synthetic.length) / SHOWN)]).filter(
    (article): article is Article => article !== undefined,
  );
  for (const article of shown) pages.set(`/news/${article.id}`, { html: demoPage(article) });
  const [first, second] = shown;
  if (first === undefined || second === undefined) throw new Error('no synthetic articles');
  pages.set('/news/two', { html: demoPage({ ...bundledArticle, paragraphs: [...bundledArticle.paragraphs, ...second.paragraphs] }) });
  pages.set('/news/other', {
    html: demoPage({
      ...first,
      paragraphs: ['أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات، تشمل بناء عشرة مراكز طبية.'],
    }),
  });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the 10,000-article build', () => {
  it('injects the same detector into every page as the bundled build: its size does not grow with the catalogue', () => {
    const bundled = readFileSync(join(chromeDir, DETECTOR_SCRIPT));
    const large = readFileSync(join(outDir, 'chrome', DETECTOR_SCRIPT));
    expect(large.equals(bundled)).toBe(true);
    expect(gzipSync(large).length).toBeLessThan(4096);
    expect(builtManifest(join(outDir, 'chrome')).content_scripts.flatMap((script) => (script as { js?: string[] }).js ?? [])).toEqual([
      DETECTOR_SCRIPT,
    ]);
  });

  it('writes the detection index the engine makes of the catalogue, byte for byte', () => {
    const written = readFileSync(join(outDir, 'chrome', CATALOGUE_INDEX));
    expect(articles).toHaveLength(CATALOGUE_SIZE + 1);
    expect(Buffer.from(writeCatalogueIndex(catalogueEntries(articles))).equals(written)).toBe(true);
    expect(readFileSync(join(outDir, 'firefox', CATALOGUE_INDEX)).equals(written)).toBe(true);
  });
});

/** Highlights as the page sees them: name → texts of its ranges. */
const registered = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('isnad-'))
        .map(([name, highlight]) => [name, [...highlight].map((range) => (range instanceof Range ? range.toString() : ''))]),
    ),
  );

/** What painting these articles registers: per highlight name, the annotations' texts, normalised and sorted. */
function expectedHighlights(painted: readonly Article[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const article of painted)
    for (const annotation of article.annotations) {
      const name = annotation.kind === 'quote' ? `isnad-quote-${annotation.speaker}` : 'isnad-claim';
      (groups[name] ??= []).push(norm(annotation.target.exact));
    }
  for (const texts of Object.values(groups)) texts.sort();
  return groups;
}

const normalised = (highlights: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(highlights).map(([name, texts]) => [name, texts.map(norm).sort()]));

function catalogueSuite(launch: () => Promise<{ browser: Browser; indexBytes: () => Promise<string> }>): void {
  let browser: Browser;
  let page: Page;
  let indexBytes: () => Promise<string>;
  beforeAll(async () => {
    ({ browser, indexBytes } = await launch());
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser.close();
  });

  /** Loads a page and waits until as many annotations are registered as `count`, or a second passes with none. */
  const paintedOn = async (path: string, count: number): Promise<Record<string, string[]>> => {
    await page.goto(served.url(path, host));
    return eventually(async () => {
      const highlights = await registered(page);
      return Object.values(highlights).flat().length >= count ? highlights : undefined;
    }, `${count} highlights on ${path}`);
  };

  it('reads the index the build wrote', async () => {
    expect(await indexBytes()).toBe(readFileSync(join(outDir, 'chrome', CATALOGUE_INDEX)).toString('base64'));
  });

  it('finds each of 50 synthetic articles on its own page and paints all its annotations, and no other article', async () => {
    const wrong: string[] = [];
    for (const article of shown) {
      const highlights = normalised(await paintedOn(`/news/${article.id}`, article.annotations.length));
      const expected = expectedHighlights([article]);
      const { 'isnad-changed': changed, 'isnad-misattributed': misattributed, ...painted } = highlights;
      if (JSON.stringify(painted) !== JSON.stringify(expected) || changed !== undefined || misattributed !== undefined)
        wrong.push(article.id);
    }
    expect(wrong).toEqual([]);
  });

  it('paints both known articles on a page that carries two', async () => {
    const [, second] = shown;
    if (second === undefined) throw new Error('no second article');
    const both = [bundledArticle, second];
    const count = both.reduce((sum, article) => sum + article.annotations.length, 0);
    const {
      'isnad-changed': _changed,
      'isnad-misattributed': _misattributed,
      ...painted
    } = normalised(await paintedOn('/news/two', count));
    expect(painted).toEqual(expectedHighlights(both));
  });

  it('paints nothing on a page of other news', async () => {
    await page.goto(served.url('/news/other', host));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await registered(page)).toEqual({});
  });
}

describeWithBrowser('A 10,000-article catalogue: Chromium', 'chromium', () => {
  catalogueSuite(async () => {
    const browser = await launchChromium({ extensionDir: join(outDir, 'chrome'), loopbackHosts: [host] });
    return {
      browser,
      indexBytes: async () =>
        (await extensionWorker(browser)).evaluate(async (path) => {
          const bytes = new Uint8Array(await (await fetch(chrome.runtime.getURL(path))).arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          return btoa(binary);
        }, `/${CATALOGUE_INDEX}`),
    };
  });
});

describeWithBrowser('A 10,000-article catalogue: Firefox ESR', 'firefox', () => {
  catalogueSuite(async () => {
    const extensionDir = join(outDir, 'firefox');
    const geckoId = builtManifest(extensionDir).browser_specific_settings.gecko.id;
    const { browser, origin } = await launchFirefox({ extensionDir, loopbackHosts: [host], geckoId });
    return {
      browser,
      indexBytes: async () =>
        (await inExtensionPage(
          browser,
          origin,
          `(async () => { const bytes = new Uint8Array(await (await fetch('/${CATALOGUE_INDEX}')).arrayBuffer()); let binary = ''; for (const byte of bytes) binary += String.fromCharCode(byte); return btoa(binary); })()`,
        )) as string,
    };
  });
});
