/** What the catalogue's detection index holds of an article: its probes and thresholds, as its own pre-check has them. */
import type { Article } from '../article/schema';
import { indexArticle } from './article-index';
import type { CatalogueArticle } from './catalogue-index';
import { ARTICLE_THRESHOLD } from './detect';

export function catalogueEntry(article: Article): CatalogueArticle {
  const index = indexArticle(article);
  return {
    id: article.id,
    phrases: index.probes.phrases,
    needed: index.probes.needed,
    minChars: Math.ceil(index.totalWeight * ARTICLE_THRESHOLD),
  };
}
