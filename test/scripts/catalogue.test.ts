// @vitest-environment node
/**
 * The synthetic articles: shaped like news reports, with speakers the build
 * accepts beside the bundled articles, and sharing their subjects' phrases
 * yet never taking each other's pages.
 */
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { MAX_PARAGRAPHS, MIN_PARAGRAPHS } from '../../scripts/catalogue/plan';
import { POOL } from '../../scripts/catalogue/speakers';
import { syntheticArticle } from '../../scripts/catalogue/synthesize';
import type { Article } from '../../src/article/schema';
import { referenceText } from '../../src/article/text-quote';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { indexArticle } from '../../src/engine/article-index';
import { matchText } from '../../src/engine/match';
import { normalize } from '../../src/engine/normalize';
import { poorContrast, speakerColors } from '../../testkit/contrast';

const SEED = 7;
const COUNT = 30;
describe('the speaker pool', () => {
  it('keeps 3:1 contrast on white, on a dark page and on the dark tooltip', () => {
    expect(poorContrast(speakerColors({ id: 'pool', speakers: POOL.map((who) => who.speaker) }))).toEqual([]);
  });

  it('gives no name to two speakers, as the engine compares names', () => {
    const names = POOL.flatMap((who) => who.speaker.names.map((name) => normalize(name).text.trim()));
    expect(new Set(names).size).toBe(names.length);
  });

  it('names each speaker in its first and later mentions by one of its names, so attributions name the speaker', () => {
    for (const who of POOL) {
      for (const mention of [who.first, ...who.later])
        expect(
          who.speaker.names.some((name) => mention.includes(name)),
          mention,
        ).toBe(true);
    }
  });
});

describe('each synthetic article', () => {
  const articles = Array.from({ length: COUNT }, (_, index) => syntheticArticle(index, SEED));

  it.each(articles.map((article) => [article.id, article] as const))('%s is shaped like a news report', (_id, article) => {
    expect(article.id).toMatch(/^synthetic-\d{5}-[a-z0-9-]+$/);
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(MIN_PARAGRAPHS);
    expect(article.paragraphs.length).toBeLessThanOrEqual(MAX_PARAGRAPHS);
    expect(article.speakers.length).toBeGreaterThanOrEqual(3);
    expect(article.speakers.length).toBeLessThanOrEqual(5);
    const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote');
    expect(new Set(quotes.map((quote) => quote.speaker)).size).toBeGreaterThanOrEqual(2);
    expect(quotes.some((quote) => quote.form === 'direct')).toBe(true);
    expect(article.annotations.some((annotation) => annotation.kind === 'claim')).toBe(true);
    // Every speaker has something to say.
    const voiced = new Set(
      article.annotations.flatMap((annotation) => (annotation.kind === 'quote' ? [annotation.speaker] : annotation.attributedTo)),
    );
    expect([...voiced].sort()).toEqual(article.speakers.map((speaker) => speaker.id).sort());
  });

  it.each(articles.map((article) => [article.id, article] as const))(
    '%s quotes inside quotation marks, right after the phrase that attributes them',
    (_id, article) => {
      const text = referenceText(article.paragraphs);
      for (const quote of article.annotations) {
        if (quote.kind !== 'quote') continue;
        const start = text.indexOf(`${quote.target.prefix ?? ''}${quote.target.exact}`) + (quote.target.prefix ?? '').length;
        const end = start + quote.target.exact.length;
        expect('“«').toContain(text.charAt(start - 1));
        expect('”»').toContain(text.charAt(end));
        const before = text.slice(Math.max(0, start - quote.attribution.exact.length - 2), start - 1);
        expect(before.endsWith(quote.attribution.exact) || before.endsWith(`${quote.attribution.exact} `), quote.id).toBe(true);
      }
    },
  );

  it('stays the same article whatever the count: article i depends only on i and the seed', () => {
    expect(syntheticArticle(3, SEED)).toEqual(articles[3]);
    expect(syntheticArticle(3, SEED + 1)).not.toEqual(articles[3]);
  });
});

describe('detection across the catalogue', () => {
  const [bundled] = loadArticles();
  if (bundled === undefined) throw new Error('no bundled article');
  const articles: Article[] = [bundled, ...Array.from({ length: COUNT }, (_, index) => syntheticArticle(index, SEED))];
  const indexes = articles.map(indexArticle);
  const pages = articles.map((article) => article.paragraphs.join(BLOCK_BREAK));

  it('finds each article on its own text, every annotation placed and none misattributed', () => {
    articles.forEach((article, at) => {
      const verdict = matchText(indexes[at] ?? indexArticle(article), pages[at] ?? '');
      expect(verdict.found && verdict.coverage, article.id).toBe(1);
      if (!verdict.found) return;
      expect(verdict.unplaced, article.id).toEqual([]);
      expect(verdict.misattributed, article.id).toEqual([]);
    });
  });

  it("never finds an article on another's text, the bundled article's included", () => {
    const taken: string[] = [];
    let shared = 0;
    articles.forEach((page, on) => {
      indexes.forEach((index, of) => {
        if (on === of) return;
        const verdict = matchText(index, pages[on] ?? '');
        if (verdict.found) taken.push(`${index.article.id} on ${page.id} (${verdict.coverage.toFixed(2)})`);
        if (verdict.coverage > 0) shared += 1;
      });
    });
    expect(taken).toEqual([]);
    // They do share their subjects' phrases: some paragraphs of some articles are found on others' pages.
    expect(shared).toBeGreaterThan(0);
  });
});
