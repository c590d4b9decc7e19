/** The toolbar popup. */
import browser from 'webextension-polyfill';
import articles from 'isnad:articles';
import { sendToTab, type PageStatus } from '../shared/messages';

const message = (name: string, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(name, substitutions);

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`popup.html has no #${id}`);
  return found;
}

/** The status the active tab's content script reports, or null where none runs. */
async function activeTabStatus(): Promise<PageStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    return await sendToTab(tab.id, { type: 'page-status' });
  } catch {
    return null; // No content script in that tab: a site outside the list, or a browser page.
  }
}

function render(status: PageStatus | null): void {
  const lang = message('@@ui_locale').startsWith('ar') ? 'ar' : 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = message('@@bidi_dir');
  document.title = message('extName');
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = message(node.dataset.i18n ?? '');
  }
  const found = status?.found ?? null;
  const article = articles.find((candidate) => candidate.id === found?.articleId);
  const state = status === null ? 'inactive' : found === null || article === undefined ? 'active' : 'found';
  element('page-status').textContent = message({ inactive: 'popupInactive', active: 'popupActive', found: 'popupFound' }[state]);
  element('page-status').dataset.state = state;
  element('found').hidden = state !== 'found';
  if (found !== null && article !== undefined) {
    element('found-title').textContent = article.title[lang];
    element('found-paragraphs').textContent = message('popupParagraphs', [
      String(found.paragraphs.length),
      String(article.paragraphs.length),
    ]);
    element('found-placed').textContent = message('popupPlaced', [String(found.placed.length), String(article.annotations.length)]);
  }
  element('articles').replaceChildren(
    ...articles.map((article) => {
      const item = document.createElement('li');
      item.textContent = article.title[lang];
      item.lang = lang;
      return item;
    }),
  );
}

void activeTabStatus().then(render);
