/**
 * The engine on pages built from the article: each way a news site may
 * publish it (layout, dropped paragraphs, edits, boxes, inline markup, <br>
 * paragraphs, a standfirst, other spellings) must still be recognised and
 * anchored; texts that are not the article must not be.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../src/article/schema';
import { detect } from '../../src/engine/detect';
import { normalize } from '../../src/engine/normalize';
import { readPageText } from '../../src/page/read-text';
import {
  ALL_VARIANTS,
  HIDDEN_KINDS,
  anchoringProblems,
  annotationParagraphs,
  articleShare,
  buildArticlePage,
  buildTextPage,
  indexOf,
  loadArticle,
  norm,
  overlaps,
  putinXi,
  randomEdits,
  randomFrom,
  runPipeline,
  shuffled,
  textWeight,
  type ArticlePageOptions,
} from '../support/article-page';
import { COMMENTARY, COMMENTARY_QUOTES, DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

const article = putinXi;
const index = indexOf(article);
const paragraphOf = annotationParagraphs(article);
const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote');

/** Builds the page, runs the pipeline, and expects the article found and every untouched annotation in place. */
function expectAnchored(options: ArticlePageOptions, on: Article = article) {
  const built = buildArticlePage(on, options);
  const result = runPipeline(indexOf(on));
  expect(anchoringProblems(on, built, result)).toEqual([]);
  return { built, result };
}

/** Whether the article is found on the page now in document.body, by the whole pipeline and by detection alone. */
function foundOnPage(): { pipeline: boolean; detection: boolean } {
  const text = readPageText(document.body).text;
  return { pipeline: runPipeline(index).verdict.found, detection: detect(index, normalize(text)).found };
}

describe('the article is found and anchored', () => {
  it('in a news layout (header, nav, most-read sidebar, footer)', () => {
    const { built, result } = expectAnchored({ layout: true });
    expect(document.querySelector('header nav')).not.toBeNull();
    expect(document.querySelector('aside.most-read')).not.toBeNull();
    expect(document.querySelector('footer')).not.toBeNull();
    // Every quote is placed, and none in the layout around the body.
    for (const quote of quotes) expect(built.body.contains(result.ranges.get(quote.id)?.startContainer ?? null)).toBe(true);
  });

  it('with 9 of its 14 paragraphs kept', () => {
    const kept = [0, 1, 2, 4, 6, 7, 9, 11, 13];
    expect(articleShare(article, kept)).toBeGreaterThan(0.5);
    const { result } = expectAnchored({ paragraphs: kept, layout: true });
    const placedQuotes = quotes.filter((quote) => kept.includes(paragraphOf.get(quote.id) ?? -1));
    expect(placedQuotes.length).toBeGreaterThan(5);
    for (const quote of placedQuotes) expect(result.ranges.has(quote.id)).toBe(true);
  });

  it('with a few words edited outside the annotations', () => {
    const edits = randomEdits(article, 6, randomFrom(7));
    expect(new Set(edits.map((edit) => edit.paragraph)).size).toBeGreaterThan(2);
    const { built } = expectAnchored({ edits, layout: true });
    const changed = [...built.texts].filter(([paragraph, text]) => text !== article.paragraphs[paragraph]);
    expect(changed.length).toBe(new Set(edits.map((edit) => edit.paragraph)).size);
    // No annotation was touched: each is still the article's text on the page.
    for (const expected of built.expected.values()) expect(expected.edited).toBe(false);
  });

  it('with one quote lightly edited: placed by the fuzzy path over its edited words', () => {
    const id = 'quote-putin-stabilising-factor';
    const { built, result } = expectAnchored({ edits: [{ paragraph: 2, find: 'تشكّل عامل', replace: 'تمثّل عامل' }] });
    const expected = built.expected.get(id);
    const placed = result.placed.get(id);
    const range = result.ranges.get(id);
    expect(expected?.edited).toBe(true);
    expect(placed?.method).toBe('fuzzy');
    expect(placed?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(placed?.similarity).toBeLessThan(1);
    expect(norm(range?.toString() ?? '')).toBe(norm(expected?.text ?? '?'));
    expect(norm(range?.toString() ?? '')).not.toMatch(/^"|"$/);
    expect(range !== undefined && expected !== undefined && overlaps(range, expected.range)).toBe(true);
  });

  it('with ads and related-links boxes between the paragraphs', () => {
    expectAnchored({ boxes: 'every', layout: true });
    expect(document.querySelectorAll('.article-body > div.ad').length).toBeGreaterThan(5);
    expect(document.querySelectorAll('.article-body > aside').length).toBeGreaterThan(5);
  });

  it('with inline links and bold cutting through quotes and words', () => {
    const { built } = expectAnchored({ inline: { perParagraph: 5, throughAnnotations: true }, layout: true, seed: 3 });
    expect(built.body.querySelectorAll('a, b, strong, em, span').length).toBeGreaterThan(40);
    // Every quote longer than a word really is cut: its text spans several nodes.
    for (const quote of quotes) {
      const range = built.expected.get(quote.id)?.range;
      expect(range?.startContainer).not.toBe(range?.endContainer);
    }
  });

  it('with paragraphs separated by <br><br> inside a few <div>s', () => {
    expectAnchored({ br: [3, 4, 2, 5], layout: true });
    expect(document.querySelectorAll('.article-body p').length).toBe(0);
    expect(document.querySelectorAll('.article-body > div').length).toBe(4);
    expect(document.querySelectorAll('.article-body br').length).toBe(2 * (14 - 4));
  });

  it.each(['below-headline', 'above-headline'] as const)('with the lead repeated as a standfirst (%s)', (standfirstAt) => {
    const { built, result } = expectAnchored({ standfirst: true, standfirstAt, layout: true });
    expect(built.standfirst?.textContent).toBe(article.paragraphs[0]);
    for (const range of result.ranges.values()) expect(built.standfirst?.contains(range.startContainer)).toBe(false);
  });

  it('with full orthographic variants (harakat, tatweel, hamza, ى, ة, digits, «», NBSP, invisible marks)', () => {
    for (const [seed, quotes] of [
      [11, 'guillemets'],
      [12, 'straight'],
      [13, 'guillemets'],
    ] as const) {
      const { built } = expectAnchored({ variants: { ...ALL_VARIANTS, digits: 1, quotes }, seed, layout: true });
      // The variants are really on the page.
      const text = [...built.texts.values()].join('\n');
      expect(text).toMatch(/[\u064b-\u0652]/);
      expect(text).toContain('\u0640');
      expect(text).toMatch(/ى[\s\u00a0.،,]/);
      expect(text).toMatch(/[^ ]ة[\s\u00a0.،,]/);
      expect(text).toContain('٢٠٢٥');
      expect(text).not.toMatch(/[“”]/);
      expect(text).toContain(quotes === 'straight' ? '"' : '«');
      expect(text).toContain('\u00a0');
      expect(text).toMatch(/[\u200b\u200e\u200f]/);
      expect(text).not.toContain('–');
    }
  });

  it('with hidden copies of its text beside it (script, style, display:none, hidden, own UI): they are never anchored', () => {
    const { built, result } = expectAnchored({ hidden: HIDDEN_KINDS, layout: true });
    for (const range of result.ranges.values()) expect(built.body.contains(range.startContainer)).toBe(true);
  });

  it('with its paragraphs in another order', () => {
    const order = shuffled(
      randomFrom(5),
      article.paragraphs.map((_, paragraph) => paragraph),
    );
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    expectAnchored({ paragraphs: order, layout: true });
  });
});

describe('a standfirst repeating annotated paragraphs', () => {
  /** The article with a claim on its lead (the article's own lead has none), for the standfirst to repeat. */
  const withLeadClaim = loadArticle({
    ...article,
    annotations: [
      ...article.annotations,
      {
        id: 'claim-video-call',
        kind: 'claim',
        attributedTo: ['outlet'],
        category: 'event',
        verdict: 'consistent',
        context: { ar: 'أُجري الاتصال يوم 4 فبراير 2026.', en: 'The call took place on 4 February 2026.' },
        sources: [],
        target: { exact: 'محادثات عبر الفيديو مع نظيره الصيني شي جين بينج' },
      } satisfies Annotation,
    ],
  });

  /** The standfirst's copies must lose to the body's. */
  function rangesInStandfirst(on: Article, options: ArticlePageOptions): string[] {
    const built = buildArticlePage(on, options);
    const result = runPipeline(indexOf(on));
    expect(result.verdict.found).toBe(true);
    return [...result.ranges].filter(([, range]) => built.standfirst?.contains(range.startContainer) === true).map(([id]) => id);
  }

  // A standfirst and the body's copy of a paragraph, a few words apart, are two copies, and the body's wins.
  it("anchors the lead's annotation in the body, not in the standfirst", () => {
    expect(rangesInStandfirst(withLeadClaim, { standfirst: true, layout: true })).toEqual([]);
  });

  it('anchors the quotes of paragraph 2 in the body when the standfirst repeats paragraphs 1 and 2', () => {
    expect(rangesInStandfirst(article, { standfirst: [0, 1], layout: true })).toEqual([]);
  });

  it('anchors everything else in place', () => {
    const built = buildArticlePage(withLeadClaim, { standfirst: true, layout: true });
    const result = runPipeline(indexOf(withLeadClaim));
    expect(anchoringProblems(withLeadClaim, built, result).filter((problem) => !problem.startsWith('claim-video-call:'))).toEqual([]);
    expect(result.ranges.has('claim-video-call')).toBe(true);
  });
});

describe('not the article', () => {
  it('a different report of the same event, sharing its names, figures and phrases', () => {
    const text = DIFFERENT_REPORT.join('\n');
    for (const shared of [
      'بوتين',
      'شي جين بينج',
      'موسكو',
      'بكين',
      '200 مليار دولار',
      '2025',
      'فبراير 2022',
      'الشراكة الاستراتيجية',
      'حجم التبادل التجاري بين البلدين',
    ]) {
      expect(text).toContain(shared);
    }
    const ratio = textWeight(text) / index.totalWeight;
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
    buildTextPage(DIFFERENT_REPORT, { layout: true, title: 'بوتين وشي يبحثان الشراكة الاستراتيجية في اتصال مرئي' });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
  });

  it('a commentary quoting two of its sentences', () => {
    const referenceText = article.paragraphs.join('\n');
    for (const sentence of COMMENTARY_QUOTES) expect(referenceText).toContain(sentence);
    expect(COMMENTARY.join(' ').split(/[.؟]\s/).length).toBeGreaterThanOrEqual(10);
    buildTextPage(COMMENTARY, { layout: true, title: 'شراكة بلا حدود أم حدود للشراكة؟' });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
  });

  it('three of its paragraphs shuffled into another text', () => {
    const borrowed = [7, 1, 6]; // its three longest: the most a borrower can take
    expect(articleShare(article, borrowed)).toBeLessThan(0.5);
    const mixed = shuffled(randomFrom(2), [...ROUNDUP, ...borrowed.map((paragraph) => article.paragraphs[paragraph] ?? '')]);
    buildTextPage(mixed, { layout: true, title: 'حصاد اليوم' });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
    // They are seen, and they are all that is seen.
    const detection = detect(index, normalize(readPageText(document.body).text));
    expect(detection.paragraphs.map((paragraph) => paragraph.index)).toEqual([1, 6, 7]);
  });

  it('three of its paragraphs shuffled into the different report', () => {
    const mixed = shuffled(randomFrom(4), [...DIFFERENT_REPORT, ...[7, 1, 6].map((paragraph) => article.paragraphs[paragraph] ?? '')]);
    buildTextPage(mixed, { layout: true });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
  });

  it.each(HIDDEN_KINDS)('its whole text only inside an element a reader does not see: %s', (kind) => {
    buildArticlePage(article, { paragraphs: [], hidden: [kind], layout: true });
    expect(document.body.textContent).toContain(article.paragraphs[7]);
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
  });

  it('its whole text only in hidden elements, several of them', () => {
    buildArticlePage(article, { paragraphs: [], hidden: HIDDEN_KINDS, layout: true });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
  });
});

describe('what is reported', () => {
  it('coverage and the paragraphs found, dropped paragraphs absent', () => {
    const kept = [13, 0, 2, 7, 1, 9, 6, 11, 4];
    buildArticlePage(article, { paragraphs: kept, layout: true, boxes: [2, 5] });
    const { verdict } = runPipeline(index);
    expect(verdict.found).toBe(true);
    if (!verdict.found) return;
    expect(verdict.paragraphs).toEqual([0, 1, 2, 4, 6, 7, 9, 11, 13]);
    expect(verdict.coverage).toBeCloseTo(articleShare(article, kept), 6);
    expect(verdict.articleId).toBe(article.id);
  });

  it('the full article has coverage 1', () => {
    buildArticlePage(article, { layout: true });
    const { verdict } = runPipeline(index);
    expect(verdict.found && verdict.coverage).toBe(1);
  });

  it('a quote whose paragraph is missing is unplaced: paragraph-missing', () => {
    const kept = article.paragraphs.map((_, paragraph) => paragraph).filter((paragraph) => paragraph !== 1 && paragraph !== 8);
    const { result } = expectAnchored({ paragraphs: kept, layout: true });
    const missing = article.annotations
      .filter((annotation) => !kept.includes(paragraphOf.get(annotation.id) ?? -1))
      .map((annotation) => annotation.id);
    expect(missing).toEqual([
      'quote-xi-grand-plan',
      'quote-xi-china-russia-relations',
      'quote-xi-right-track',
      'quote-china-russia-no-limits',
      'claim-no-limits-partnership',
    ]);
    for (const id of missing) {
      expect(result.unplaced.get(id)?.reason).toBe('paragraph-missing');
      expect(result.ranges.has(id)).toBe(false);
    }
  });

  it('a paragraph too edited to count leaves its quotes unplaced: paragraph-missing', () => {
    // Paragraph 5 (index 4) is one quote; rewritten, the paragraph is no longer there.
    buildArticlePage(article, {
      edits: [
        {
          paragraph: 4,
          find: 'دعمه الثابت لجهود البلدين في الحفاظ على السيادة والأمن والازدهار',
          replace: 'مساندته الدائمة لمساعي الدولتين لصون استقلالهما وأمنهما ورخائهما',
        },
      ],
    });
    const result = runPipeline(index);
    expect(result.verdict.found && result.verdict.paragraphs).toEqual(
      article.paragraphs.map((_, paragraph) => paragraph).filter((paragraph) => paragraph !== 4),
    );
    expect(result.unplaced.get('quote-putin-firm-support')?.reason).toBe('paragraph-missing');
  });

  it('a quote edited beyond recognition, in its quotation marks at its place, is unplaced: altered', () => {
    const { result } = expectAnchored({
      edits: [
        { paragraph: 1, find: 'تسير في المسار الصحيح', replace: 'ماضية على طريقها السليم' },
        { paragraph: 13, find: 'توافق واسع', replace: 'تفاهم شامل' },
        { paragraph: 3, find: 'الشراكة في قطاع الطاقة متبادلة المنفعة', replace: 'التعاون النفطي يعود بالفائدة على الجانبين' },
      ],
    });
    for (const id of ['quote-xi-right-track', 'quote-china-mfa-broad-consensus', 'quote-putin-energy-mutual-benefit']) {
      expect(result.verdict.found && result.verdict.paragraphs.includes(paragraphOf.get(id) ?? -1)).toBe(true);
      expect(result.unplaced.get(id)?.reason).toBe('altered');
      expect(result.ranges.has(id)).toBe(false);
    }
  });

  /** A related-links box quoting the quote's original words, inserted right after (or far from) its paragraph. */
  function editedQuoteWithOriginalInBox(where: 'after-paragraph' | 'after-body'): {
    box: HTMLElement;
    range: Range | undefined;
    reason: string | undefined;
  } {
    const id = 'quote-xi-right-track';
    const built = buildArticlePage(article, {
      edits: [{ paragraph: 1, find: 'تسير في المسار الصحيح', replace: 'ماضية على طريقها السليم' }],
    });
    const box = document.createElement('aside');
    box.className = 'related';
    box.textContent = 'اقرأ أيضاً: شي يؤكد أن العلاقات “تسير في المسار الصحيح”';
    const paragraph = built.expected.get(id)?.range.startContainer.parentElement?.closest('p');
    if (where === 'after-paragraph') paragraph?.after(box);
    else built.body.after(box);
    const result = runPipeline(index);
    return { box, range: result.ranges.get(id), reason: result.unplaced.get(id)?.reason };
  }

  it('a quote edited beyond recognition is not placed on its old words in a box far from its paragraph', () => {
    const { range, reason } = editedQuoteWithOriginalInBox('after-body');
    expect(range).toBeUndefined();
    expect(reason).toBe('altered');
  });

  // The search window stops at the block boundary after the paragraph's copy, so the next block (a related box) is not searched.
  it('a quote edited beyond recognition is not placed on its old words in a box right after its paragraph', () => {
    const { range, reason } = editedQuoteWithOriginalInBox('after-paragraph');
    expect(range).toBeUndefined();
    expect(reason).toBe('altered');
  });

  it("the extension's own UI (data-isnad-ui) holding the article is ignored", () => {
    // Alone on the page: not the article.
    buildArticlePage(article, { paragraphs: [], hidden: ['own-ui'], layout: true });
    expect(foundOnPage()).toEqual({ pipeline: false, detection: false });
    // Beside it, and a tooltip host inside the body repeating a quote: never anchored in either.
    const built = buildArticlePage(article, { hidden: ['own-ui'], layout: true });
    const tooltip = document.createElement('div');
    tooltip.setAttribute('data-isnad-ui', '');
    tooltip.textContent = `${article.paragraphs[2] ?? ''} ${article.paragraphs[3] ?? ''}`;
    built.body.querySelectorAll('p')[2]?.before(tooltip);
    const result = runPipeline(index);
    expect(anchoringProblems(article, built, result)).toEqual([]);
    for (const range of result.ranges.values()) expect(range.startContainer.parentElement?.closest('[data-isnad-ui]')).toBeNull();
  });
});
