/**
 * The toolbar popup: what Isnad found on the tab, switches for each
 * speaker's highlights, the claims and quotations to jump to, a map of where
 * they sit in the article, and the export. Built with DOM APIs and
 * textContent only.
 */
import browser from 'webextension-polyfill';
import articles from 'isnad:articles';
import type { Article, Claim, Quote, Speaker } from '../article/schema';
import { toWebAnnotationCollection } from '../article/web-annotation';
import { sendToTab, type ArticleFound, type PageStatus } from '../shared/messages';
import type { Preferences } from '../shared/preferences';
import { loadPreferences, onPreferencesChanged, savePreferences } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import { categoryMessage, unplacedMessage, verdictMessage } from '../shared/labels';
import { wireEverywhereSwitch } from './everywhere-switch';
import { noticeIn, type Notice } from './notice';
import { PreferenceSwitches } from './preference-switches';
import { scanTab } from './scan';
import { summarize, type Summary } from './summary';

const message = (name: string, substitutions?: string[]): string => browser.i18n.getMessage(name, substitutions);
const lang = uiLanguage(browser.i18n);

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`popup.html has no #${id}`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

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
  #summary: Summary | undefined;
  readonly #notice: Notice = noticeIn(element('notice'), message);

  async start(): Promise<void> {
    document.documentElement.lang = lang;
    document.documentElement.dir = message('@@bidi_dir');
    document.title = message('extName');
    for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = message(node.dataset.i18n ?? '');
    this.#renderKnown();

    this.#tabId = await targetTab();
    const preferences = new PreferenceSwitches(
      await loadPreferences(),
      { load: loadPreferences, save: savePreferences },
      () => this.#renderSwitches(),
      this.#notice,
    );
    this.#preferences = preferences;
    onPreferencesChanged((changed) => preferences.replace(changed));
    this.#wire();
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const status = await pageStatus(this.#tabId);
    const found = status?.found ?? null;
    const article = articles.find((candidate) => candidate.id === found?.articleId);
    const state = status === null ? 'inactive' : found === null || article === undefined ? 'active' : 'found';
    const statusLine = element('page-status');
    statusLine.textContent = message({ inactive: 'popupInactive', active: 'popupActive', found: 'popupFound' }[state]);
    statusLine.dataset.state = state;
    element('not-here').hidden = state !== 'inactive';
    element('found').hidden = state !== 'found';
    element('known').hidden = state === 'found';
    this.#summary = found !== null && article !== undefined ? summarize(article, found) : undefined;
    if (this.#summary !== undefined && found !== null) this.#renderFound(this.#summary, found);
    this.#renderSwitches();
  }

  #renderKnown(): void {
    element('articles').replaceChildren(
      ...articles.map((article) => {
        const item = make('li', undefined, article.title[lang]);
        item.lang = lang;
        return item;
      }),
    );
  }

  #renderFound(summary: Summary, found: ArticleFound): void {
    const { article } = summary;
    element('found-title').textContent = article.title[lang];
    const date = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${article.date}T00:00:00Z`),
    );
    element('found-date').textContent = message('popupDate', [date]);
    element('found-paragraphs').textContent = message('popupParagraphs', [
      String(summary.paragraphsFound),
      String(article.paragraphs.length),
    ]);
    element('found-placed').textContent = message('popupPlaced', [String(summary.placed), String(summary.total)]);

    const reasons = new Map(found.unplaced.map((entry) => [entry.id, entry.reason]));
    element('unplaced-block').hidden = summary.unplaced.length === 0;
    element('unplaced').replaceChildren(
      ...summary.unplaced.map((annotation) => {
        const reason = unplacedMessage[reasons.get(annotation.id) ?? 'paragraph-missing'];
        const item = make('li', 'meta', `${annotation.target.exact} — ${message(reason)}`);
        item.dir = 'auto';
        return item;
      }),
    );

    this.#renderFindings(summary);
    this.#renderStrip(summary);
    this.#renderSpeakers(summary);
    element('claims').replaceChildren(...summary.claims.map((claim) => this.#claimItem(claim)));
    element('quotes').replaceChildren(...summary.quotes.map((quote) => this.#quoteItem(article, quote)));
  }

  /** What this page changed against the report: each change of wording, figure and attribution leads to its place; then what it leaves out. */
  #renderFindings(summary: Summary): void {
    const { findings, article } = summary;
    const item = (id: string, text: string): HTMLElement => {
      const entry = make('li');
      const button = make('button', 'item finding', text);
      button.type = 'button';
      button.dir = 'auto';
      button.dataset.annotation = id;
      button.addEventListener('click', () => void this.#goTo(id));
      entry.append(button);
      return entry;
    };
    const name = (speaker: Speaker | undefined): string => speaker?.name[lang] ?? '';
    const excerpt = (annotation: Quote | Claim): string => `«${annotation.target.exact}»`;
    const rows = [
      ...findings.misattributed.map(({ quote, named, speaker }) =>
        item(quote.id, message('popupFindingMisattributed', [excerpt(quote), name(named), name(speaker)])),
      ),
      ...findings.figures.map(({ annotation, change }) =>
        item(annotation.id, message('popupFindingFigure', [change.pageWords, change.referenceWords, excerpt(annotation)])),
      ),
      ...findings.rewritten.map((quote) => make('li', 'meta', message('popupFindingRewritten', [excerpt(quote), name(article.speakers.find((speaker) => speaker.id === quote.speaker))]))),
      ...findings.altered.map(({ annotation, changes }) =>
        item(
          annotation.id,
          message('popupFindingAltered', [
            excerpt(annotation),
            changes.map((change) => (change.kind === 'deleted' ? `− ${change.referenceWords}` : change.kind === 'inserted' ? `+ ${change.pageWords}` : `${change.pageWords} ← ${change.referenceWords}`)).join(lang === 'ar' ? '، ' : '; '),
          ]),
        ),
      ),
      ...findings.omittedQuotes.map(({ speaker, missing, quotes }) => make('li', 'meta', message('popupFindingOmittedQuotes', [String(missing), String(quotes), name(speaker)]))),
      ...(findings.omittedClaims > 0 ? [make('li', 'meta', message('popupFindingOmittedClaims', [String(findings.omittedClaims), String(summary.claims.length)]))] : []),
    ];
    element('findings-block').hidden = rows.length === 0;
    element('findings-count').textContent = message('popupFindingsCount', [String(findings.count)]);
    element('findings').replaceChildren(...rows);
    element('findings').lang = article.lang;
  }

  /** Where each quote (top row, in its speaker's colour) and claim (bottom row, grey) sits along the article. */
  #renderStrip(summary: Summary): void {
    const rtl = summary.article.lang === 'ar';
    element('strip').replaceChildren(
      ...summary.marks.map((mark) => {
        const button = make('button', `${mark.kind}${mark.placed ? '' : ' unplaced'}`);
        button.type = 'button';
        button.style.setProperty(rtl ? 'right' : 'left', `${(mark.from * 100).toFixed(2)}%`);
        button.style.setProperty('width', `${Math.max(0.5, (mark.to - mark.from) * 100).toFixed(2)}%`);
        if (mark.color !== null) button.style.setProperty('background', mark.color);
        button.setAttribute('aria-label', this.#label(summary.article, mark.id));
        button.title = button.getAttribute('aria-label') ?? '';
        button.disabled = !mark.placed;
        button.addEventListener('click', () => void this.#goTo(mark.id));
        return button;
      }),
    );
  }

  #label(article: Article, id: string): string {
    const annotation = article.annotations.find((candidate) => candidate.id === id);
    if (annotation === undefined) return id;
    if (annotation.kind === 'claim') {
      return message('announceClaim', [message(categoryMessage[annotation.category]), message(verdictMessage[annotation.verdict])]);
    }
    const speaker = article.speakers.find((candidate) => candidate.id === annotation.speaker);
    return `${message('announceQuote', [speaker?.name[lang] ?? annotation.speaker])}: ${annotation.target.exact}`;
  }

  #renderSpeakers(summary: Summary): void {
    const rows = summary.speakers.map(({ speaker, quotes }) => {
      const row = make('li', 'speaker');
      const swatch = make('span', 'swatch');
      swatch.style.setProperty('background', `${speaker.color}38`);
      swatch.style.setProperty('border-bottom', `3px ${speaker.cue} ${speaker.color}`);
      swatch.setAttribute('aria-hidden', 'true');
      const who = make('label', 'who');
      const name = make('span', 'name', speaker.name[lang]);
      const role = make('span', 'role', speaker.role[lang]);
      const count = make('span', 'count', message('popupQuoteCount', [String(quotes)]));
      const toggle = make('input');
      toggle.type = 'checkbox';
      toggle.setAttribute('role', 'switch');
      toggle.id = `speaker-${speaker.id}`;
      toggle.dataset.speaker = speaker.id;
      who.htmlFor = toggle.id;
      who.append(name, role, count);
      toggle.addEventListener('change', () => {
        const hidden = new Set(this.#preferences?.current.hiddenSpeakers ?? []);
        if (toggle.checked) hidden.delete(speaker.id);
        else hidden.add(speaker.id);
        void this.#save({ hiddenSpeakers: [...hidden] });
      });
      row.append(swatch, who, toggle);
      return row;
    });
    const claims = make('li', 'speaker');
    const claimSwatch = make('span', 'swatch');
    claimSwatch.style.setProperty('background', 'rgba(128, 128, 128, 0.22)');
    claimSwatch.style.setProperty('border-bottom', '3px dotted #808080');
    claimSwatch.setAttribute('aria-hidden', 'true');
    const claimLabel = make('label', 'who');
    claimLabel.append(make('span', 'name', message('popupClaimsSwitch')));
    claimLabel.htmlFor = 'claims-switch';
    const claimToggle = make('input');
    claimToggle.type = 'checkbox';
    claimToggle.setAttribute('role', 'switch');
    claimToggle.id = 'claims-switch';
    claimToggle.addEventListener('change', () => void this.#save({ claims: claimToggle.checked }));
    claims.append(claimSwatch, claimLabel, claimToggle);
    element('speakers').replaceChildren(...rows, claims);
  }

  #claimItem(claim: Claim): HTMLElement {
    const item = make('li');
    const button = make('button', 'item');
    button.type = 'button';
    const badge = make('span', 'badge', message(verdictMessage[claim.verdict]));
    badge.dataset.verdict = claim.verdict;
    const category = make('span', 'meta', message(categoryMessage[claim.category]));
    const line = make('span', 'line', claim.context[lang]);
    line.lang = lang;
    button.append(badge, category, line);
    button.dataset.annotation = claim.id;
    button.addEventListener('click', () => void this.#goTo(claim.id));
    item.append(button);
    return item;
  }

  #quoteItem(article: Article, quote: Quote): HTMLElement {
    const speaker = article.speakers.find((candidate) => candidate.id === quote.speaker);
    const item = make('li');
    const button = make('button', 'item');
    button.type = 'button';
    button.style.setProperty('border-inline-start', `4px ${speaker?.cue ?? 'solid'} ${speaker?.color ?? '#808080'}`);
    const who = make('span', 'meta', speaker?.name[lang] ?? quote.speaker);
    const line = make('span', 'line', `«${quote.target.exact}»`);
    line.lang = article.lang;
    line.dir = 'rtl';
    button.append(who, line);
    button.dataset.annotation = quote.id;
    button.addEventListener('click', () => void this.#goTo(quote.id));
    item.append(button);
    return item;
  }

  #renderSwitches(): void {
    const preferences = this.#preferences?.current;
    if (preferences === undefined) return;
    const master = element<HTMLInputElement>('all-highlights');
    master.checked = preferences.highlights;
    for (const toggle of document.querySelectorAll<HTMLInputElement>('input[data-speaker]')) {
      toggle.checked = !preferences.hiddenSpeakers.includes(toggle.dataset.speaker ?? '');
      toggle.disabled = !preferences.highlights;
    }
    const claims = document.getElementById('claims-switch') as HTMLInputElement | null;
    if (claims !== null) {
      claims.checked = preferences.claims;
      claims.disabled = !preferences.highlights;
    }
  }

  async #save(change: Partial<Preferences>): Promise<void> {
    await this.#preferences?.change(change);
  }

  async #goTo(id: string): Promise<void> {
    if (this.#tabId === undefined) return;
    await sendToTab(this.#tabId, { type: 'go-to', id }).catch(() => false);
  }

  #wire(): void {
    const master = element<HTMLInputElement>('all-highlights');
    master.addEventListener('change', () => void this.#save({ highlights: master.checked }));

    element('export').addEventListener('click', () => {
      const article = this.#summary?.article;
      if (article === undefined) return;
      const json = JSON.stringify(toWebAnnotationCollection(article), null, 2);
      const link = make('a');
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/ld+json' }));
      link.download = `${article.id}.jsonld`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });

    element('scan-page').addEventListener('click', () => void this.#scanThisPage());

    void wireEverywhereSwitch(element<HTMLInputElement>('everywhere'), browser.permissions, this.#notice);
  }

  async #scanThisPage(): Promise<void> {
    this.#notice.clear();
    const failure = await scanTab(browser, this.#tabId);
    if (failure !== null) this.#notice.show(failure.message, failure.detail);
    else await this.refresh();
  }
}

void new Popup().start();
