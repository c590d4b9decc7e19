/**
 * The toolbar popup: what Isnad found on the tab (the reader chooses which
 * article it shows where the page carries several), switches for each
 * speaker's highlights, the claims and quotations to jump to, a map of where
 * they sit in the article, and the export; where no article is found, what
 * Isnad knows, searchable. This file wires it: the tab it speaks for, the
 * page's status, the preferences, the switches and the buttons; the
 * render-*.ts modules build what it shows, with DOM APIs and textContent only.
 */
import browser from 'webextension-polyfill';
import { toWebAnnotationCollection } from '../article/web-annotation';
import { sendToTab, type ArticleFound, type PageStatus } from '../shared/messages';
import type { Preferences } from '../shared/preferences';
import { loadPreferences, onPreferencesChanged, savePreferences } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import type { Words } from './dom';
import { wireEverywhereSwitch } from './everywhere-switch';
import { noticeIn, type Notice } from './notice';
import { PreferenceSwitches } from './preference-switches';
import { claimItem, quoteItem } from './render-annotations';
import { renderFindings } from './render-findings';
import { foundFacts, unplacedItems } from './render-found';
import { choiceItems, markChosen } from './render-choice';
import { showPreferences, speakerRows } from './render-speakers';
import { stripMarks } from './render-strip';
import { scanTab } from './scan';
import { summarize, type Summary } from './summary';
import { elementById, localizePage, make } from '../shared/extension-page';
import { formatCount } from '../shared/catalogue-search';
import { showKnownArticles } from '../shared/known-articles';
import { CatalogueCache } from './catalogue-cache';

const message = (name: string, substitutions?: string[]): string => browser.i18n.getMessage(name, substitutions);
const words: Words = { lang: uiLanguage(browser.i18n), message };

/**
 * The tab the popup speaks for: the active tab of its window, or the one
 * named by `?tab=<id>`, so that tests (and a popup opened in a tab of its
 * own) can bind it to another tab.
 */
async function targetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageStatus(tabId: number | undefined): Promise<PageStatus | null> {
  if (tabId === undefined) return null;
  try {
    return await sendToTab(tabId, { type: 'page-status' });
  } catch {
    return null; // No content script in that tab: a site outside the list, or a browser page.
  }
}

class Popup {
  #tabId: number | undefined;
  #preferences: PreferenceSwitches | undefined;
  /** The articles found on the page, and the summary of the one shown. */
  #found: readonly ArticleFound[] = [];
  #summary: Summary | undefined;
  /** Count the page's statuses and the articles asked for, so that an answer overtaken by a later one is dropped. */
  #refreshes = 0;
  #choices = 0;
  #knownShown = false;
  readonly #catalogue = new CatalogueCache();
  readonly #notice: Notice = noticeIn(elementById('notice'), message);
  readonly #goTo = (id: string): void => void this.#goToAnnotation(id);
  readonly #choose = (articleId: string): void => void this.#chooseArticle(articleId);

  async start(): Promise<void> {
    localizePage(words.lang, message);
    document.title = message('extName');

    this.#tabId = await targetTab();
    const preferences = new PreferenceSwitches(
      await loadPreferences(),
      { load: loadPreferences, save: savePreferences },
      () => this.#showSwitches(),
      this.#notice,
    );
    this.#preferences = preferences;
    onPreferencesChanged((changed) => preferences.replace(changed));
    this.#wire();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const refresh = ++this.#refreshes;
    this.#choices += 1; // a choice still being read is overtaken by the page's status
    const status = await pageStatus(this.#tabId);
    const found = status?.found ?? [];
    // The article shown before, where the page still carries it; else the first found.
    const shown = found.find((entry) => entry.articleId === this.#summary?.article.id) ?? found[0];
    const summary = shown === undefined ? undefined : await this.#summaryOf(shown);
    if (refresh !== this.#refreshes) return;
    this.#found = found;
    const state = status === null ? 'inactive' : shown === undefined || summary === undefined ? 'active' : 'found';
    const statusLine = elementById('page-status');
    statusLine.textContent =
      state === 'found' && found.length > 1
        ? message('popupFoundSeveral', [formatCount(found.length, words.lang)])
        : message({ inactive: 'popupInactive', active: 'popupActive', found: 'popupFound' }[state]);
    elementById('not-here').hidden = state !== 'inactive';
    elementById('found').hidden = state !== 'found';
    elementById('known').hidden = state === 'found';
    if (shown !== undefined && summary !== undefined) this.#showFound(summary, shown);
    else this.#summary = undefined;
    this.#showSwitches();
    await (state === 'found' ? this.#showChoice() : this.#showKnown());
    // Marks the popup rendered for this state, lists included, unless a later refresh overtook this one.
    if (refresh === this.#refreshes) statusLine.dataset.state = state;
  }

  /** The summary of an article found on the page, its data read the first time it is shown; undefined where it cannot be read. */
  async #summaryOf(found: ArticleFound): Promise<Summary | undefined> {
    try {
      return summarize(await this.#catalogue.article(found.articleId), found);
    } catch (error) {
      console.error(`Isnad: could not read the article ${found.articleId}`, error);
      return undefined;
    }
  }

  /** Where the page carries more than one article: a button for each, to choose the one shown. */
  async #showChoice(): Promise<void> {
    const found = this.#found;
    // The titles come from the catalogue's list: read only where there is a choice to make.
    const listings =
      found.length < 2
        ? []
        : await this.#catalogue.list().catch((error: unknown) => {
            console.error('Isnad: could not read the catalogue', error);
            return [];
          });
    if (found !== this.#found) return; // the page's status changed meanwhile
    const choice = elementById('choice');
    choice.replaceChildren(...(found.length < 2 ? [] : choiceItems(found, listings, words, this.#choose)));
    markChosen(choice, this.#summary?.article.id ?? '');
    elementById('choice-block').hidden = found.length < 2;
  }

  async #chooseArticle(articleId: string): Promise<void> {
    const found = this.#found.find((entry) => entry.articleId === articleId);
    if (found === undefined || articleId === this.#summary?.article.id) return;
    const choice = ++this.#choices;
    const summary = await this.#summaryOf(found);
    if (summary === undefined || choice !== this.#choices) return;
    this.#showFound(summary, found);
    this.#showSwitches();
    markChosen(elementById('choice'), articleId);
  }

  /** What Isnad knows, searchable: built once, from the catalogue's list, the first time no article is found. */
  async #showKnown(): Promise<void> {
    if (this.#knownShown) return;
    this.#knownShown = true;
    try {
      showKnownArticles(elementById('known-articles'), await this.#catalogue.list(), { ...words, labelledBy: 'articles-heading' });
    } catch (error) {
      this.#knownShown = false;
      console.error('Isnad: could not read the catalogue', error);
    }
  }

  #showFound(summary: Summary, found: ArticleFound): void {
    this.#summary = summary;
    const facts = foundFacts(summary, words);
    elementById('found-title').textContent = facts.title;
    elementById('found-date').textContent = facts.date;
    elementById('found-paragraphs').textContent = facts.paragraphs;
    elementById('found-placed').textContent = facts.placed;
    elementById('unplaced-block').hidden = summary.unplaced.length === 0;
    elementById('unplaced').replaceChildren(...unplacedItems(summary, found, words));

    const findings = renderFindings(summary, words, this.#goTo);
    elementById('findings-block').hidden = findings.rows.length === 0;
    elementById('findings-count').textContent = findings.count;
    elementById('findings').replaceChildren(...findings.rows);
    elementById('findings').lang = summary.article.lang;

    elementById('strip').replaceChildren(...stripMarks(summary, words, this.#goTo));
    elementById('speakers').replaceChildren(
      ...speakerRows(summary, words, {
        speaker: (id, shown) => {
          const hidden = new Set(this.#preferences?.current.hiddenSpeakers ?? []);
          if (shown) hidden.delete(id);
          else hidden.add(id);
          void this.#save({ hiddenSpeakers: [...hidden] });
        },
        claims: (shown) => void this.#save({ claims: shown }),
      }),
    );
    elementById('claims').replaceChildren(...summary.claims.map((claim) => claimItem(claim, words, this.#goTo)));
    elementById('quotes').replaceChildren(...summary.quotes.map((quote) => quoteItem(summary.article, quote, words, this.#goTo)));
  }

  #showSwitches(): void {
    const preferences = this.#preferences?.current;
    if (preferences !== undefined) showPreferences(document, preferences);
  }

  async #save(change: Partial<Preferences>): Promise<void> {
    await this.#preferences?.change(change);
  }

  async #goToAnnotation(id: string): Promise<void> {
    if (this.#tabId === undefined) return;
    const articleId = this.#summary?.article.id;
    if (articleId !== undefined) await sendToTab(this.#tabId, { type: 'go-to', articleId, id }).catch(() => false);
  }

  #wire(): void {
    const master = elementById('all-highlights', HTMLInputElement);
    master.addEventListener('change', () => void this.#save({ highlights: master.checked }));

    elementById('export').addEventListener('click', () => {
      const article = this.#summary?.article;
      if (article === undefined) return;
      const json = JSON.stringify(toWebAnnotationCollection(article), null, 2);
      const link = make('a');
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/ld+json' }));
      link.download = `${article.id}.jsonld`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });

    elementById('scan-page').addEventListener('click', () => void this.#scanThisPage());

    void wireEverywhereSwitch(elementById('everywhere', HTMLInputElement), browser.permissions, this.#notice);
  }

  async #scanThisPage(): Promise<void> {
    this.#notice.clear();
    const failure = await scanTab(browser, this.#tabId);
    if (failure !== null) this.#notice.show(failure.message, failure.detail);
    else await this.refresh();
  }
}

void new Popup().start();
