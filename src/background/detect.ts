/**
 * The background's half of detection: the detector sends a page's text, and
 * this looks for every known article's probes in it, in one pass over the
 * catalogue's index, in the background's warm code rather than the page's
 * cold one. Where an article may be, it adds the annotator to the sender's
 * frame and answers with the article's data and its hits.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { SeenProbes } from '../engine/catalogue-index';
import { loadDebugSwitch } from '../shared/debug';
import type { ArticleToPaint, Detection } from '../shared/messages';
import { ANNOTATOR_SCRIPT } from '../shared/package-files';
import { catalogueArticle } from '../shared/catalogue-files';
import { catalogueIndex } from './catalogue';

/** The frame a message came from: a tab's, or none. */
function senderFrame(sender: Runtime.MessageSender): { tabId: number; frameIds: number[] } | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined ? undefined : { tabId, frameIds: [sender.frameId ?? 0] };
}

/** What the text may hold; the annotator is added to the sender's frame where it may hold an article and `hasAnnotator` is false. */
export async function detectIn(text: string, hasAnnotator: boolean, sender: Runtime.MessageSender): Promise<Detection> {
  const [index, debug] = await Promise.all([catalogueIndex(), loadDebugSwitch()]);
  const hits = index.scan(text);
  const target = senderFrame(sender);
  let found: ArticleToPaint[] = [];
  if (hits.candidates.length > 0 && target !== undefined) {
    const articles = await Promise.all(hits.candidates.map((number) => catalogueArticle(index.idOf(number))));
    if (!hasAnnotator) await browser.scripting.executeScript({ target, files: [`/${ANNOTATOR_SCRIPT}`] });
    found = articles.map((article, at) => {
      const { found: probes, offsets, probeOf, overflow } = hits.hitsOf(hits.candidates[at] ?? -1);
      const seenProbes = [...probes.keys()].filter((probe) => probes[probe] === 1);
      return { article, hits: { found: seenProbes, offsets, probeOf, overflow } };
    });
  }
  // The articles handed over are the annotator's to follow: a change is judged for the others.
  const seen = Object.fromEntries(Object.entries(hits.seen).filter(([number]) => !hits.candidates.includes(Number(number))));
  return { debug, seen, found };
}

export async function judgeAdded(text: string, seen: SeenProbes): Promise<{ worth: boolean; seen: SeenProbes }> {
  return (await catalogueIndex()).judgeAdded(text, seen);
}
