/**
 * The engine's entry points on plain text: the article as published, as
 * edited, misattributed, cut under half, replaced by other news, and spelled
 * otherwise. Ranges are in the raw page text, and words as written.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { matchArticle, matchText, type ArticleOnPage, type PageVerdict } from '../../src/engine/match';
import { articleShare, indexOf, norm, putinXi } from '../support/article-page';
import { DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

const index = indexOf(putinXi);
const page = (paragraphs: readonly string[]): string => paragraphs.join(BLOCK_BREAK);
const found = (verdict: PageVerdict): ArticleOnPage => {
  if (!verdict.found) throw new Error(`article not found (coverage ${verdict.coverage})`);
  return verdict;
};
const annotation = (id: string) => {
  const found = putinXi.annotations.find((each) => each.id === id);
  if (found === undefined) throw new Error(`no annotation ${id}`);
  return found;
};
/** The article with `find` replaced by `replace` in paragraph `paragraph` (which must hold it). */
function edited(paragraphs: readonly string[], paragraph: number, find: string, replace: string): string[] {
  return paragraphs.map((text, at) => {
    if (at !== paragraph) return text;
    if (!text.includes(find)) throw new Error(`«${find}» not in paragraph ${paragraph}`);
    return text.replace(find, replace);
  });
}

describe('the article as published', () => {
  const raw = page(putinXi.paragraphs);
  const verdict = found(matchArticle(index, raw));

  it('is found whole, with every annotation placed exactly over its own words in the raw text', () => {
    expect(verdict.articleId).toBe(putinXi.id);
    expect(verdict.coverage).toBe(1);
    expect(verdict.paragraphs).toEqual(putinXi.paragraphs.map((_, at) => at));
    expect(verdict.unplaced).toEqual([]);
    expect(verdict.misattributed).toEqual([]);
    for (const placed of verdict.placed) {
      expect(placed, placed.id).toMatchObject({ method: 'exact', similarity: 1, changes: [] });
      expect(raw.slice(placed.start, placed.end), placed.id).toBe(annotation(placed.id).target.exact);
    }
  });
});

describe('a page that changed words', () => {
  const claimId = 'claim-trade-volume';
  const quoteId = 'quote-xi-grand-plan';
  // A figure in other digits and a word in the claim; a word replaced and one inserted in a quote.
  let paragraphs = edited(putinXi.paragraphs, 6, 'حاجز 200 مليار دولار، للعام الثالث', 'حاجز ٣٠٠ مليار دولار، للعام الرابع');
  paragraphs = edited(paragraphs, 1, 'على إعداد خطة كبرى جديدة', 'على وضع خطة كبرى جديدة تماماً');
  const raw = page(paragraphs);
  const verdict = found(matchArticle(index, raw));
  const placed = (id: string) => {
    const each = verdict.placed.find((candidate) => candidate.id === id);
    if (each === undefined) throw new Error(`${id} not placed`);
    return each;
  };

  it('places the edited annotations approximately, and reports exactly the words changed, as written on each side', () => {
    const claim = placed(claimId);
    expect(claim.method).toBe('fuzzy');
    expect(claim.changes.map(({ kind, figure, pageWords, referenceWords }) => ({ kind, figure, pageWords, referenceWords }))).toEqual([
      { kind: 'replaced', figure: true, pageWords: '٣٠٠', referenceWords: '200' },
      { kind: 'replaced', figure: false, pageWords: 'الرابع', referenceWords: 'الثالث' },
    ]);
    const quote = placed(quoteId);
    expect(quote.method).toBe('fuzzy');
    // The reference's word as published, with its hamza; an insertion has no reference words.
    expect(quote.changes.map(({ kind, figure, pageWords, referenceWords }) => ({ kind, figure, pageWords, referenceWords }))).toEqual([
      { kind: 'replaced', figure: false, pageWords: 'وضع', referenceWords: 'إعداد' },
      { kind: 'inserted', figure: false, pageWords: 'تماماً', referenceWords: '' },
    ]);
  });

  it('gives each change its place in the raw page, in the placed text, and in the annotation as published', () => {
    for (const id of [claimId, quoteId]) {
      const { start, changes } = placed(id);
      const exact = annotation(id).target.exact;
      for (const change of changes) {
        expect(raw.slice(change.start, change.end)).toBe(change.pageWords);
        expect(raw.slice(start + change.pageAt[0], start + change.pageAt[1])).toBe(change.pageWords);
        expect(exact.slice(...change.referenceAt)).toBe(change.referenceWords);
      }
    }
    // An insertion marks no reference words.
    const inserted = placed(quoteId).changes[1];
    expect(inserted?.referenceAt[1]).toBe(inserted?.referenceAt[0]);
  });

  it('leaves the other annotations exact, with no changes', () => {
    for (const each of verdict.placed.filter((candidate) => candidate.id !== claimId && candidate.id !== quoteId)) {
      expect(each, each.id).toMatchObject({ method: 'exact', changes: [] });
    }
    expect(verdict.placed).toHaveLength(putinXi.annotations.length);
    expect(verdict.misattributed).toEqual([]);
  });
});

describe('a misattributed quote', () => {
  it('is placed exactly, its words unchanged, and reported with the speaker the page names', () => {
    const raw = page(edited(putinXi.paragraphs, 11, 'قال شي إن', 'قال بوتين إن'));
    const verdict = found(matchArticle(index, raw));
    expect(verdict.misattributed).toEqual([{ id: 'quote-xi-withstood-turbulence', named: 'putin' }]);
    expect(verdict.placed.find((placed) => placed.id === 'quote-xi-withstood-turbulence')).toMatchObject({ method: 'exact', changes: [] });
  });
});

describe('how much of the article a page must hold', () => {
  /** Paragraphs in article order, up to the last that keeps the share under half. */
  const order = putinXi.paragraphs.map((_, at) => at);
  const under: number[] = [];
  for (const paragraph of order) {
    if (articleShare(putinXi, [...under, paragraph]) >= 0.5) break;
    under.push(paragraph);
  }
  const over = order.slice(0, under.length + 1);

  it('under half of it is not the article; just over half is', () => {
    expect(articleShare(putinXi, under)).toBeLessThan(0.5);
    expect(articleShare(putinXi, over)).toBeGreaterThanOrEqual(0.5);
    const text = (kept: readonly number[]): string => page(kept.map((at) => putinXi.paragraphs[at] ?? ''));
    const without = matchText(index, text(under));
    expect(without).toEqual({ found: false, coverage: articleShare(putinXi, under), prechecked: true });
    const withIt = found(matchText(index, text(over)));
    expect(withIt.coverage).toBeCloseTo(articleShare(putinXi, over), 12);
    expect(withIt.paragraphs).toEqual(over);
  });

  it('another report of the same call is stopped by the pre-check, and detection would not take it either', () => {
    const raw = page(DIFFERENT_REPORT);
    // Long enough to be read: the probes, not the length, stop it.
    expect(raw.length).toBeGreaterThanOrEqual(index.totalWeight / 2);
    expect(matchArticle(index, raw)).toEqual({ found: false, coverage: 0, prechecked: false });
    expect(matchText(index, raw).found).toBe(false);
    expect(matchArticle(index, page([...ROUNDUP, ...ROUNDUP, ...ROUNDUP]))).toEqual({ found: false, coverage: 0, prechecked: false });
  });
});

describe('spelling is never a change', () => {
  /** Ways a site may spell the same words, one at a time. */
  const spellings: readonly [string, (text: string) => string][] = [
    ['harakat', (text) => text.replace(/([\u0628-\u064a])(?![\u064b-\u0652])/g, '$1\u064e')],
    ['tatweel', (text) => text.replace(/([بتثجحخسشصضطظعغفقكلمنهي])(?=[\u0628-\u064a])/g, '$1\u0640')],
    ['hamza forms', (text) => text.replace(/أ/g, 'ا').replace(/(^|[\s“”])ا/g, '$1إ')],
    ['alef maqsura and ta marbuta', (text) => text.replace(/ي(?=[\s،.”])/g, 'ى').replace(/ة(?=[\s،.”])/g, 'ه')],
    ['Eastern Arabic digits', (text) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)))],
    ['guillemets', (text) => text.replace(/(^|[\s،بـ])[“”]/g, '$1«').replace(/[“”]/g, '»')],
    ['straight quotation marks', (text) => text.replace(/[“”]/g, '"')],
    ['zero-width and bidi marks', (text) => text.replace(/ /g, ' \u200f').replace(/(\p{L})(\p{L})/gu, '$1\u200c$2')],
  ];
  /** What a verdict says, leaving out where (offsets differ with the spelling). */
  const gist = (verdict: PageVerdict) => {
    const on = found(verdict);
    return {
      paragraphs: on.paragraphs,
      coverage: on.coverage,
      placed: on.placed.map(({ id, method, similarity, changes }) => ({
        id,
        method,
        similarity,
        changes: changes.map(({ kind, figure, pageWords, referenceWords }) => ({
          kind,
          figure,
          pageWords: norm(pageWords),
          referenceWords,
        })),
      })),
      unplaced: on.unplaced,
      misattributed: on.misattributed,
    };
  };
  // The article with one real change, a figure, so that spelling meets the approximate path too.
  const base = edited(putinXi.paragraphs, 6, '200 مليار', '300 مليار');
  const plain = gist(matchArticle(index, page(base)));

  it.each(spellings)('%s: the same verdict as the plain text, and the same one change', (_name, spell) => {
    const paragraphs = base.map(spell);
    expect(paragraphs).not.toEqual(base);
    const raw = page(paragraphs);
    const verdict = matchArticle(index, raw);
    expect(gist(verdict)).toEqual(plain);
    // Each placed range covers the annotation's words as this page spells them.
    for (const placed of found(verdict).placed) {
      if (placed.method === 'exact')
        expect(norm(raw.slice(placed.start, placed.end)), placed.id).toBe(norm(annotation(placed.id).target.exact));
    }
  });

  it('the plain text itself has exactly that change, the figure', () => {
    expect(plain.placed.flatMap((placed) => placed.changes)).toEqual([
      { kind: 'replaced', figure: true, pageWords: '300', referenceWords: '200' },
    ]);
  });
});

describe('a page that repeats the opening of a paragraph in a box just before it', () => {
  const claimId = 'claim-military-support-accusation';
  const claim = annotation(claimId);
  // A pull-quote box: the claim's words, then others, as its own block before paragraph 12.
  const box = `${claim.target.exact}، وهو ما تنفيه الصين بشدة في كل مرة وتطالب بالأدلة`;
  const paragraphs = [...putinXi.paragraphs.slice(0, 12), box, ...putinXi.paragraphs.slice(12)];
  const raw = page(paragraphs);

  it('places an annotation that opens its paragraph in that paragraph, not in the box', () => {
    const verdict = found(matchArticle(index, raw));
    const placed = verdict.placed.find((each) => each.id === claimId);
    expect(placed?.start).toBe(raw.indexOf(putinXi.paragraphs[12] ?? '-'));
  });

  it('reads a box of the opening words alone, or with a few more, as a copy of its own: the paragraph keeps every annotation', () => {
    for (const repeat of [claim.target.exact, `${claim.target.exact}، وهو ما`]) {
      const text = page([...putinXi.paragraphs.slice(0, 12), repeat, ...putinXi.paragraphs.slice(12)]);
      const verdict = found(matchArticle(index, text));
      expect(verdict.unplaced, repeat).toEqual([]);
      expect(verdict.placed.find((each) => each.id === claimId)?.start, repeat).toBe(text.indexOf(putinXi.paragraphs[12] ?? '-'));
    }
  });
});
