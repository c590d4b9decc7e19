/**
 * ClaimReview export: every review of both articles passes the rules of
 * Google's ClaimReview structured data (required: claimReviewed,
 * reviewRating with alternateName, url; recommended: author, datePublished,
 * itemReviewed as a Claim with author and appearance), in Arabic and in
 * English, and the rules themselves catch a review that breaks them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { toClaimReviews, type ClaimReview } from '../../src/article/claim-review';
import { loadArticle, putinXi } from '../support/article-page';

const second = loadArticle(JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8')));
const options = {
  reviewsAt: 'https://reviews.example/isnad',
  reviewer: 'Isnad',
  verdictLabel: (verdict: string, lang: string) => `${lang}:${verdict}`,
};

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isParty = (value: unknown): boolean => {
  const party = value as { '@type'?: unknown; name?: unknown } | undefined;
  return (party?.['@type'] === 'Person' || party?.['@type'] === 'Organization') && isText(party.name);
};

/** What breaks Google's rules for a ClaimReview, as "field: why"; none for a good one. */
function problems(review: Record<string, unknown>): string[] {
  const found: string[] = [];
  const rating = review.reviewRating as { '@type'?: unknown; alternateName?: unknown } | undefined;
  const item = review.itemReviewed as { '@type'?: unknown; author?: unknown; appearance?: unknown } | undefined;
  const appearance = item?.appearance as { '@type'?: unknown; headline?: unknown; url?: unknown } | undefined;
  if (review['@type'] !== 'ClaimReview') found.push('@type: not ClaimReview');
  if (!isText(review.claimReviewed)) found.push('claimReviewed: missing');
  if (rating?.['@type'] !== 'Rating' || !isText(rating.alternateName)) found.push('reviewRating.alternateName: missing');
  if (typeof review.url !== 'string' || !URL.canParse(review.url) || !/^https?:$/.test(new URL(review.url).protocol))
    found.push('url: not an http(s) URL');
  if (!isParty(review.author)) found.push('author: not a Person or Organization with a name');
  if (typeof review.datePublished !== 'string' || Number.isNaN(Date.parse(review.datePublished))) found.push('datePublished: not a date');
  if (item?.['@type'] !== 'Claim') found.push('itemReviewed: not a Claim');
  const authors = Array.isArray(item?.author) ? (item.author as unknown[]) : [item?.author];
  if (authors.length === 0 || !authors.every(isParty)) found.push('itemReviewed.author: not a Person or Organization with a name');
  if (appearance?.['@type'] !== 'CreativeWork' || !(isText(appearance.headline) || isText(appearance.url)))
    found.push('itemReviewed.appearance: missing');
  return found;
}

describe('ClaimReview export', () => {
  for (const article of [putinXi, second]) {
    it(`writes every claim of ${article.id} as a review that keeps the rules, in Arabic with its English`, () => {
      const reviews = toClaimReviews(article, options);
      expect(reviews).toHaveLength(article.annotations.filter((annotation) => annotation.kind === 'claim').length);
      for (const review of reviews) {
        expect(review['@context']).toBe('https://schema.org');
        expect(problems(review), review.url).toEqual([]);
        expect(review.inLanguage).toBe('ar');
        const english = review.workTranslation as ClaimReview;
        expect(problems(english), review.url).toEqual([]);
        expect(english.inLanguage).toBe('en');
        expect(english.reviewRating.alternateName).toMatch(/^en:/);
      }
      expect(new Set(reviews.map(({ url }) => url)).size).toBe(reviews.length);
    });
  }

  it('names who made the claim, as a person or a body, and the claim as the article words it', () => {
    const [trade] = toClaimReviews(putinXi, options);
    expect(trade?.claimReviewed).toBe(putinXi.annotations.find((annotation) => annotation.id === 'claim-trade-volume')?.target.exact);
    expect(trade?.itemReviewed.author).toEqual([{ '@type': 'Person', name: 'فلاديمير بوتين' }]);
    const ministry = toClaimReviews(putinXi, options).find(({ url }) => url.endsWith('#claim-diplomats-consensus'));
    expect(ministry?.itemReviewed.author).toEqual([{ '@type': 'Organization', name: 'وزارة الخارجية الصينية' }]);
  });

  it('has rules that catch a review without its url, its rating or its claim', () => {
    const [review] = toClaimReviews(putinXi, options);
    if (review === undefined) throw new Error('no review');
    expect(problems({ ...review, url: undefined })).toEqual(['url: not an http(s) URL']);
    expect(problems({ ...review, reviewRating: { '@type': 'Rating' } })).toEqual(['reviewRating.alternateName: missing']);
    expect(problems({ ...review, claimReviewed: ' ' })).toEqual(['claimReviewed: missing']);
  });
});
