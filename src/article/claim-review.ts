/**
 * An article's claims as schema.org ClaimReview JSON-LD
 * (https://schema.org/ClaimReview), the form fact-checkers publish their
 * verdicts in so that search engines, Data Commons and other tools can
 * read them. Each review carries what Google's structured-data
 * documentation requires (`claimReviewed`, `reviewRating.alternateName`,
 * `url`) and recommends (`author`, `datePublished`, `itemReviewed` as a
 * `Claim` with its `author` and `appearance`), in the article's language,
 * with its English as a `workTranslation`.
 */
import type { Article, Claim, Speaker, Verdict } from './schema';

export interface ClaimReviewOptions {
  /** Where the reviews are published: each review's `url` is this address, the article's id and the claim's. */
  readonly reviewsAt: string;
  /** The name of the reviewing organisation. */
  readonly reviewer: string;
  /** A verdict's label in a language ("ar", "en"). */
  readonly verdictLabel: (verdict: Verdict, lang: 'ar' | 'en') => string;
}

interface Thing {
  readonly '@type': string;
  readonly [key: string]: unknown;
}

export interface ClaimReview extends Thing {
  readonly '@context'?: 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url: string;
  readonly claimReviewed: string;
  readonly inLanguage: string;
  readonly datePublished: string;
  readonly author: Thing;
  readonly reviewRating: Thing & { readonly alternateName: string };
  readonly itemReviewed: Thing;
}

/** Roles that make a speaker a body rather than a person: the article file says only the role. */
const BODY_ROLE = /\b(?:ministry|government|countries|country|outlet|agency|party|parties|jointly|narration)\b/i;

/** A speaker as a person or an organisation, by their role. */
const party = (speaker: Speaker, lang: 'ar' | 'en'): Thing => ({
  '@type': BODY_ROLE.test(speaker.role.en) ? 'Organization' : 'Person',
  name: speaker.name[lang],
});

/** Where the reviews of an article are published. */
export const reviewUrl = (options: ClaimReviewOptions, article: Article, claim: Claim): string =>
  `${options.reviewsAt.replace(/\/?$/, '/')}${encodeURIComponent(article.id)}#${encodeURIComponent(claim.id)}`;

function review(article: Article, claim: Claim, options: ClaimReviewOptions, lang: 'ar' | 'en'): ClaimReview {
  const speakers = claim.attributedTo.flatMap((id) => article.speakers.filter((speaker) => speaker.id === id));
  return {
    '@type': 'ClaimReview',
    url: reviewUrl(options, article, claim),
    claimReviewed: claim.target.exact,
    inLanguage: lang,
    datePublished: article.date,
    author: { '@type': 'Organization', name: options.reviewer },
    reviewRating: { '@type': 'Rating', alternateName: options.verdictLabel(claim.verdict, lang) },
    reviewBody: claim.context[lang],
    itemReviewed: {
      '@type': 'Claim',
      author: speakers.map((speaker) => party(speaker, lang)),
      datePublished: article.date,
      appearance: {
        '@type': 'CreativeWork',
        headline: article.title[lang],
        inLanguage: article.lang,
        ...(article.url === undefined ? {} : { url: article.url }),
      },
    },
  };
}

/** Every claim of the article as a ClaimReview in its language, with the English of the article's own words beside it. */
export function toClaimReviews(article: Article, options: ClaimReviewOptions): ClaimReview[] {
  return article.annotations
    .filter((annotation): annotation is Claim => annotation.kind === 'claim')
    .map((claim) => ({
      '@context': 'https://schema.org',
      ...review(article, claim, options, 'ar'),
      workTranslation: review(article, claim, options, 'en'),
    }));
}
