/**
 * The welcome page, opened once on install: what Isnad does and does not
 * do, a live sample, where it runs, its shortcuts as bound now, what the
 * popup offers, and what it stores and sends. Built with DOM APIs and
 * textContent only.
 */
import browser from 'webextension-polyfill';
import articles from 'isnad:articles';
import { listedSites } from '../shared/sites';
import { loadDebugSwitch } from '../shared/debug';
import type { Preferences } from '../shared/preferences';
import { loadPreferences, onPreferencesChanged } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import { showLiveSample } from './live-sample';
import { sampleArticle } from './sample';
import { siteLabel } from './sites';

const message = (name: string, substitutions?: string[]): string => browser.i18n.getMessage(name, substitutions);
const lang = uiLanguage(browser.i18n);

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`welcome.html has no #${id}`);
  return found;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The shortcuts as the browser binds them now (the reader may have changed them); its own `_execute_*` commands are not Isnad's. */
async function renderShortcuts(): Promise<void> {
  const commands = (await browser.commands.getAll()).filter((command) => !(command.name ?? '').startsWith('_'));
  element('keys').replaceChildren(
    ...commands.flatMap((command) => {
      const keys = make('dt');
      if (command.shortcut) {
        const kbd = make('kbd', command.shortcut);
        kbd.dir = 'ltr';
        keys.append(kbd);
      } else {
        keys.textContent = message('welcomeKeyUnset');
      }
      return [keys, make('dd', command.description ?? command.name ?? '')];
    }),
  );
}

function renderSwitches(): void {
  element('switches').replaceChildren(
    make('li', message('welcomeSwitchAll', [message('popupAllHighlights')])),
    make('li', message('welcomeSwitchSpeakers', [message('popupSpeakersHeading')])),
    make('li', message('welcomeSwitchClaims', [message('popupClaimsSwitch')])),
  );
}

/** The content script's sites, from the manifest the browser loaded. */
function renderSites(): void {
  element('sites-hint').textContent = message('welcomeSitesHint', [message('popupScanPage'), message('popupEverywhere')]);
  const sites = listedSites(browser.runtime.getManifest()).map(siteLabel);
  element('sites').replaceChildren(
    ...sites.map((site) => {
      const item = make('li', site);
      item.dir = 'ltr';
      return item;
    }),
  );
}

async function renderSample(): Promise<void> {
  const sample = articles.map(sampleArticle).find((article) => article !== undefined);
  if (sample === undefined) return;
  element('sample-hint').textContent = message('welcomeSampleHint', [sample.title[lang]]);
  const off = element('sample-off');
  const follow = (preferences: Preferences): void => {
    off.hidden = preferences.highlights;
  };
  const [preferences, debug] = await Promise.all([loadPreferences(), loadDebugSwitch()]);
  follow(preferences);
  const annotator = showLiveSample({ document, container: element('sample'), sample, lang, message, debug, preferences });
  onPreferencesChanged((changed) => {
    annotator.setPreferences(changed);
    follow(changed);
  });
  // The keyboard's way to the tooltips: the same moves as the shortcuts on a news page.
  element('sample-next').addEventListener('click', () => annotator.navigate('next'));
  element('sample-previous').addEventListener('click', () => annotator.navigate('previous'));
}

async function start(): Promise<void> {
  document.documentElement.lang = lang;
  document.documentElement.dir = message('@@bidi_dir');
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = message(node.dataset.i18n ?? '');
  renderSwitches();
  renderSites();
  await Promise.all([renderShortcuts(), renderSample()]);
}

void start();
