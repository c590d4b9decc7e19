/** The content script: runs on the listed news sites. */
import browser from 'webextension-polyfill';
import articles from 'isnad:articles';
import { isMessage, sendToBackground, type PageStatus } from '../shared/messages';
import { highlightGroups, pageHighlightApi, paint } from './paint';
import { PageScanner } from './scan';

declare global {
  // Set by the first copy of this script in a page, so that a second injection does nothing.
  var isnadContentScript: true | undefined;
}

if (globalThis.isnadContentScript === undefined) {
  globalThis.isnadContentScript = true;

  performance.mark('isnad:ready');
  const scanner = new PageScanner(articles);
  const started = performance.now();
  const { found, ranges } = scanner.scan(document.body);
  const article = articles.find((candidate) => candidate.id === found?.articleId);
  const highlights = pageHighlightApi();
  if (article !== undefined && highlights !== undefined) paint(highlights, highlightGroups(article, ranges));
  if (found !== null) {
    // Its cost, for the page's own tools and benchmarks: from the first read of the page to the last range painted.
    performance.measure('isnad:annotate', { start: started, end: performance.now() });
  }
  const status: PageStatus = { articleIds: articles.map((article) => article.id), found };
  browser.runtime.onMessage.addListener((message: unknown) =>
    isMessage(message, 'page-status') ? Promise.resolve(status) : undefined,
  );
  void sendToBackground({ type: 'page-ready' });
}
