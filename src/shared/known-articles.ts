/**
 * What Isnad knows, as the popup and the welcome page show it: how many
 * articles, a search box, and the newest matches by title or date, in the
 * UI language. Built from the catalogue's list alone, never from the
 * articles' own files. DOM APIs and textContent only.
 */
import { CatalogueSearch, knownCountText, resultText } from './catalogue-search';
import { eventDateFormat } from './event-date';
import { make } from './extension-page';
import type { CatalogueListing } from './package-files';
import type { Messages, UiLanguage } from './ui-language';

export interface KnownArticlesOptions {
  readonly lang: UiLanguage;
  readonly message: Messages;
  /** The id of the heading the list is named by. */
  readonly labelledBy: string;
}

/** Fills `container` with the count, the search box, what the search found and the list; the list follows the box as the reader types. */
export function showKnownArticles(container: HTMLElement, listings: readonly CatalogueListing[], options: KnownArticlesOptions): void {
  const { lang, message, labelledBy } = options;
  const catalogue = new CatalogueSearch(listings);
  const dateOf = eventDateFormat(lang);

  const count = make('p', 'known-count', knownCountText(listings.length, lang, message));
  count.id = 'known-count';
  const label = make('label', 'known-label', message('catalogueSearchLabel'));
  label.htmlFor = 'known-search';
  const input = make('input', 'known-search');
  input.type = 'search';
  input.id = 'known-search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  // A title may be searched in either language, whatever the page's direction.
  input.dir = 'auto';
  input.placeholder = message('catalogueSearchPlaceholder');
  input.setAttribute('aria-controls', 'known-list');
  // Announced as it changes: how many match, and how many are not shown.
  const status = make('p', 'known-matches');
  status.id = 'known-matches';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = make('ul', 'known-list');
  list.id = 'known-list';
  list.setAttribute('aria-labelledby', labelledBy);
  // The list scrolls in a box of its own in the popup: it must be reachable by keyboard to scroll.
  list.tabIndex = 0;

  const item = (listing: CatalogueListing): HTMLLIElement => {
    const entry = make('li');
    const title = make('span', 'known-title', listing.title[lang]);
    const date = make('time', 'known-date', dateOf(listing.date));
    date.dateTime = listing.date;
    entry.append(title, date);
    return entry;
  };
  const show = (): void => {
    const result = catalogue.search(input.value);
    list.replaceChildren(...result.shown.map(item));
    list.hidden = result.shown.length === 0;
    list.scrollTop = 0;
    status.textContent = resultText(result, lang, message);
  };
  input.addEventListener('input', show);
  show();
  container.replaceChildren(count, label, input, status, list);
  // Ready before the reader's first key, without holding up the page's first paint.
  whenIdle(() => catalogue.prepare());
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}
