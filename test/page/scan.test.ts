/**
 * scanPage, the one pipeline: the stages run cheapest first, a page without
 * the article is never read with styles, only the article's region is, and
 * every annotation ends placed or with a reason.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalize } from '../../src/engine/normalize';
import { scanPage, type ScanStage } from '../../src/page/scan';
import {
  ALL_VARIANTS,
  buildArticlePage,
  buildTextPage,
  indexOf,
  putinXi,
  randomEdits,
  randomFrom,
  runPipeline,
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
    expect(scan.found).toBeNull();
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
    expect(scan.found?.placed).toHaveLength(putinXi.annotations.length);
    expect(stages).toEqual(['native', 'precheck', 'locate', 'read', 'match', 'ranges']);
    expect(scan.readChars).toBeLessThan(scan.nativeChars / 3);
    expect(styles.count()).toBeLessThan(elements / 3);
    expect(built.body.contains(scan.ranges.values().next().value?.startContainer ?? null)).toBe(true);
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
    const placed = scan.found?.placed ?? [];
    const unplaced = (scan.found?.unplaced ?? []).map((entry) => entry.id);
    expect([...placed, ...unplaced].sort()).toEqual(putinXi.annotations.map((annotation) => annotation.id).sort());
    expect(new Set([...placed, ...unplaced]).size).toBe(putinXi.annotations.length);
    for (const id of placed) expect(scan.ranges.has(id)).toBe(true);
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
    const scan = scanPage(document.body, [index]);
    expect(scan.found?.unplaced).toEqual([]);
    for (const annotation of putinXi.annotations)
      expect(norm(scan.ranges.get(annotation.id)?.toString() ?? ''), annotation.id).toBe(norm(annotation.target.exact));
  });

  it('anchors the trade-volume claim when its figure follows a line break', () => {
    const claim = putinXi.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
    if (claim === undefined) throw new Error('no claim');
    const figure = claim.target.exact.match(/\d+/)?.[0] ?? '';
    prettyPrintedPage((paragraph) => paragraph.replace(` ${figure}`, `\n          ${figure}`).replace('مليار', 'ملـيار'));
    const scan = scanPage(document.body, [index]);
    expect(norm(scan.ranges.get(claim.id)?.toString() ?? '')).toBe(norm(claim.target.exact));
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
        const { scan } = runPipeline(index);
        expect(scan.found?.placed).toHaveLength(putinXi.annotations.length);
        expect(scan.found?.changes).toEqual([]);
        expect(scan.found?.misattributed).toEqual([]);
        expect(scan.changed).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('reports a quote credited to the other president, painted still under its true speaker', () => {
    document.body.replaceChildren(
      ...putinXi.paragraphs.map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph.replace('وقال الرئيس الصيني إن', 'وقال الرئيس الروسي إن');
        return p;
      }),
    );
    const { scan } = runPipeline(index);
    expect(scan.found?.misattributed).toEqual([{ id: 'quote-xi-grand-plan', named: 'putin' }]);
    expect(scan.found?.placed).toContain('quote-xi-grand-plan');
  });

  it('reports a word replaced in a quote and a figure changed in a claim, with the words on both sides', () => {
    document.body.replaceChildren(
      ...putinXi.paragraphs.map((paragraph) => {
        const p = document.createElement('p');
        p.textContent = paragraph.replace('عامل استقرار', 'عامل توازن').replace('200 مليار', '٣٠٠ مليار');
        return p;
      }),
    );
    const { scan } = runPipeline(index);
    expect(scan.changed.map((range) => range.toString())).toEqual(['توازن', '٣٠٠']);
    expect(scan.found?.changes).toMatchObject([
      { id: 'quote-putin-stabilising-factor', kind: 'replaced', figure: false, pageWords: 'توازن', referenceWords: 'استقرار' },
      { id: 'claim-trade-volume', kind: 'replaced', figure: true, pageWords: '٣٠٠', referenceWords: '200' },
    ]);
    // Where the changed words are in the page's text of each annotation, and in its reference text.
    for (const change of scan.found?.changes ?? []) {
      const pageText = scan.found?.pageTexts.find((entry) => entry.id === change.id)?.text ?? '';
      const exact = putinXi.annotations.find((annotation) => annotation.id === change.id)?.target.exact ?? '';
      expect(pageText.slice(...change.pageAt)).toBe(change.pageWords);
      expect(exact.slice(...change.referenceAt)).toBe(change.referenceWords);
    }
  });
});
