/**
 * The engine on real news pages (../shared/fixtures/real-pages, see its
 * SOURCE.md): unchanged, a page is not the article; with the article's
 * paragraphs put into its story, it is, and every annotation is anchored to
 * a DOM range holding its words.
 */
import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import type { Article } from '../../src/article/schema';
import { indexArticle } from '../../src/engine/article-index';
import { matchArticle } from '../../src/engine/match';
import { normalize } from '../../src/engine/normalize';
import { readPageText } from '../../src/page/read-text';
import { scanPage } from '../../src/page/scan';
import {
  insertArticle,
  keepDisplayRules,
  realPages,
  realPagesDir,
  realPagesPresent,
  stripPage,
  withoutStackTraces,
} from '../support/real-pages';

const pagesDir = realPagesDir;
const present = realPagesPresent;
const ci = process.env['CI'] === 'true';
const articleId = 'putin-xi-video-call-2026-02-04';
const pages = realPages;

/** The page as a browser would hold it once stripped of what fetches or runs, in the test's live document (so styles apply). */
function loadPage(file: string): void {
  const parsed = new DOMParser().parseFromString(readFileSync(join(pagesDir, file), 'utf8'), 'text/html');
  stripPage(parsed);
  quietCssErrors(() =>
    withoutStackTraces(() => document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement)),
  );
  keepDisplayRules(document);
}

type JsdomError = Error & { type?: string };

/**
 * Runs `run` with jsdom's reports of CSS it cannot parse (it skips such rules, as browsers do) kept off the console:
 * they go through the virtual console of the `jsdom` global that vitest's environment exposes, not through `console`.
 */
function quietCssErrors<T>(run: () => T): T {
  const virtualConsole = (globalThis as { jsdom?: { virtualConsole?: EventEmitter } }).jsdom?.virtualConsole;
  if (virtualConsole === undefined) return run();
  const listeners = virtualConsole.listeners('jsdomError') as ((error: JsdomError) => void)[];
  const others = (error: JsdomError): void => {
    if (error.type !== 'css-parsing') for (const listener of listeners) listener(error);
  };
  virtualConsole.removeAllListeners('jsdomError');
  virtualConsole.on('jsdomError', others);
  try {
    return run();
  } finally {
    virtualConsole.off('jsdomError', others);
    for (const listener of listeners) virtualConsole.on('jsdomError', listener);
  }
}

it("keeps, of a page's stylesheets, the rules that decide a display, and every element's display with them", () => {
  const parsed = new DOMParser().parseFromString(
    `<html><head><style>
      @namespace svg url(http://www.w3.org/2000/svg);
      p { color: red; font-size: 2em }
      .ad { display: none; color: blue }
      @media screen { .wide { display: flex } .tint { color: green } }
      @media print { .tint { color: black } }
      :root { --shown: inline-block } .custom { display: var(--shown) }
      .reset { all: unset }
      .outer { color: red; .inner { display: none } }
      @font-face { font-family: x; src: local(x) }
      @keyframes fade { from { opacity: 0 } }
    </style></head><body><p class="ad">ad</p><div class="wide"><span class="custom tint">a</span></div>
    <section class="reset">b</section><p>c</p></body></html>`,
    'text/html',
  );
  const blank = document.documentElement;
  document.replaceChild(document.adoptNode(parsed.documentElement), blank);
  try {
    const displays = (): string[] => [...document.querySelectorAll('*')].map((element) => getComputedStyle(element).display);
    const before = displays();
    keepDisplayRules(document);
    expect(displays()).toEqual(before);
    expect(before).toContain('none');
    expect(before).toContain('flex');
    const [sheet] = document.styleSheets;
    expect([...(sheet?.cssRules ?? [])].map((rule) => rule.cssText.replace(/\s+/g, ' '))).toEqual([
      '@namespace svg url("http://www.w3.org/2000/svg");',
      '.ad { display: none; color: blue; }',
      '@media screen { .wide { display: flex; } }',
      ':root { --shown: inline-block; }',
      '.custom { display: var(--shown); }',
      '.reset { all: unset; }',
      '.outer { color: red; & .inner { display: none; } }',
    ]);
  } finally {
    document.replaceChild(blank, document.documentElement);
  }
});

if (!present && ci) {
  describe('real news pages', () => {
    it('are present under CI', () => {
      expect.fail(`${pagesDir} is missing: under CI=true the real pages must be there`);
    });
  });
} else if (!present) {
  console.warn(`real news pages skipped: ${pagesDir} is absent`);
}

describe.skipIf(!present)(`real news pages (skipped when ../shared/fixtures/real-pages is absent)`, () => {
  const article = loadArticles().find((a) => a.id === articleId) as Article;
  const index = indexArticle(article);
  const quotes = article.annotations.filter((a) => a.kind === 'quote');
  const claims = article.annotations.filter((a) => a.kind === 'claim');
  let blank: Node;

  beforeAll(() => {
    blank = document.documentElement.cloneNode(true);
  });
  afterAll(() => {
    document.replaceChild(blank, document.documentElement);
  });

  it('has the article with 14 paragraphs, 12 quotes and the six pages', () => {
    expect(article.paragraphs).toHaveLength(14);
    expect(quotes).toHaveLength(12);
    expect(claims.length).toBeGreaterThan(0);
    for (const { file } of pages) expect(existsSync(join(pagesDir, file)), file).toBe(true);
  });

  // Reading goes through jsdom's getComputedStyle, so the pages' own stylesheets and inline styles decide what is
  // hidden (of their rules, those that can decide a display: keepDisplayRules). Unchanged, the whole page is read, so that
  // the engine itself (not the pre-check) says no; with the article, the page is scanned as the annotator scans it,
  // which reads the article's stretch of it.
  describe.each(pages)('$name ($file, story in $story)', ({ file, story }) => {
    it('unchanged, is not the article', { timeout: 60_000 }, () => {
      loadPage(file);
      const page = withoutStackTraces(() => readPageText(document.body));
      expect(page.text.length).toBeGreaterThan(1000); // the page was read
      expect(matchArticle(index, page.text).found).toBe(false);
    });

    it('with the article in its story, is the article, and every quote and claim is anchored to its words', { timeout: 60_000 }, () => {
      loadPage(file);
      expect(insertArticle(document, article, story)).toBeGreaterThanOrEqual(2); // the selector found the story's paragraphs
      const scan = withoutStackTraces(() => scanPage(document.body, [index]));
      const verdict = scan.verdicts[0];
      if (verdict?.found !== true) throw new Error(`${file}: article not found, coverage ${verdict?.coverage}`);
      expect(verdict.articleId).toBe(articleId);
      expect(verdict.coverage).toBeGreaterThanOrEqual(0.99);
      expect(verdict.paragraphs).toEqual(article.paragraphs.map((_, paragraph) => paragraph));
      expect(verdict.unplaced).toEqual([]);
      const ranges = scan.articles.find((found) => found.found.articleId === articleId)?.ranges;
      for (const annotation of [...quotes, ...claims]) {
        const range = ranges?.get(annotation.id);
        if (range === undefined) throw new Error(`${annotation.id} is not anchored to a DOM range`);
        expect(normalize(range.toString()).text, annotation.id).toBe(normalize(annotation.target.exact).text);
        // In the inserted paragraph the annotation belongs to, not in a copy elsewhere.
        const paragraph = String(index.spans.get(annotation.id)?.paragraph);
        for (const end of [range.startContainer, range.endContainer]) {
          expect(end.parentElement?.closest('[data-paragraph]')?.getAttribute('data-paragraph'), annotation.id).toBe(paragraph);
        }
      }
    });
  });
});
