/** The content script: runs on the listed news sites. */
import { extensionApi as browser } from '../shared/extension-api';
import articles from 'isnad:articles';
import { isMessage, sendToBackground, type PageStatus } from '../shared/messages';
import { loadPreferences, onPreferencesChanged } from '../shared/preferences-storage';
import { Annotator } from './annotator';
import { pageHighlightApi } from './paint';
import { watchContent } from './watch';

declare global {
  // Set by the first copy of this script in a page, so that a second injection does nothing.
  var isnadContentScript: true | undefined;
}

async function start(): Promise<void> {
  const lang = browser.i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'ar' : 'en';
  const annotator = new Annotator({
    document,
    articles,
    highlights: pageHighlightApi(),
    lang,
    message: (name, substitutions) => browser.i18n.getMessage(name, substitutions),
    onScan: (found) =>
      void sendToBackground({
        type: 'page-scanned',
        placed: found?.placed.length ?? null,
        findings: (found?.changes.length ?? 0) + (found?.misattributed.length ?? 0),
      }),
  });

  const scan = (): void => {
    const started = performance.now();
    annotator.scan();
    // Its cost, for the page's own tools and benchmarks: from the first read of the page to the last range painted.
    if (annotator.found !== null) performance.measure('isnad:annotate', { start: started, end: performance.now() });
  };
  performance.mark('isnad:ready');
  annotator.setPreferences(await loadPreferences());
  onPreferencesChanged((preferences) => annotator.setPreferences(preferences));
  scan();
  // Single-page sites and lazy loading bring the article later; re-renders replace its nodes.
  let pending: ReturnType<typeof setTimeout> | undefined;
  watchContent(document.documentElement, (changes) => {
    if (pending !== undefined || !annotator.needsScan(changes)) return;
    pending = setTimeout(() => {
      pending = undefined;
      scan();
    }, Math.max(0, annotator.nextScanAt() - performance.now()));
  });

  let frame = 0;
  document.addEventListener(
    'pointermove',
    (event) => {
      if (frame !== 0) return;
      const { clientX, clientY } = event;
      frame = requestAnimationFrame(() => {
        frame = 0;
        annotator.pointerAt(clientX, clientY);
      });
    },
    { passive: true },
  );
  const hide = (): void => annotator.hideTooltip();
  document.documentElement.addEventListener('pointerleave', hide, { passive: true });
  addEventListener('scroll', hide, { passive: true, capture: true });
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  // Answered through sendResponse (and `true` to keep the channel open): Chrome's own API takes no promise from a listener.
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    const answer = (response: unknown): true => {
      sendResponse(response);
      return true;
    };
    if (isMessage(message, 'page-status')) {
      const status: PageStatus = { articleIds: articles.map((article) => article.id), found: annotator.found };
      return answer(status);
    }
    if (isMessage(message, 'navigate')) return answer(annotator.navigate(message.direction) ?? null);
    if (isMessage(message, 'go-to')) return answer(annotator.goTo(message.id));
    return answer(undefined);
  });
}

if (globalThis.isnadContentScript === undefined) {
  globalThis.isnadContentScript = true;
  void start();
}
