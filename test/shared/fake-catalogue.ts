/**
 * The catalogue's files as the build writes them into the package
 * (`scripts/catalogue-files.ts`), served to `fetch` as Isnad's own pages
 * read them (`src/shared/catalogue-files.ts`). By default the bundled
 * articles.
 */
import { vi } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { catalogueFiles } from '../../scripts/catalogue-files';
import type { Article } from '../../src/article/schema';
import type { CatalogueListing } from '../../src/shared/package-files';
import { packageFetch } from '../support/extension-world';

/** What the catalogue's list holds of an article. */
export const listingOf = ({ id, title, date }: Article): CatalogueListing => ({ id, title, date });

/** Serves the catalogue of `articles` to the global `fetch`; returns the package paths read, in order. */
export function serveCatalogue(articles: readonly Article[] = loadArticles()): string[] {
  const reads: string[] = [];
  vi.stubGlobal('fetch', packageFetch(catalogueFiles(articles), reads));
  return reads;
}
