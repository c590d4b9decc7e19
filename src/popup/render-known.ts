/** The articles Isnad knows, listed while none is found on the tab. */
import type { CatalogueListing } from '../shared/package-files';
import type { Words } from './dom';
import { make } from '../shared/extension-page';

export function knownItems(articles: readonly CatalogueListing[], { lang }: Pick<Words, 'lang'>): HTMLLIElement[] {
  return articles.map((article) => {
    const item = make('li', undefined, article.title[lang]);
    item.lang = lang;
    return item;
  });
}
