/**
 * The catalogue as the popup reads it: the list once, the first time it is
 * needed, and each article's data once, the first time that article is
 * shown; a read that failed is tried again the next time.
 */
import type { Article } from '../article/schema';
import { catalogueArticle, catalogueList } from '../shared/catalogue-files';
import type { CatalogueListing } from '../shared/package-files';

export interface CatalogueReader {
  list(): Promise<readonly CatalogueListing[]>;
  article(id: string): Promise<Article>;
}

export class CatalogueCache {
  readonly #reader: CatalogueReader;
  #list: Promise<readonly CatalogueListing[]> | undefined;
  readonly #articles = new Map<string, Promise<Article>>();

  constructor(reader: CatalogueReader = { list: catalogueList, article: catalogueArticle }) {
    this.#reader = reader;
  }

  list(): Promise<readonly CatalogueListing[]> {
    this.#list ??= this.#reader.list().catch((error: unknown) => {
      this.#list = undefined;
      throw error;
    });
    return this.#list;
  }

  article(id: string): Promise<Article> {
    let read = this.#articles.get(id);
    if (read === undefined) {
      read = this.#reader.article(id).catch((error: unknown) => {
        this.#articles.delete(id);
        throw error;
      });
      this.#articles.set(id, read);
    }
    return read;
  }
}
