/**
 * Finding an article in the catalogue's list by its title or its date, as
 * the reader types. Pure, so that the popup and the welcome page search
 * alike and the tests need no DOM.
 */
import { BLOCK_BREAK } from '../engine/arabic';
import { normalize } from '../engine/normalize';
import type { CatalogueListing } from './package-files';
import type { Messages, UiLanguage } from './ui-language';

/** How many matches are shown at once: enough to read through, few enough to build at each key press. */
export const SHOWN_MATCHES = 50;

/**
 * Text as the search compares it: folded as the engine folds a page
 * (harakat and tatweel dropped, alef, hamza, taa marbuta and alef maqsura
 * forms made one, Arabic-Indic digits made Latin), in any case, with one
 * space between words.
 */
export function searchText(text: string): string {
  return normalize(text.toLowerCase()).text.replace(/\s+/g, ' ').trim();
}

export interface SearchResult {
  /** The matches shown, newest first: at most the limit. */
  readonly shown: readonly CatalogueListing[];
  /** How many articles match in all. */
  readonly total: number;
  /** Whether the reader searched for something (otherwise every article matches). */
  readonly searching: boolean;
}

/**
 * Each article's titles and date as the search compares them, in one call
 * of the engine's normaliser over them all, which is several times faster
 * than a call per article. The block break, which the normaliser keeps as
 * a line break, separates them; a date is never empty, so no two merge.
 */
function searchKeys(listings: readonly CatalogueListing[]): readonly string[] {
  const keys = listings.map(({ title, date }) => `${title.ar} ${title.en} ${date}`.replaceAll(BLOCK_BREAK, ' '));
  const folded = normalize(keys.join(BLOCK_BREAK).toLowerCase()).text.split('\n');
  return folded.length === keys.length ? folded : keys.map(searchText);
}

/** The catalogue's list, newest first, with each article's titles and date folded once, when prepared or at the first search. */
export class CatalogueSearch {
  readonly listings: readonly CatalogueListing[];
  #keys: readonly string[] | undefined;

  constructor(listings: readonly CatalogueListing[]) {
    // Newest first: a reader looks for recent news first. Dates are YYYY-MM-DD, so they sort as strings; the sort is stable.
    this.listings = [...listings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  /** Folds the titles and dates now, rather than at the first search: about a tenth of a second for 10,000 articles. */
  prepare(): void {
    this.#keys ??= searchKeys(this.listings);
  }

  /** The articles whose Arabic or English title or date holds every word of `query`. */
  search(query: string, limit = SHOWN_MATCHES): SearchResult {
    const words = searchText(query)
      .split(' ')
      .filter((word) => word !== '');
    if (words.length === 0) return { shown: this.listings.slice(0, limit), total: this.listings.length, searching: false };
    const keys = (this.#keys ??= searchKeys(this.listings));
    const shown: CatalogueListing[] = [];
    let total = 0;
    keys.forEach((key, index) => {
      if (!words.every((word) => key.includes(word))) return;
      total += 1;
      const listing = this.listings[index];
      if (shown.length < limit && listing !== undefined) shown.push(listing);
    });
    return { shown, total, searching: true };
  }
}

/** A number as the UI language writes it: «١٠٬٠٠٠» or «10,000», as the browser's locale data has it. */
export const formatCount = (count: number, lang: UiLanguage): string => new Intl.NumberFormat(lang).format(count);

/**
 * How many articles Isnad knows, as a sentence. The noun agrees with the
 * number (Arabic has six forms: «مقالاً واحداً», «مقالين», «٣ مقالات»,
 * «١١ مقالاً», «١٠٠ مقال»…), so each plural category of the language has a
 * message of its own: `catalogueKnown` and the category, capitalised.
 */
export function knownCountText(count: number, lang: UiLanguage, message: Messages): string {
  const category = new Intl.PluralRules(lang).select(count);
  return message(`catalogueKnown${category.charAt(0).toUpperCase()}${category.slice(1)}`, [formatCount(count, lang)]);
}

/** What the search found, as the lines a screen reader announces: how many match, and how many are not shown. */
export function resultText(result: SearchResult, lang: UiLanguage, message: Messages): string {
  const more = result.total - result.shown.length;
  const lines: string[] = [];
  if (result.searching) {
    lines.push(result.total === 0 ? message('catalogueNoMatch') : message('catalogueMatches', [formatCount(result.total, lang)]));
  }
  if (more > 0) lines.push(message(result.searching ? 'catalogueMoreMatches' : 'catalogueMoreArticles', [formatCount(more, lang)]));
  return lines.join(' ');
}
