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
  element('page-status').textContent = message(status === null ? 'popupInactive' : 'popupActive');
  element('page-status').dataset.state = status === null ? 'inactive' : 'active';
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
