/**
 * Anchoring on plain strings: the exact match, its tie rules, the
 * approximate match and its threshold, and the search window, whose size
 * must not depend on the page.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, approximateMatch, FUZZY_MIN_SIMILARITY, searchWindow, type Anchoring } from '../../src/engine/anchor';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { detect } from '../../src/engine/detect';
import { matchArticle } from '../../src/engine/match';
import { normalize } from '../../src/engine/normalize';
import { indexOf, putinXi } from '../support/article-page';
import { ROUNDUP } from '../../testkit/other-texts';

const index = indexOf(putinXi);
const claim = putinXi.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
if (claim === undefined) throw new Error('no trade-volume claim');
const paragraphOfClaim = putinXi.paragraphs.findIndex((paragraph) => paragraph.includes(claim.target.exact));

/** The article as one page, each paragraph a block. */
const articleText = (paragraphs: readonly string[]): string => paragraphs.join(BLOCK_BREAK);

describe('approximateMatch', () => {
  it('finds the closest substring, with its edit count', () => {
    expect(approximateMatch('abcdef', 'xxabcXefyy', 0, 10)).toEqual({ start: 2, end: 8, edits: 1 });
  });

  it('prefers the shortest, then the earliest, of equally close matches', () => {
    expect(approximateMatch('abc', 'abXc abc', 0, 8)).toEqual({ start: 5, end: 8, edits: 0 });
    expect(approximateMatch('abc', 'abX abY', 0, 7)).toEqual({ start: 0, end: 2, edits: 1 });
  });

  it('searches only inside [from, to)', () => {
    expect(approximateMatch('abc', 'abc xxx abc', 4, 8)?.start).not.toBe(0);
    expect(approximateMatch('abc', 'abc', 1, 1)).toBeUndefined();
  });
});

describe('anchoring the article on a plain text', () => {
  it('places every annotation exactly on the article itself', () => {
    const verdict = matchArticle(index, articleText(putinXi.paragraphs));
    expect(verdict.found && verdict.placed.every((placed) => placed.method === 'exact')).toBe(true);
    expect(verdict.found && verdict.placed.length).toBe(putinXi.annotations.length);
  });

  it(`places an edited claim approximately, at a similarity of at least ${FUZZY_MIN_SIMILARITY}`, () => {
    const paragraphs = [...putinXi.paragraphs];
    paragraphs[paragraphOfClaim] = paragraphs[paragraphOfClaim]?.replace('مليار', 'مليون') ?? '';
    const verdict = matchArticle(index, articleText(paragraphs));
    const placed = verdict.found ? verdict.placed.find((each) => each.id === claim.id) : undefined;
    expect(placed?.method).toBe('fuzzy');
    expect(placed?.similarity).toBeGreaterThanOrEqual(FUZZY_MIN_SIMILARITY);
  });

  it('between two exact copies in its paragraph, takes the one whose context agrees', () => {
    // The claim's words again, just before the paragraph, in another sentence.
    const paragraphs = [...putinXi.paragraphs];
    paragraphs[paragraphOfClaim] = `${claim.target.exact} ${paragraphs[paragraphOfClaim] ?? ''}`;
    const verdict = matchArticle(index, articleText(paragraphs));
    const placed = verdict.found ? verdict.placed.find((each) => each.id === claim.id) : undefined;
    const text = normalize(articleText(paragraphs)).text;
    expect(placed?.start).toBe(normalize(articleText(paragraphs)).toSource[text.lastIndexOf(normalize(claim.target.exact).text)]);
  });
});

describe('the search window is bounded, whatever the page', () => {
  /**
   * The claim's paragraph with one letter of the claim edited (so only the
   * approximate match can place it), then, in the same block, filler in
   * which the paragraph's last three words recur every 40 words: a copy of
   * the paragraph that stretches as far as the page goes.
   */
  function pathologicalPage(filler: number): string {
    const paragraphs = [...putinXi.paragraphs];
    const paragraph = paragraphs[paragraphOfClaim] ?? '';
    paragraphs[paragraphOfClaim] = paragraph.replace(claim?.target.exact ?? '', (claim?.target.exact ?? '').replace('مليار', 'مليان'));
    const lastWords = paragraph.split(' ').slice(-3).join(' ');
    const words = ROUNDUP.join(' ').split(' ');
    const parts: string[] = [];
    let length = 0;
    for (let at = 0; length < filler; at += 37) {
      const part = `${words.slice(at % (words.length - 37), (at % (words.length - 37)) + 37).join(' ')} ${lastWords}`;
      parts.push(part);
      length += part.length + 1;
    }
    paragraphs[paragraphOfClaim] = `${paragraphs[paragraphOfClaim] ?? ''} ${parts.join(' ')}`;
    return articleText(paragraphs);
  }

  it('searches as much text for 1 MB of repeating filler as for half of it, at most twice each annotation and a margin', () => {
    const half = matchArticle(index, pathologicalPage(512 * 1024));
    const whole = matchArticle(index, pathologicalPage(1024 * 1024));
    if (!half.found || !whole.found) throw new Error('article not found');
    expect(whole.searched).toBe(half.searched);
    const bound = putinXi.annotations.reduce((sum, annotation) => sum + 2 * normalize(annotation.target.exact).text.length + 2 * 64, 0);
    expect(whole.searched).toBeLessThanOrEqual(bound);
    expect(whole.placed.find((placed) => placed.id === claim.id)?.method).toBe('fuzzy');
  });
});

describe('a quotation the page rewrote', () => {
  const quote = putinXi.annotations.find((annotation) => annotation.id === 'quote-xi-grand-plan');
  const paragraph = putinXi.paragraphs.findIndex((text) => text.includes(quote?.target.exact ?? '?'));
  const unplacedReason = (replacement: string): string | undefined => {
    const paragraphs = putinXi.paragraphs.map((text, at) =>
      at === paragraph ? text.replace(quote?.target.exact ?? '', replacement) : text,
    );
    const verdict = matchArticle(index, articleText(paragraphs));
    if (!verdict.found) throw new Error('article not found');
    expect(verdict.placed.some((placed) => placed.id === quote?.id)).toBe(false);
    return verdict.unplaced.find((entry) => entry.id === quote?.id)?.reason;
  };

  it('is reported as altered where a quotation of about its length stands in its place, and never placed', () => {
    expect(unplacedReason('على موسكو وبكين التعاون الوثيق لوضع برنامج شامل، يعزز الروابط الاقتصادية بين الجانبين')).toBe('altered');
  });

  it('is reported as not found where no quotation stands in its place', () => {
    expect(unplacedReason('')).toBe('not-found');
    expect(unplacedReason('نعم')).toBe('not-found');
  });
});

describe('approximateMatch: edits, ties and the window', () => {
  it('counts one inserted or one deleted character as one edit, over the page text that holds it', () => {
    // Inserted: the match spans the extra character.
    expect(approximateMatch('abcdef', 'xxabcXdefyy', 0, 11)).toEqual({ start: 2, end: 9, edits: 1 });
    // Deleted: the match is one shorter than the pattern.
    expect(approximateMatch('abcdef', 'xxabdefyy', 0, 9)).toEqual({ start: 2, end: 7, edits: 1 });
  });

  it('takes a shorter match over an earlier one of as many edits: length decides before position', () => {
    // «abXcd» (an insertion) comes first; «abd» (a deletion) is shorter.
    expect(approximateMatch('abcd', 'abXcd abd', 0, 9)).toEqual({ start: 6, end: 9, edits: 1 });
  });

  it('never looks outside [from, to): a better match there is not found, and one cut by the window costs its lost part', () => {
    expect(approximateMatch('abcdef', 'abcdef abXdef', 7, 13)).toEqual({ start: 7, end: 13, edits: 1 });
    expect(approximateMatch('abcdef', 'xxxxxabcdef', 0, 8)).toEqual({ start: 5, end: 8, edits: 3 });
  });

  it('finds nothing for an empty pattern or a reversed window', () => {
    expect(approximateMatch('', 'abc', 0, 3)).toBeUndefined();
    expect(approximateMatch('abc', 'abc', 3, 1)).toBeUndefined();
  });
});

/** What match.ts does before anchoring: normalise the page, detect, then anchor. */
function anchored(paragraphs: readonly string[]): Anchoring & { text: string } {
  const page = normalize(articleText(paragraphs));
  const detection = detect(index, page);
  if (!detection.found) throw new Error('article not found');
  return { ...anchorAll(index, page.text, detection), text: page.text };
}

/** The article with `find` replaced by `replace` in paragraph `paragraph` (which must hold it). */
function edited(paragraph: number, find: string, replace: string): string[] {
  return putinXi.paragraphs.map((text, at) => {
    if (at !== paragraph) return text;
    if (!text.includes(find)) throw new Error(`«${find}» not in paragraph ${paragraph}`);
    return text.replace(find, replace);
  });
}

const spanOf = (id: string): { start: number; end: number; paragraph: number } => {
  const span = index.spans.get(id);
  if (span === undefined) throw new Error(`no span for ${id}`);
  return span;
};
const exactOf = (id: string): string => {
  const span = spanOf(id);
  return index.reference.text.slice(span.start, span.end);
};

describe('anchorAll: the approximate match and its thresholds', () => {
  /** The claim with its first `count` letters from «التبادل» on written as ظ, a letter it does not have: exactly `count` substitutions. */
  function blotted(count: number): string[] {
    const paragraph = putinXi.paragraphs[paragraphOfClaim] ?? '';
    const from = paragraph.indexOf('التبادل');
    let left = count;
    const chars = [...paragraph].map((char, at) => {
      if (at < from || left === 0 || char === ' ') return char;
      left -= 1;
      return 'ظ';
    });
    return putinXi.paragraphs.map((text, at) => (at === paragraphOfClaim ? chars.join('') : text));
  }
  const length = exactOf(claim.id).length;
  /** The most substitutions that keep the similarity at 0.8, the documented threshold, or above. */
  const most = Math.floor(length * (1 - 0.8));

  it('places a passage just above 0.8 similarity, and not one just below', () => {
    expect(exactOf(claim.id)).not.toContain('ظ');
    const above = anchored(blotted(most));
    const placed = above.placed.find((each) => each.id === claim.id);
    expect(placed).toMatchObject({ method: 'fuzzy' });
    expect(placed?.similarity).toBeCloseTo(1 - most / length, 10);
    expect(placed?.similarity).toBeGreaterThanOrEqual(FUZZY_MIN_SIMILARITY);
    // Placed over the whole claim as it stands on the page.
    const onPage = normalize(blotted(most)[paragraphOfClaim] ?? '').text;
    const at = onPage.indexOf('حجم ظ');
    expect(above.text.slice(placed?.start, placed?.end)).toBe(onPage.slice(at, at + length));

    const below = anchored(blotted(most + 1));
    expect(1 - (most + 1) / length).toBeLessThan(0.8);
    expect(below.placed.some((each) => each.id === claim.id)).toBe(false);
    expect(below.unplaced.find((each) => each.id === claim.id)?.reason).toBe('not-found');
  });

  it('places a passage shorter than the fuzzy minimum (12 characters) only exactly: one letter changed leaves it unplaced', () => {
    // «النموذجية» is 9 characters: one letter in 9 would pass the similarity, but is too much of so short a passage.
    expect(exactOf('quote-putin-exemplary').length).toBeLessThan(12);
    expect(1 - 1 / exactOf('quote-putin-exemplary').length).toBeGreaterThanOrEqual(FUZZY_MIN_SIMILARITY);
    const result = anchored(edited(2, '”النموذجية”', '”النموذحية”'));
    expect(result.placed.some((each) => each.id === 'quote-putin-exemplary')).toBe(false);
    expect(result.unplaced.some((each) => each.id === 'quote-putin-exemplary')).toBe(true);
    // A longer quote in the same paragraph, one letter changed, is placed approximately.
    const longer = anchored(edited(2, 'تشكّل عامل', 'تشكّل عاما'));
    expect(longer.placed.find((each) => each.id === 'quote-putin-stabilising-factor')?.method).toBe('fuzzy');
  });
});

describe('anchorAll: ranking exact matches', () => {
  const id = 'quote-china-mfa-broad-consensus';
  const placedText = (paragraphs: readonly string[]): { at: number; text: string } => {
    const result = anchored(paragraphs);
    const placed = result.placed.find((each) => each.id === id);
    if (placed === undefined) throw new Error(`${id} not placed`);
    expect(placed.method).toBe('exact');
    return { at: placed.start, text: result.text };
  };

  it('between two copies of its words, takes the one whose surroundings agree with the reference over the one nearer its expected place', () => {
    // The first copy follows «إلى» as in the reference (where the quote is expected) but in other words; the second, further on, is in the reference's quotation marks and followed by its words.
    const page = edited(13, 'وتوصلوا إلى “توافق واسع”،', 'وتوصلوا إلى توافق واسع جدا، وقالوا “توافق واسع”،');
    const { at, text } = placedText(page);
    const first = text.indexOf('توافق واسع');
    expect(text.indexOf('توافق واسع', first + 1)).toBe(at);
    expect(at).toBeGreaterThan(first);
  });

  it('between two copies whose surroundings agree as little, takes the one nearer its expected place, though later', () => {
    // Neither copy is in quotation marks; the second follows «وتوصلوا إلى», the reference's words before the quote, so it is where the quote is expected.
    const page = edited(13, 'أخرى، وتوصلوا إلى “توافق واسع”،', 'أخرى، توافق واسع وتوصلوا إلى توافق واسع،');
    const { at, text } = placedText(page);
    const first = text.indexOf('توافق واسع');
    expect(text.indexOf('توافق واسع', first + 1)).toBe(at);
  });
});

describe('anchorAll: what it searches and what it reports', () => {
  it('searches, for each annotation, a window inside its block that holds it, no wider than twice its length and twice the margin', () => {
    // Each paragraph followed, in its own block, by unrelated news: the windows must not grow with it.
    const paragraphs = putinXi.paragraphs.map((text) => `${text} ${ROUNDUP.join(' ')}`);
    const page = normalize(articleText(paragraphs));
    const detection = detect(index, page);
    let total = 0;
    for (const annotation of putinXi.annotations) {
      const span = spanOf(annotation.id);
      const copy = detection.paragraphs.find((paragraph) => paragraph.index === span.paragraph);
      if (copy === undefined) throw new Error(`paragraph ${span.paragraph} not found`);
      const window = searchWindow(index, page.text, detection, span, copy);
      const exact = exactOf(annotation.id);
      expect(window.end - window.start, annotation.id).toBeLessThanOrEqual(2 * exact.length + 2 * 64);
      expect(page.text.slice(window.start, window.end), annotation.id).toContain(exact);
      // With a word before it, the window is cut at that word's block; on the article's own words, the expected place is where the annotation is.
      if (window.expected >= 0) {
        expect(page.text.slice(window.start, window.end), annotation.id).not.toContain('\n');
        expect(page.text.slice(window.expected, window.expected + exact.length), annotation.id).toBe(exact);
      }
      total += window.end - window.start;
    }
    expect(anchorAll(index, page.text, detection).searched).toBe(total);
  });

  it('reports a rewritten claim as not found, and a quotation far longer than the quote in its place as not found, never altered', () => {
    // In quotation marks, as a rewritten quote would be: only a quote is reported altered.
    const claimResult = anchored(
      edited(paragraphOfClaim, claim.target.exact, '“ارتفعت المبادلات بين الدولتين إلى مستوى قياسي هذا العام وفق الأرقام الرسمية المعلنة”'),
    );
    expect(claimResult.unplaced.find((each) => each.id === claim.id)?.reason).toBe('not-found');
    // Over two and a half times the quote's length: another quotation, not this one rewritten.
    const quote = 'quote-xi-grand-plan';
    const long =
      'على البلدين أن يعملا معاً بلا توقف على خطة واسعة وطويلة المدى تشمل الاقتصاد والطاقة والنقل والتعليم والثقافة والعلوم والصحة والزراعة والسياحة والرياضة والفضاء والاتصالات والأمن الغذائي والمصارف والتجارة الإلكترونية والصناعات الثقيلة والموانئ البحرية';
    expect(normalize(long).text.length).toBeGreaterThan(2.5 * exactOf(quote).length);
    const result = anchored(edited(1, putinXi.annotations.find((each) => each.id === quote)?.target.exact ?? '?', long));
    expect(result.unplaced.find((each) => each.id === quote)?.reason).toBe('not-found');
  });

  it('reports the annotations of a paragraph not on the page as paragraph-missing, and places the others', () => {
    const dropped = new Set([1, 8]);
    const result = anchored(putinXi.paragraphs.filter((_, at) => !dropped.has(at)));
    const missing = putinXi.annotations
      .filter((annotation) => dropped.has(spanOf(annotation.id).paragraph))
      .map((annotation) => annotation.id);
    expect(missing.length).toBeGreaterThan(2);
    expect(result.unplaced).toEqual(missing.map((each) => ({ id: each, reason: 'paragraph-missing' })));
    expect(result.placed.map((each) => each.id).sort()).toEqual(
      putinXi.annotations
        .map((annotation) => annotation.id)
        .filter((each) => !missing.includes(each))
        .sort(),
    );
  });
});
