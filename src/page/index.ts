/**
 * The content script: runs on the listed news sites. Until an article is
 * found it leaves nothing a page could see: no node, no style, no
 * performance entry, no highlight.
 */
import { extensionApi as browser } from '../shared/extension-api';
import articles from 'isnad:articles';
import { loadDebugSwitch } from '../shared/debug';
import { isMessage, sendToBackground, type PageStatus } from '../shared/messages';
import { loadPreferences, onPreferencesChanged } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import { Annotator } from './annotator';
import { pageHighlightApi } from './paint';
import { explainUnderPointer } from './pointer';
import { watchContent } from './watch';

/**
 * Set on the content script's own global by its first copy in a page, so that
 * a second injection does nothing. A symbol, not a name: a page element's id
 * shows through as a global of that name in Chrome's content scripts.
 */
const RUN_ONCE = Symbol.for('isnad.content-script');

/** An HTML page with a body: XML, SVG, framesets and bodiless documents are left alone. */
const isHtmlPage = (document: Document): boolean =>
  document.documentElement instanceof HTMLHtmlElement && document.body instanceof HTMLBodyElement;

/** The background injects the highlight styles into this frame, once, when there is something to paint. */
function stylesOnce(): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    sendToBackground({ type: 'inject-styles' }).catch(() => {
      asked = false; // asked again at the next scan that finds the article
    });
  };
}

async function start(): Promise<void> {
  const debug = await loadDebugSwitch();
  if (debug) performance.mark('isnad:ready');
  const injectStyles = stylesOnce();
  const annotator = new Annotator({
    document,
    articles,
    highlights: pageHighlightApi(),
    lang: uiLanguage(browser.i18n),
    debug,
    message: (name, substitutions) => browser.i18n.getMessage(name, substitutions),
    onScan: (found) => {
      if (found !== null && found.placed.length > 0) injectStyles();
      sendToBackground({
        type: 'page-scanned',
        placed: found?.placed.length ?? null,
        findings: (found?.changes.length ?? 0) + (found?.misattributed.length ?? 0),
      }).catch(() => undefined); // the badge only: nothing is lost if the background is not listening
    },
  });

  const scan = (): void => {
    const started = performance.now();
    annotator.scan();
    if (!debug) return;
    // Its cost, for benchmarks and browser tests: from the first read of the page to the last range painted.
    performance.mark('isnad:scan');
    if (annotator.found !== null) performance.measure('isnad:annotate', { start: started, end: performance.now() });
  };
  annotator.setPreferences(await loadPreferences());
  onPreferencesChanged((preferences) => annotator.setPreferences(preferences));
  scan();
  // Single-page sites and lazy loading bring the article later; re-renders replace its nodes.
  let pending: ReturnType<typeof setTimeout> | undefined;
  watchContent(document.documentElement, (changes) => {
    if (pending !== undefined || !annotator.needsScan(changes)) return;
    pending = setTimeout(
      () => {
        pending = undefined;
        scan();
      },
      Math.max(0, annotator.nextScanAt() - performance.now()),
    );
  });

  explainUnderPointer(document, annotator);

  // Answered through sendResponse (and `true` to keep the channel open): Chrome's own API takes no promise from a listener.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const answer = (response: unknown): true => {
      sendResponse(response);
      return true;
    };
    if (sender.id !== browser.runtime.id) return answer(undefined);
    if (isMessage(message, 'page-status')) {
      const status: PageStatus = { articleIds: articles.map((article) => article.id), found: annotator.found };
      return answer(status);
    }
    if (isMessage(message, 'navigate')) return answer(annotator.navigate(message.direction) ?? null);
    if (isMessage(message, 'go-to')) return answer(annotator.goTo(message.id));
    return answer(undefined);
  });
}

const scope = globalThis as typeof globalThis & { [RUN_ONCE]?: true };
if (scope[RUN_ONCE] !== true && isHtmlPage(document)) {
  // Configurable for the wiring tests: no page script reaches this global.
  Object.defineProperty(scope, RUN_ONCE, { value: true, configurable: true });
  start().catch((error: unknown) => {
    console.error('Isnad: the content script could not start', error);
  });
}
