/**
 * The annotator's script: added by the background to a frame where the
 * detector found an article, never part of a page without one. It leaves a
 * factory on the content scripts' own global for the detector, which hands
 * it the articles and the text it read; the annotator paints, explains, and
 * answers the popup and the shortcuts through the detector.
 */
import { extensionApi as browser } from '../shared/extension-api';
import { ANNOTATOR_FACTORY, type AnnotatorFactory, type PageAnnotator } from '../detector/page-annotator';
import { sendToBackground, type ArticleFound } from '../shared/messages';
import { loadPreferences, onPreferencesChanged } from '../shared/preferences-storage';
import { uiLanguage } from '../shared/ui-language';
import { Annotator } from './annotator';
import { pageHighlightApi } from './paint';
import { explainUnderPointer } from './pointer';

/** The background adds each article's highlight styles to this frame, once, when it is painted. */
function stylesOnce(): (found: readonly ArticleFound[]) => void {
  const asked = new Set<string>();
  return (found) => {
    const articleIds = found.filter((entry) => entry.placed.length > 0 && !asked.has(entry.articleId)).map((entry) => entry.articleId);
    if (articleIds.length === 0) return;
    for (const id of articleIds) asked.add(id);
    sendToBackground({ type: 'inject-styles', articleIds }).catch(() => {
      for (const id of articleIds) asked.delete(id); // asked again at the next scan that finds them
    });
  };
}

const createAnnotator: AnnotatorFactory = ({ debug }) => {
  const injectStyles = stylesOnce();
  const annotator = new Annotator({
    document,
    highlights: pageHighlightApi(),
    lang: uiLanguage(browser.i18n),
    debug,
    message: (name, substitutions) => browser.i18n.getMessage(name, substitutions),
    onScan: (found) => {
      injectStyles(found);
      const placed = found.reduce((sum, entry) => sum + entry.placed.length, 0);
      sendToBackground({
        type: 'page-scanned',
        placed: found.length === 0 ? null : placed,
        findings: found.reduce((sum, entry) => sum + entry.changes.length + entry.misattributed.length, 0),
      }).catch(() => undefined); // the badge only: nothing is lost if the background is not listening
    },
  });
  void loadPreferences().then((preferences) => annotator.setPreferences(preferences));
  onPreferencesChanged((preferences) => annotator.setPreferences(preferences));
  explainUnderPointer(document, annotator);

  /** Its cost, for benchmarks and browser tests: from the first read of the page to the last range painted. */
  const measured = (scan: () => void): void => {
    const started = performance.now();
    scan();
    if (debug && annotator.found.length > 0) performance.measure('isnad:annotate', { start: started, end: performance.now() });
  };

  const page: PageAnnotator = {
    paint: (found, text) => {
      annotator.addArticles(found.map(({ article }) => article));
      // The text the detector read: the page's native text is not read again.
      measured(() => annotator.scan(text));
    },
    needsScan: () => annotator.needsScan(),
    scan: () => measured(() => annotator.scan()),
    get found() {
      return annotator.found;
    },
    navigate: (direction) => annotator.navigate(direction) ?? null,
    goTo: (articleId, id) => annotator.goTo(id, articleId),
  };
  return page;
};

// Added once per frame by the background; a second copy leaves the first in place. Configurable for the wiring tests: no page script reaches this global.
if (!(ANNOTATOR_FACTORY in globalThis))
  Object.defineProperty(globalThis, ANNOTATOR_FACTORY, { value: createAnnotator, configurable: true });
