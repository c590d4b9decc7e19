/**
 * The catalogue as Isnad's own pages read it from the package: the list of
 * what Isnad knows, and one article's data when it is shown.
 */
import type { Article } from '../article/schema';
import { extensionApi as browser } from './extension-api';
import { articleFile, CATALOGUE_LIST, type CatalogueListing } from './package-files';

async function packagedJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/${path}`));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** Every article Isnad knows: id, title and date, in the catalogue's order. */
export async function catalogueList(): Promise<readonly CatalogueListing[]> {
  return (await packagedJson(CATALOGUE_LIST)) as CatalogueListing[];
}

/** One article's data, as the build validated it. */
export async function catalogueArticle(id: string): Promise<Article> {
  return (await packagedJson(articleFile(id))) as Article;
}
