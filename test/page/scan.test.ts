/**
 * scanPage, the one pipeline: the stages run cheapest first, a page without
 * the article is never read with styles, only the article's region is,
 * every annotation ends placed or with a reason, every article a page
 * carries is found, and the detector's reading spares reading the page again.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalize } from '../../src/engine/normalize';
import { scanPage, type Scan, type ScanStage } from '../../src/page/scan';
import {
  ALL_VARIANTS,
  appendArticle,
  buildArticlePage,
  buildTextPage,
  cityLibrary,
  indexOf,
  putinXi,
  randomEdits,
  randomFrom,
  runPipeline,
  scannedArticle,
  type ArticlePageOptions,
} from '../support/article-page';
import { DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

const index = indexOf(putinXi);
const norm = (text: string): string => normalize(text).text.trim();

/** Counts getComputedStyle calls from here on. */
function countStyleReads(): { readonly count: () => number } {
  const spy = vi.spyOn(window, 'getComputedStyle');
  return { count: () => spy.mock.calls.length };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('scanPage: the cheapest test first', () => {
  it('rejects a news page without the article from its native text, reading no style', () => {
    buildTextPage([...ROUNDUP, ...DIFFERENT_REPORT, ...ROUNDUP], { layout: true });
    const styles = countStyleReads();
    const stages: ScanStage[] = [];
    const scan = scanPage(document.body, [index], { onStage: (stage) => stages.push(stage) });
    expect(scan.articles).toEqual([]);
    expect(scan.outcome).toBe('rejected');
    expect(styles.count()).toBe(0);
    expect(scan.readChars).toBe(0);
    expect(stages).toEqual(['native', 'precheck']);
  });

  it('on a page with the article, reads with styles only around it, and runs every stage in order', () => {
    const built = buildArticlePage(putinXi, { layout: true, boxes: 'every' });
    // Much more page around the article, before and after it.
    for (const where of ['prepend', 'append'] as const) {
      const filler = document.createElement('section');
      for (let copy = 0; copy < 20; copy += 1)
        for (const text of ROUNDUP) filler.appendChild(document.createElement('p')).textContent = text;
      document.body[where](filler);
    }
    const elements = document.body.getElementsByTagName('*').length;
    const styles = countStyleReads();
    const stages: ScanStage[] = [];
    const scan = scanPage(document.body, [index], { onStage: (stage) => stages.push(stage) });
    expect(scan.articles).toHaveLength(1);
    const [found] = scan.articles;
    expect(found?.found.placed).toHaveLength(putinXi.annotations.length);
    expect(stages).toEqual(['native', 'precheck', 'locate', 'read', 'match', 'ranges']);
    expect(scan.readChars).toBeLessThan(scan.nativeChars / 3);
    expect(styles.count()).toBeLessThan(elements / 3);
    expect(built.body.contains(found?.ranges.values().next().value?.startContainer ?? null)).toBe(true);
  });
});

describe('scanPage: every annotation ends placed, or unplaced with its reason', () => {
  const cases: [string, ArticlePageOptions][] = [
    ['the whole article', {}],
    ['paragraphs dropped', { paragraphs: [0, 1, 2, 3, 5, 6, 8, 9, 10, 12] }],
    ['a layout, boxes and variants', { layout: true, boxes: 'every', variants: { harakat: 0.2, alef: 0.5, taa: 0.5, digits: 0.5 } }],
    ['edits in every paragraph', { edits: randomEdits(putinXi, 14, randomFrom(7), false) }],
  ];
  it.each(cases)('%s', (_name, options) => {
    buildArticlePage(putinXi, options);
    const { scan } = runPipeline(index);
    const found = scannedArticle(scan, putinXi.id);
    const placed = found?.found.placed ?? [];
    const unplaced = (found?.found.unplaced ?? []).map((entry) => entry.id);
    expect([...placed, ...unplaced].sort()).toEqual(putinXi.annotations.map((annotation) => annotation.id).sort());
    expect(new Set([...placed, ...unplaced]).size).toBe(putinXi.annotations.length);
    for (const id of placed) expect(found?.ranges.has(id)).toBe(true);
  });
});

/**
 * Markup as pretty-printed by a site's templates: each paragraph's text
 * node starts and ends with a line break and indentation, and breaks lines
 * every few words, inside quotations too, with tatweel and harakat in them.
 */
function prettyPrintedPage(decorate: (paragraph: string) => string): HTMLElement {
  const article = document.createElement('article');
  article.append('\n    ');
  for (const paragraph of putinXi.paragraphs) {
    const p = document.createElement('p');
    const words = decorate(paragraph).split(' ');
    p.textContent = `\n      ${words.map((word, at) => (at % 7 === 6 ? `\n      ${word}` : word)).join(' ')}\n    `;
    article.append(p, '\n    ');
  }
  document.body.append(article);
  return article;
}

describe('scanPage: pretty-printed pages', () => {
  it('anchors every quotation and claim when text nodes break lines inside them, spelled with tatweel and harakat', () => {
    const tatweel = (paragraph: string): string => paragraph.replace(/(ل)(ا|م)/g, '$1\u0640$2').replace(/(ر)(ي)/g, '$1\u064e$2');
    prettyPrintedPage(tatweel);
    const [found] = scanPage(document.body, [index]).articles;
    expect(found?.found.unplaced).toEqual([]);
    for (const annotation of putinXi.annotations)
      expect(norm(found?.ranges.get(annotation.id)?.toString() ?? ''), annotation.id).toBe(norm(annotation.target.exact));
  });

  it('anchors the trade-volume claim when its figure follows a line break', () => {
    const claim = putinXi.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
    if (claim === undefined) throw new Error('no claim');
    const figure = claim.target.exact.match(/\d+/)?.[0] ?? '';
    prettyPrintedPage((paragraph) => paragraph.replace(` ${figure}`, `\n          ${figure}`).replace('مليار', 'ملـيار'));
    const [found] = scanPage(document.body, [index]).articles;
    expect(norm(found?.ranges.get(claim.id)?.toString() ?? '')).toBe(norm(claim.target.exact));
  });
});

describe('scanPage: what the page changed', () => {
  it('reports no change and no misattribution on the article spelled otherwise, however it is marked up', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, br) => {
        buildArticlePage(putinXi, {
          seed,
          layout: true,
          br,
          inline: { perParagraph: 3, throughAnnotations: true },
          variants: ALL_VARIANTS,
        });
        const found = scannedArticle(runPipeline(index).scan, putinXi.id);
        expect(found?.found.placed).toHaveLength(putinXi.annotations.length);
        expect(found?.found.changes).toEqual([]);
        expect(found?.found.misattributed).toEqual([]);
        expect(found?.changed).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('reports a quote credited to the other president, and the two its sentence carries on, painted still under their true speaker', () => {
    document.body.replaceChildren(
      ...putinXi.paragraphs.map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph.replace('وقال الرئيس الصيني إن', 'وقال الرئيس الروسي إن');
        return p;
      }),
    );
    const found = scannedArticle(runPipeline(index).scan, putinXi.id);
    expect(found?.found.misattributed).toEqual([
      { id: 'quote-xi-grand-plan', named: 'putin' },
      { id: 'quote-xi-china-russia-relations', named: 'putin' },
      { id: 'quote-xi-right-track', named: 'putin' },
    ]);
    expect(found?.found.placed).toContain('quote-xi-grand-plan');
  });

  it('reports a word replaced in a quote and a figure changed in a claim, with the words on both sides', () => {
    document.body.replaceChildren(
      ...putinXi.paragraphs.map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph.replace('عامل استقرار', 'عامل توازن').replace('200 مليار', '٣٠٠ مليار');
        return p;
      }),
    );
    const found = scannedArticle(runPipeline(index).scan, putinXi.id);
    expect(found?.changed.map(({ range }) => range.toString())).toEqual(['توازن', '٣٠٠']);
    expect(found?.found.changes).toMatchObject([
      { id: 'quote-putin-stabilising-factor', kind: 'replaced', figure: false, pageWords: 'توازن', referenceWords: 'استقرار' },
      { id: 'claim-trade-volume', kind: 'replaced', figure: true, pageWords: '٣٠٠', referenceWords: '200' },
    ]);
    // Where the changed words are in the page's text of each annotation, and in its reference text.
    for (const change of found?.found.changes ?? []) {
      const pageText = found?.found.pageTexts.find((entry) => entry.id === change.id)?.text ?? '';
      const exact = putinXi.annotations.find((annotation) => annotation.id === change.id)?.target.exact ?? '';
      expect(pageText.slice(...change.pageAt)).toBe(change.pageWords);
      expect(exact.slice(...change.referenceAt)).toBe(change.referenceWords);
    }
  });
});

describe('scanPage: every article the page carries', () => {
  const library = indexOf(cityLibrary);
  const STAGES: readonly ScanStage[] = ['precheck', 'locate', 'read', 'match', 'ranges'];

  /** The article in a news layout, and the library story after it. */
  function twoStories(): { first: HTMLElement; second: HTMLElement } {
    const { body } = buildArticlePage(putinXi, { layout: true });
    return { first: body, second: appendArticle(cityLibrary) };
  }

  it('finds both of two articles, in the order of the indexes, each placed in its own story', () => {
    const { first, second } = twoStories();
    const stages: ScanStage[] = [];
    const scan = scanPage(document.body, [library, index], { onStage: (stage) => stages.push(stage) });
    expect(scan.outcome).toBe('found');
    expect(scan.articles.map(({ found }) => found.articleId)).toEqual([cityLibrary.id, putinXi.id]);
    expect(scan.verdicts.map((verdict) => verdict.found)).toEqual([true, true]);
    expect(stages).toEqual(['native', ...STAGES, ...STAGES]);
    for (const [article, story] of [
      [cityLibrary, second],
      [putinXi, first],
    ] as const) {
      const found = scannedArticle(scan, article.id);
      expect(found?.found.unplaced, article.id).toEqual([]);
      expect(found?.found.changes, article.id).toEqual([]);
      expect([...(found?.ranges.keys() ?? [])].sort(), article.id).toEqual(article.annotations.map(({ id }) => id).sort());
      for (const annotation of article.annotations) {
        const range = found?.ranges.get(annotation.id);
        expect(norm(range?.toString() ?? ''), annotation.id).toBe(norm(annotation.target.exact));
        expect(story.contains(range?.startContainer ?? null), annotation.id).toBe(true);
      }
    }
  });

  it('finds an article after one the page does not carry', () => {
    buildArticlePage(cityLibrary, { layout: true, boxes: [2] });
    const scan = scanPage(document.body, [index, library]);
    expect(scan.outcome).toBe('found');
    expect(scan.verdicts.map((verdict) => verdict.found)).toEqual([false, true]);
    expect(scan.articles.map(({ found }) => found.articleId)).toEqual([cityLibrary.id]);
    expect(scan.articles[0]?.found.placed).toHaveLength(cityLibrary.annotations.length);
  });
});

/** A scan's result with its ranges as what they hold and where (which node of the page, at which offset): comparable between two scans of one page. */
function outline(scan: Scan): unknown {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.body);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node);
  const where = (range: Range): unknown[] => [
    range.toString(),
    nodes.indexOf(range.startContainer),
    range.startOffset,
    nodes.indexOf(range.endContainer),
    range.endOffset,
  ];
  return {
    ...scan,
    articles: scan.articles.map(({ found, ranges, changed }) => ({
      found,
      ranges: [...ranges].map(([id, range]) => [id, ...where(range)]),
      changed: changed.map(({ range }) => where(range)),
    })),
  };
}

describe("scanPage with the detector's reading", () => {
  const indexes = [index, indexOf(cityLibrary)];

  /** Reads of the whole page's text (the body's or the root element's textContent) from here on. */
  function pageReads(): () => number {
    const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
    return () => textContent.mock.contexts.filter((node) => node === document.body || node === document.documentElement).length;
  }

  /** A page of both stories (one with changed words), its scan without a reading, and the detector's reading of it. */
  function twoStories(): { without: Scan; text: string } {
    buildArticlePage(putinXi, {
      layout: true,
      edits: [
        { paragraph: 2, find: 'عامل استقرار', replace: 'عامل توازن' },
        { paragraph: 6, find: '200 مليار', replace: '٣٠٠ مليار' },
      ],
    });
    appendArticle(cityLibrary);
    const without = scanPage(document.body, indexes);
    expect(without.articles.map(({ found }) => found.articleId)).toEqual([putinXi.id, cityLibrary.id]);
    return { without, text: document.body.textContent };
  }

  it('reads no text of the page itself, and finds what it finds without it, in the same places', () => {
    const { without, text } = twoStories();
    const reads = pageReads();
    const styles = vi.spyOn(window, 'getComputedStyle');
    const stages: ScanStage[] = [];
    const scan = scanPage(document.body, indexes, {
      nativeText: text,
      onStage: (stage) => stages.push(stage),
    });
    expect(reads()).toBe(0);
    expect(styles.mock.calls.length).toBeGreaterThan(0); // the articles' regions are still read with styles
    expect(stages[0]).toBe('native');
    expect(scan.articles[0]?.changed.map(({ range }) => range.toString())).toEqual(['توازن', '٣٠٠']);
    expect(outline(scan)).toEqual(outline(without));
  });
});
