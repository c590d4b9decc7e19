/**
 * The welcome page, opened once on install: what Isnad does and does not
 * do, a live sample, where it runs, the articles it knows (searchable), its
 * shortcuts as bound now, what the popup offers, and what it stores and
 * sends. Built with DOM APIs and textContent only.
 */
import browser from 'webextension-polyfill';
import { listedSites } from '../shared/sites';
import { loadDebugSwitch } from '../shared/debug';
import type { Preferences } from '../shared/preferences';
import { loadPreferences, onPreferencesChanged } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import { showLiveSample } from './live-sample';
import { sampleArticle } from './sample';
import { siteLabel } from './sites';
import { elementById, localizePage, make } from '../shared/extension-page';
import { catalogueArticle, catalogueList } from '../shared/catalogue-files';
import { highlightStyles } from '../shared/highlights';
import { showKnownArticles } from '../shared/known-articles';
import type { CatalogueListing } from '../shared/package-files';
import type { Article } from '../article/schema';

const message = (name: string, substitutions?: string[]): string => browser.i18n.getMessage(name, substitutions);
const lang = uiLanguage(browser.i18n);

/** The shortcuts as the browser binds them now (the reader may have changed them); its own `_execute_*` commands are not Isnad's. */
async function renderShortcuts(): Promise<void> {
  const commands = (await browser.commands.getAll()).filter((command) => !(command.name ?? '').startsWith('_'));
  elementById('keys').replaceChildren(
    ...commands.flatMap((command) => {
      const keys = make('dt');
      if (command.shortcut) {
        const kbd = make('kbd', undefined, command.shortcut);
        kbd.dir = 'ltr';
        keys.append(kbd);
      } else {
        keys.textContent = message('welcomeKeyUnset');
      }
      return [keys, make('dd', undefined, command.description ?? command.name ?? '')];
    }),
  );
}

function renderSwitches(): void {
  elementById('switches').replaceChildren(
    make('li', undefined, message('welcomeSwitchAll', [message('popupAllHighlights')])),
    make('li', undefined, message('welcomeSwitchSpeakers', [message('popupSpeakersHeading')])),
    make('li', undefined, message('welcomeSwitchClaims', [message('popupClaimsSwitch')])),
  );
}

/** The content script's sites, from the manifest the browser loaded. */
function renderSites(): void {
  elementById('sites-hint').textContent = message('welcomeSitesHint', [message('popupScanPage'), message('popupEverywhere')]);
  const sites = listedSites(browser.runtime.getManifest()).map(siteLabel);
  elementById('sites').replaceChildren(
    ...sites.map((site) => {
      const item = make('li', undefined, site);
      item.dir = 'ltr';
      return item;
    }),
  );
}

/** The first article of the catalogue with a paragraph to show, read one by one: most often the first is. */
async function findSample(listings: readonly CatalogueListing[]): Promise<Article | undefined> {
  for (const { id } of listings) {
    const sample = sampleArticle(await catalogueArticle(id));
    if (sample !== undefined) return sample;
  }
  return undefined;
}

/**
 * The sample's highlight styles: those the background adds to a news page
 * where an article is painted, for this article's speakers only.
 */
function addHighlightStyles(sample: Article): void {
  const style = make('style', undefined, highlightStyles(sample.speakers));
  document.head.append(style);
}

async function renderSample(listings: readonly CatalogueListing[]): Promise<void> {
  const sample = await findSample(listings);
  if (sample === undefined) return;
  addHighlightStyles(sample);
  elementById('sample-hint').textContent = message('welcomeSampleHint', [sample.title[lang]]);
  const off = elementById('sample-off');
  const follow = (preferences: Preferences): void => {
    off.hidden = preferences.highlights;
  };
  const [preferences, debug] = await Promise.all([loadPreferences(), loadDebugSwitch()]);
  follow(preferences);
  const annotator = showLiveSample({ document, container: elementById('sample'), sample, lang, message, debug, preferences });
  onPreferencesChanged((changed) => {
    annotator.setPreferences(changed);
    follow(changed);
  });
  // The keyboard's way to the tooltips: the same moves as the shortcuts on a news page.
  elementById('sample-next').addEventListener('click', () => annotator.navigate('next'));
  elementById('sample-previous').addEventListener('click', () => annotator.navigate('previous'));
}

async function start(): Promise<void> {
  localizePage(lang, message);
  renderSwitches();
  renderSites();
  // One read of the catalogue's list, for the sample and for what Isnad knows.
  const listings = catalogueList();
  await Promise.all([
    renderShortcuts(),
    listings.then(renderSample),
    listings.then((list) => showKnownArticles(elementById('known-articles'), list, { lang, message, labelledBy: 'known-heading' })),
  ]);
}

void start();
