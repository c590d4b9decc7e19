/**
 * The background's half of detection: the detector sends the keys of a
 * page's sampled phrases, and this looks them up in the catalogue's one
 * index, for every known article at once. Where an article's probes are
 * there, it adds the annotator to the sender's frame and answers with the
 * article's data.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { SeenProbes } from '../engine/catalogue-index';
import { catalogueArticle } from '../shared/catalogue-files';
import { loadDebugSwitch } from '../shared/debug';
import type { ArticleToPaint, Detection } from '../shared/messages';
import { ANNOTATOR_SCRIPT } from '../shared/package-files';
import { catalogueIndex } from './catalogue';

/** The frame a message came from: a tab's, or none. */
function senderFrame(sender: Runtime.MessageSender): { tabId: number; frameIds: number[] } | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined ? undefined : { tabId, frameIds: [sender.frameId ?? 0] };
}

/** What the page may hold; the annotator is added to the sender's frame where it may hold an article and `hasAnnotator` is false. */
export async function detectIn(
  keys: readonly number[],
  length: number,
  hasAnnotator: boolean,
  sender: Runtime.MessageSender,
): Promise<Detection> {
  const [catalogue, debug] = await Promise.all([catalogueIndex(), loadDebugSwitch()]);
  const hits = catalogue.lookUp(keys, length);
  const target = senderFrame(sender);
  let found: ArticleToPaint[] = [];
  if (target !== undefined && hits.candidates.length > 0) {
    found = (await Promise.all(hits.candidates.map((number) => catalogueArticle(catalogue.idOf(number))))).map((article) => ({ article }));
    if (!hasAnnotator) await browser.scripting.executeScript({ target, files: [`/${ANNOTATOR_SCRIPT}`] });
  }
  // The articles handed over are the annotator's to follow: a change is judged for the others.
  const seen: SeenProbes = Object.fromEntries(Object.entries(hits.seen).filter(([number]) => !hits.candidates.includes(Number(number))));
  return { debug, seen, found };
}

export async function judgeAdded(keys: readonly number[], seen: SeenProbes): Promise<{ worth: boolean; seen: SeenProbes }> {
  return (await catalogueIndex()).judgeAdded(keys, seen);
}
