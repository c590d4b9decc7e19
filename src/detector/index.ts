/**
 * The content script of every listed page: the detector. It reads the
 * page's native text once, in one pass keeps the keys of a sixteenth of its
 * three-word phrases (chosen by the text: `sampledKeys`), and hands those
 * to the background, which looks them up in the catalogue's one index
 * (`engine/catalogue-index.ts`) for every known article at once. The text
 * never leaves the page. On almost every page that is all: no index is
 * built here, and nothing is left that a page could see. Where an article
 * may be, the background adds the annotator to this frame with that
 * article's data, and the detector hands over the text it read.
 *
 * It then watches the page: what a change adds is judged by the background
 * (the page is not read again) until it may hold an article; a painted
 * article re-rendered by the page is read again. Scans are paced
 * (`pacing.ts`).
 */
import { extensionApi as browser } from '../shared/extension-api';
import type { SeenProbes } from '../engine/catalogue-index';
import { sampledKeys } from '../engine/probes';
import { isMessage, sendToBackground } from '../shared/messages';
import { encodeKeys } from '../shared/phrase-keys';
import { ANNOTATOR_FACTORY, type AnnotatorFactory, type PageAnnotator } from './page-annotator';
import { Pacing } from './pacing';
import { watchContent, type PageChanges } from './watch';

/**
 * Set on the content script's own global by its first copy in a page, so that
 * a second injection does nothing. A symbol, not a name: a page element's id
 * shows through as a global of that name in Chrome's content scripts.
 */
const RUN_ONCE: unique symbol = Symbol.for('isnad.content-script');

const XHTML = 'http://www.w3.org/1999/xhtml';
/**
 * An HTML page with a body: XML, SVG, framesets and bodiless documents are left alone. Asked of names, not with
 * `instanceof`: the interface objects a content script's world would build for that cost every page load.
 */
const isHtmlPage = (document: Document): boolean => {
  // Typed as always there, yet a document may have neither.
  const root = document.documentElement as Element | null;
  const body = document.body as HTMLElement | null;
  return root?.localName === 'html' && root.namespaceURI === XHTML && body?.localName === 'body' && body.namespaceURI === XHTML;
};

type Scope = typeof globalThis & { [RUN_ONCE]?: true; [ANNOTATOR_FACTORY]?: AnnotatorFactory };
const scope = globalThis as Scope;

/** The text a change added, as written (nodes since removed left out). */
const addedText = (changes: PageChanges): string =>
  changes.nodes
    .filter((node) => node.isConnected)
    .map((node) => node.textContent ?? '')
    .join('\n');

function start(): void {
  const pacing = new Pacing();
  let annotator: PageAnnotator | undefined;
  let seen: SeenProbes = {};
  let debug = false;
  let marked = false;

  /** The debug switch's marks of a scan: the detector answered (once), and the scan. */
  const markScan = (): void => {
    if (!debug) return;
    if (!marked) performance.mark('isnad:ready');
    marked = true;
    performance.mark('isnad:scan');
  };
  /**
   * The debug switch's mark of a look at what a change added, with how many characters it read. The detail is a
   * number: a content script's object would be foreign to the page's world (Firefox's Xrays).
   */
  const markLook = (read: number): void => {
    if (debug) performance.mark('isnad:look', { detail: read });
  };

  const detect = async (): Promise<void> => {
    const startedAt = performance.now();
    const text = document.body.textContent;
    const changesAtRead = watch.changes;
    const keys = encodeKeys(sampledKeys(text));
    const answer = sendToBackground({ type: 'detect', keys, length: text.length, annotator: annotator !== undefined });
    let busy = performance.now() - startedAt;
    // No answer where the background is not listening yet (it is starting): the next change asks again.
    const detection = await answer.catch(() => undefined);
    if (detection != null) {
      ({ debug, seen } = detection);
      if (detection.found.length > 0) {
        const factory = scope[ANNOTATOR_FACTORY];
        annotator ??= factory?.({ debug });
        const paintedAt = performance.now();
        annotator?.paint(detection.found, watch.changes === changesAtRead ? text : undefined);
        busy += performance.now() - paintedAt;
      }
    }
    const now = performance.now();
    pacing.scanned((annotator?.found.length ?? 0) > 0, now - busy, now);
    markScan();
  };

  const repaint = (): void => {
    const startedAt = performance.now();
    annotator?.scan();
    pacing.scanned((annotator?.found.length ?? 0) > 0, startedAt, performance.now());
    markScan();
  };

  // One scan waits at a time, for its turn: a detection wins over a repaint, which it includes.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let wanted: 'detect' | 'repaint' = 'repaint';
  const schedule = (what: 'detect' | 'repaint'): void => {
    if (what === 'detect') wanted = 'detect';
    if (pending !== undefined) return;
    pending = setTimeout(
      () => {
        pending = undefined;
        const now = wanted;
        wanted = 'repaint';
        if (now === 'detect') void detect();
        else repaint();
      },
      Math.max(0, pacing.nextScanAt() - performance.now()),
    );
  };

  // Single-page sites and lazy loading bring an article later; re-renders replace its nodes. What a change adds is judged by its own phrases.
  const watch = watchContent(document.documentElement, (changes) => {
    if (annotator?.needsScan() === true) schedule('repaint');
    if (changes.overflow) {
      schedule('detect');
      return;
    }
    const added = addedText(changes);
    markLook(added.length);
    const keys = encodeKeys(sampledKeys(added));
    if (keys === '') return;
    sendToBackground({ type: 'judge-added', keys, seen }).then(
      (judged) => {
        if (judged == null) return;
        seen = judged.seen;
        if (judged.worth) schedule('detect');
      },
      () => undefined, // judged again at the next change
    );
  });

  // The popup and the shortcuts speak to the annotator, where there is one. Answered through sendResponse (and `true` to keep the channel open): Chrome's own API takes no promise from a listener.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const answer = (response: unknown): true => {
      sendResponse(response);
      return true;
    };
    if (sender.id !== browser.runtime.id) return answer(undefined);
    if (isMessage(message, 'page-status')) return answer({ found: annotator?.found ?? [] });
    if (isMessage(message, 'navigate')) return answer(annotator?.navigate(message.direction) ?? null);
    if (isMessage(message, 'go-to')) return answer(annotator?.goTo(message.articleId, message.id) ?? false);
    return answer(undefined);
  });

  void detect();
}

if (scope[RUN_ONCE] !== true && isHtmlPage(document)) {
  // Configurable for the wiring tests: no page script reaches this global.
  Object.defineProperty(scope, RUN_ONCE, { value: true, configurable: true });
  try {
    start();
  } catch (error) {
    console.error('Isnad: the content script could not start', error);
  }
}
