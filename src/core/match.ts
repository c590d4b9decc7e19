/**
 * The engine's one entry point: given an article's index and a page's raw
 * text, is the article there, and where is each of its annotations?
 */
import { anchorAll, type Placed, type Unplaced } from './anchor';
import type { ArticleIndex } from './article-index';
import { detect, precheck } from './detect';
import { normalize, toSourceRange } from './normalize';

export interface ArticleOnPage {
  readonly articleId: string;
  /** Share of the article found on the page, 0 to 1. */
  readonly coverage: number;
  /** Indices of the article's paragraphs found, in article order. */
  readonly paragraphs: readonly number[];
  /** Annotations placed, with ranges in the raw page text. */
  readonly placed: readonly Placed[];
  readonly unplaced: readonly Unplaced[];
  /** Characters of page text the anchoring searched: bounded by the annotations' lengths, whatever the page. */
  readonly searched: number;
}

export type PageVerdict =
  | { readonly found: false; readonly coverage: number; readonly prechecked: boolean }
  | ({ readonly found: true } & ArticleOnPage);

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
      return { ...anchor, start, end };
    }),
    unplaced,
    searched,
  };
}
