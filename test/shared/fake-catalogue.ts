/**
 * The catalogue files the build writes into the package, served to `fetch`
 * as Isnad's own pages read them (`src/shared/catalogue-files.ts`): the
 * list, and each article's file. By default the bundled articles.
 */
import { vi } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import type { Article } from '../../src/article/schema';
import { articleFile, CATALOGUE_LIST, type CatalogueListing } from '../../src/shared/package-files';

/** The address `fakeBrowser().runtime.getURL` gives the package's root. */
export const PACKAGE_ROOT = 'extension://isnad-test/';

export const listingOf = ({ id, title, date }: Article): CatalogueListing => ({ id, title, date });

/** A `fetch` serving the catalogue of `articles` (or `listings`, where the list holds articles without a file here); 404 for anything else. */
export function catalogueFetch(articles: readonly Article[] = loadArticles(), listings = articles.map(listingOf)) {
  const files = new Map<string, unknown>([
    [CATALOGUE_LIST, listings],
    ...articles.map((article) => [articleFile(article.id), article] as const),
  ]);
  return vi.fn((url: string) => {
    const body = url.startsWith(PACKAGE_ROOT) ? files.get(url.slice(PACKAGE_ROOT.length)) : undefined;
    return Promise.resolve(
      body === undefined ? new Response('not found', { status: 404 }) : new Response(JSON.stringify(body), { status: 200 }),
    );
  });
}

/** Paths fetched so far by `fetch`, relative to the package. */
export const fetched = (fetch: ReturnType<typeof catalogueFetch>): string[] =>
  fetch.mock.calls.map(([url]) => url.slice(PACKAGE_ROOT.length));
