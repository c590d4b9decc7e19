/** One pass over the page: read its text, find which bundled article is there, and place its annotations. */
import type { Article } from '../annotations/schema';
import { indexArticle, type ArticleIndex } from '../core/article-index';
import { matchArticle } from '../core/match';
import type { ArticleFound } from '../shared/messages';
import { domRange, readPageText } from './read-text';

export interface Scan {
  readonly found: ArticleFound | null;
  /** The DOM range of each placed annotation, by annotation id. */
  readonly ranges: ReadonlyMap<string, Range>;
}

export class PageScanner {
  readonly #indexes: readonly ArticleIndex[];

  constructor(articles: readonly Article[]) {
    this.#indexes = articles.map(indexArticle);
  }

  scan(root: Node): Scan {
    const page = readPageText(root);
    for (const index of this.#indexes) {
      const verdict = matchArticle(index, page.text);
      if (!verdict.found) continue;
      const ranges = new Map<string, Range>();
      for (const placed of verdict.placed) {
        const range = domRange(page, placed.start, placed.end);
        if (range !== undefined) ranges.set(placed.id, range);
      }
      return {
        found: {
          articleId: verdict.articleId,
          coverage: verdict.coverage,
          paragraphs: verdict.paragraphs,
          placed: [...ranges.keys()],
          unplaced: verdict.unplaced,
        },
        ranges,
      };
    }
    return { found: null, ranges: new Map() };
  }
}
