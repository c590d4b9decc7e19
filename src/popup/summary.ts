/** What the popup shows about an article found on a page. Pure: no DOM, so it is unit-tested. */
import type { Article, Claim, Quote, Speaker } from '../article/schema';
import { placeInReference, referenceText } from '../article/text-quote';
import type { AnnotationChange, ArticleFound } from '../shared/messages';

export interface SpeakerRow {
  readonly speaker: Speaker;
  /** Quotations by this speaker in the article. */
  readonly quotes: number;
}

export interface StripMark {
  readonly id: string;
  /** Where the annotation sits in the article, as fractions of its length, 0 to 1. */
  readonly from: number;
  readonly to: number;
  /** The speaker's colour for a quote; null for a claim. */
  readonly color: string | null;
  readonly kind: 'quote' | 'claim';
  readonly placed: boolean;
}

/** What this page changed against the report, as the popup lists it. */
export interface PageChangesSummary {
  /** Quotes and claims whose words the page changed (not a figure), with the changes. */
  readonly altered: readonly { readonly annotation: Quote | Claim; readonly changes: readonly AnnotationChange[] }[];
  /** Figures the page changed. */
  readonly figures: readonly { readonly annotation: Quote | Claim; readonly change: AnnotationChange }[];
  /** Quotes whose place holds a quotation in words too far from the report's to place. */
  readonly rewritten: readonly Quote[];
  /** Quotes the page credits to another known speaker. */
  readonly misattributed: readonly { readonly quote: Quote; readonly named: Speaker | undefined; readonly speaker: Speaker | undefined }[];
  /** Per speaker with quotations the page leaves out (not rewritten: gone): how many of how many. */
  readonly omittedQuotes: readonly { readonly speaker: Speaker; readonly missing: number; readonly quotes: number }[];
  readonly omittedClaims: number;
  /** Changes of wording, figures and misattributions together. */
  readonly count: number;
}

export interface Summary {
  readonly article: Article;
  readonly paragraphsFound: number;
  readonly placed: number;
  readonly total: number;
  readonly unplaced: readonly (Quote | Claim)[];
  /** Speakers with at least one quotation, in the article's order. */
  readonly speakers: readonly SpeakerRow[];
  readonly quotes: readonly Quote[];
  readonly claims: readonly Claim[];
  /** The strip: each annotation's place in the article, claims first so quotes draw over them. */
  readonly marks: readonly StripMark[];
  readonly findings: PageChangesSummary;
}

function findingsOf(article: Article, found: ArticleFound, quotes: readonly Quote[], claims: readonly Claim[]): PageChangesSummary {
  const annotations = new Map<string, Quote | Claim>([...quotes, ...claims].map((annotation) => [annotation.id, annotation]));
  const speakers = new Map(article.speakers.map((speaker) => [speaker.id, speaker]));
  const placed = new Set(found.placed);
  const altered = [...annotations.values()]
    .map((annotation) => ({ annotation, changes: found.changes.filter((change) => change.id === annotation.id && !change.figure) }))
    .filter((entry) => entry.changes.length > 0);
  const figures = found.changes.flatMap((change) => {
    const annotation = annotations.get(change.id);
    return change.figure && annotation !== undefined ? [{ annotation, change }] : [];
  });
  const misattributed = found.misattributed.flatMap(({ id, named }) => {
    const quote = annotations.get(id);
    return quote?.kind === 'quote' ? [{ quote, named: speakers.get(named), speaker: speakers.get(quote.speaker) }] : [];
  });
  const rewrittenIds = new Set(found.unplaced.filter((entry) => entry.reason === 'altered').map((entry) => entry.id));
  const rewritten = quotes.filter((quote) => rewrittenIds.has(quote.id));
  const omittedQuotes = article.speakers
    .map((speaker) => {
      const own = quotes.filter((quote) => quote.speaker === speaker.id);
      return { speaker, missing: own.filter((quote) => !placed.has(quote.id) && !rewrittenIds.has(quote.id)).length, quotes: own.length };
    })
    .filter((entry) => entry.missing > 0);
  return {
    altered,
    figures,
    rewritten,
    misattributed,
    omittedQuotes,
    omittedClaims: claims.filter((claim) => !placed.has(claim.id)).length,
    count: altered.length + figures.length + rewritten.length + misattributed.length,
  };
}

export function summarize(article: Article, found: ArticleFound): Summary {
  const placed = new Set(found.placed);
  const quotes = article.annotations.filter((annotation): annotation is Quote => annotation.kind === 'quote');
  const claims = article.annotations.filter((annotation): annotation is Claim => annotation.kind === 'claim');
  const colors = new Map(article.speakers.map((speaker) => [speaker.id, speaker.color]));
  const text = referenceText(article.paragraphs);
  const marks = [...claims, ...quotes].flatMap((annotation): StripMark[] => {
    const place = placeInReference(text, annotation.target);
    if (place === undefined) return [];
    return [
      {
        id: annotation.id,
        from: place.start / text.length,
        to: place.end / text.length,
        color: annotation.kind === 'quote' ? (colors.get(annotation.speaker) ?? null) : null,
        kind: annotation.kind,
        placed: placed.has(annotation.id),
      },
    ];
  });
  return {
    article,
    paragraphsFound: found.paragraphs.length,
    placed: article.annotations.filter((annotation) => placed.has(annotation.id)).length,
    total: article.annotations.length,
    unplaced: article.annotations.filter((annotation) => !placed.has(annotation.id)),
    speakers: article.speakers
      .map((speaker) => ({ speaker, quotes: quotes.filter((quote) => quote.speaker === speaker.id).length }))
      .filter((row) => row.quotes > 0),
    quotes,
    claims,
    marks,
    findings: findingsOf(article, found, quotes, claims),
  };
}
