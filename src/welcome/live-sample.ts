/**
 * The sample paragraph, painted and explained by the content script's own
 * code: the engine finds it in this page, `Annotator` paints it in
 * `CSS.highlights` and shows the real tooltip under the pointer, and the
 * reader's switches apply to it as to any tab.
 */
import type { Article } from '../article/schema';
import { Annotator } from '../page/annotator';
import type { Messages, UiLanguage } from '../page/describe';
import { pageHighlightApi } from '../page/paint';
import { explainUnderPointer } from '../page/pointer';
import type { Preferences } from '../shared/preferences';

export interface LiveSampleOptions {
  readonly document: Document;
  /** Where the paragraph goes. */
  readonly container: HTMLElement;
  readonly sample: Article;
  readonly lang: UiLanguage;
  readonly message: Messages;
  readonly debug: boolean;
  readonly preferences: Preferences;
}

export function showLiveSample(options: LiveSampleOptions): Annotator {
  const { document, container, sample } = options;
  container.lang = sample.lang;
  container.dir = 'auto';
  container.textContent = sample.paragraphs.join('\n');
  const annotator = new Annotator(
    {
      document,
      highlights: pageHighlightApi(),
      lang: options.lang,
      message: options.message,
      debug: options.debug,
      onScan: () => undefined, // no badge: this is not a tab's page
      preferences: options.preferences,
    },
    [sample],
  );
  annotator.scan();
  explainUnderPointer(document, annotator);
  return annotator;
}
