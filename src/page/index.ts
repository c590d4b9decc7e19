/** The content script: runs on the listed news sites. */
import browser from 'webextension-polyfill';
import articles from 'isnad:articles';
import { isMessage, sendToBackground, type PageStatus } from '../shared/messages';

declare global {
  // Set by the first copy of this script in a page, so that a second injection does nothing.
  var isnadContentScript: true | undefined;
}

if (globalThis.isnadContentScript === undefined) {
  globalThis.isnadContentScript = true;

  const status: PageStatus = { articleIds: articles.map((article) => article.id) };
  browser.runtime.onMessage.addListener((message: unknown) =>
    isMessage(message, 'page-status') ? Promise.resolve(status) : undefined,
  );
  // A mark the page's own tools (and the tests) can see: the content script is running here.
  performance.mark('isnad:ready');
  void sendToBackground({ type: 'page-ready' });
}
