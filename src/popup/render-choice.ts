/** The articles a page carries, when it carries more than one: a button for each, the one the popup shows pressed. */
import type { ArticleFound } from '../shared/messages';
import type { CatalogueListing } from '../shared/package-files';
import { make } from '../shared/extension-page';
import type { Words } from './dom';

/** Shows an article found on the page, chosen by the reader. */
export type Choose = (articleId: string) => void;

/** A button per article found, in the order found, named by its title in the UI language (from the catalogue's list). */
export function choiceItems(
  found: readonly ArticleFound[],
  listings: readonly CatalogueListing[],
  { lang }: Pick<Words, 'lang'>,
  choose: Choose,
): HTMLLIElement[] {
  const ids = new Set(found.map(({ articleId }) => articleId));
  const titles = new Map(listings.filter(({ id }) => ids.has(id)).map(({ id, title }) => [id, title[lang]]));
  return found.map(({ articleId }) => {
    const item = make('li');
    const button = make('button', 'item choice', titles.get(articleId) ?? articleId);
    button.type = 'button';
    button.dataset.article = articleId;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => choose(articleId));
    item.append(button);
    return item;
  });
}

/** Presses the button of the article shown, and only it. */
export function markChosen(root: ParentNode, articleId: string): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-article]')) {
    button.setAttribute('aria-pressed', String(button.dataset.article === articleId));
  }
}
