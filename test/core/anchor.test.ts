/**
 * Anchoring on plain strings: the exact match, its tie rules, the
 * approximate match and its threshold, and the search window, whose size
 * must not depend on the page.
 */
import { describe, expect, it } from 'vitest';
import { approximateMatch, FUZZY_MIN_SIMILARITY } from '../../src/core/anchor';
import { BLOCK_BREAK } from '../../src/core/arabic';
import { matchArticle } from '../../src/core/match';
import { normalize } from '../../src/core/normalize';
import { indexOf, putinXi } from '../support/article-page';
import { ROUNDUP } from '../support/other-texts';

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
    const paragraphs = putinXi.paragraphs.map((text, at) => (at === paragraph ? text.replace(quote?.target.exact ?? '', replacement) : text));
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
