/** The catalogue's files in the package, written by the build and served to the tests' fake extension. */
import type { Article } from '../src/article/schema';
import { catalogueEntries } from '../src/engine/catalogue-entry';
import { writeCatalogueIndex } from '../src/engine/catalogue-index';
import { articleFile, CATALOGUE_INDEX, CATALOGUE_LIST, type CatalogueListing } from '../src/shared/package-files';

/**
 * The catalogue as the extension reads it: one detection index for every
 * article, the list the popup and the welcome page show, and each article's
 * data in a file of its own, read only where that article is found.
 */
export function catalogueFiles(articles: readonly Article[]): Map<string, string | Uint8Array> {
  const listing: CatalogueListing[] = articles.map(({ id, title, date }) => ({ id, title, date }));
  const files = new Map<string, string | Uint8Array>([
    [CATALOGUE_INDEX, writeCatalogueIndex(catalogueEntries(articles))],
    [CATALOGUE_LIST, JSON.stringify(listing)],
  ]);
  for (const { $schema: _schema, ...article } of articles) files.set(articleFile(article.id), JSON.stringify(article));
  return files;
}
