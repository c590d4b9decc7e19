/**
 * The engine's one entry point: given an article's index and a page's raw
 * text, is the article there, and where is each of its annotations?
 */
import { anchorAll, type Placed, type Unplaced } from './anchor';
import type { ArticleIndex } from './article-index';
import { misattributions, type Misattribution } from './attribution';
import { wordChanges, type WordChange } from './compare';
import { detect, precheck } from './detect';
import { normalize, toSourceRange, type NormalizedText } from './normalize';
import { itemAt } from './item-at';

/** A change a page made in an annotation's words, with the words on both sides as written. */
export interface ChangeOnPage extends Omit<WordChange, 'page' | 'reference'> {
  /** Range of the page words in the raw page text. */
  readonly start: number;
  readonly end: number;
  readonly pageWords: string;
  /** The reference's words there, as published ('' where the page inserted words). */
  readonly referenceWords: string;
  /** Where the page words are in the annotation's text on the page, and the reference words in its `exact`. */
  readonly pageAt: readonly [number, number];
  readonly referenceAt: readonly [number, number];
}

/** A placed annotation, with what the page changed in its words (none for an exact match). */
export interface PlacedOnPage extends Placed {
  readonly changes: readonly ChangeOnPage[];
}

export interface ArticleOnPage {
  readonly articleId: string;
  /** Share of the article found on the page, 0 to 1. */
  readonly coverage: number;
  /** Indices of the article's paragraphs found, in article order. */
  readonly paragraphs: readonly number[];
  /** Annotations placed, with ranges in the raw page text. */
  readonly placed: readonly PlacedOnPage[];
  readonly unplaced: readonly Unplaced[];
  /** Characters of page text the anchoring searched: bounded by the annotations' lengths, whatever the page. */
  readonly searched: number;
  /** Placed quotes whose attribution on this page names another known speaker. */
  readonly misattributed: readonly Misattribution[];
}

export type PageVerdict =
  { readonly found: false; readonly coverage: number; readonly prechecked: boolean } | ({ readonly found: true } & ArticleOnPage);

/** The whole engine on a text: the pre-check, then `matchText`. */
export function matchArticle(index: ArticleIndex, rawPageText: string): PageVerdict {
  if (!precheck(index, rawPageText).passed) return { found: false, coverage: 0, prechecked: false };
  return matchText(index, rawPageText);
}

/** Is the article in this text (one that passed the pre-check, or the part of a page it pointed to), and where is each annotation? */
export function matchText(index: ArticleIndex, rawPageText: string): PageVerdict {
  const page = normalize(rawPageText);
  const detection = detect(index, page);
  if (!detection.found) return { found: false, coverage: detection.coverage, prechecked: true };
  const { placed, unplaced, searched } = anchorAll(index, page.text, detection);
  return {
    found: true,
    articleId: index.article.id,
    coverage: detection.coverage,
    paragraphs: detection.paragraphs.map((paragraph) => paragraph.index),
    placed: placed.map((anchor) => {
      const [start, end] = toSourceRange(page, anchor.start, anchor.end);
      return { ...anchor, start, end, changes: anchor.method === 'exact' ? [] : changesIn(index, page, rawPageText, anchor, start) };
    }),
    unplaced,
    searched,
    misattributed: misattributions(index, page, rawPageText, placed),
  };
}

/** What the page changed in a placed annotation's words (placed at `placedStart` in the raw page text), mapped back to the page and the reference as written. */
function changesIn(index: ArticleIndex, page: NormalizedText, rawPageText: string, anchor: Placed, placedStart: number): ChangeOnPage[] {
  const span = index.spans.get(anchor.id);
  if (span === undefined) return [];
  const { reference, published } = index;
  const exactStart = itemAt(reference.toSource, span.start);
  return wordChanges(reference.text.slice(span.start, span.end), page.text.slice(anchor.start, anchor.end)).map(
    ({ page: at, reference: was, ...change }) => {
      const [start, end] = toSourceRange(page, anchor.start + at[0], anchor.start + at[1]);
      const [from, to] = was[1] > was[0] ? toSourceRange(reference, span.start + was[0], span.start + was[1]) : [exactStart, exactStart];
      return {
        ...change,
        start,
        end,
        pageWords: rawPageText.slice(start, end),
        referenceWords: published.slice(from, to),
        pageAt: [start - placedStart, end - placedStart],
        referenceAt: [from - exactStart, to - exactStart],
      };
    },
  );
}
