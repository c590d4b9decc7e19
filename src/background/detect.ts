/**
 * The background's half of detection: the detector sends a page's text, and
 * this looks for every known article's probes in it, in one pass over the
 * catalogue's index, in the background's warm code rather than the page's
 * cold one. An article whose probes the text holds is then looked for in
 * the text where they cluster; only where it is there does the background
 * add the annotator to the sender's frame and answer with the article's
 * data and its hits. A page that merely repeats an article's phrases costs
 * the page nothing more.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { Article } from '../article/schema';
import { indexArticle, type ArticleIndex } from '../engine/article-index';
import type { SeenProbes } from '../engine/catalogue-index';
import { inNativeText } from '../engine/detect';
import { catalogueArticle } from '../shared/catalogue-files';
import { loadDebugSwitch } from '../shared/debug';
import type { ArticleToPaint, Detection } from '../shared/messages';
import { ANNOTATOR_SCRIPT } from '../shared/package-files';
import { catalogueIndex } from './catalogue';

/** Articles indexed lately, kept for the next pages of the same story; a few, whatever the catalogue's size. */
const RECENT_INDEXES = 8;
const recent = new Map<string, Promise<ArticleIndex>>();

function indexOf(id: string): Promise<ArticleIndex> {
  const known = recent.get(id);
  const index = known ?? catalogueArticle(id).then(indexArticle);
  recent.delete(id);
  recent.set(id, index);
  for (const old of recent.keys()) if (recent.size > RECENT_INDEXES) recent.delete(old);
  index.catch(() => recent.delete(id));
  return index;
}

/** The frame a message came from: a tab's, or none. */
function senderFrame(sender: Runtime.MessageSender): { tabId: number; frameIds: number[] } | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined ? undefined : { tabId, frameIds: [sender.frameId ?? 0] };
}

/** What the text may hold; the annotator is added to the sender's frame where it holds an article and `hasAnnotator` is false. */
export async function detectIn(text: string, hasAnnotator: boolean, sender: Runtime.MessageSender): Promise<Detection> {
  const [catalogue, debug] = await Promise.all([catalogueIndex(), loadDebugSwitch()]);
  const hits = catalogue.scan(text);
  const target = senderFrame(sender);
  const found: ArticleToPaint[] = [];
  if (target !== undefined) {
    for (const number of hits.candidates) {
      const articleHits = hits.hitsOf(number);
      const index = await indexOf(catalogue.idOf(number));
      if (!inNativeText(index, text, articleHits)) continue;
      const { found: probes, offsets, probeOf, overflow } = articleHits;
      const article: Article = index.article;
      found.push({ article, hits: { found: [...probes.keys()].filter((probe) => probes[probe] === 1), offsets, probeOf, overflow } });
    }
    if (found.length > 0 && !hasAnnotator) await browser.scripting.executeScript({ target, files: [`/${ANNOTATOR_SCRIPT}`] });
  }
  // The articles handed over are the annotator's to follow: a change is judged for the others.
  const handed = new Set(found.map(({ article }) => article.id));
  const seen = Object.fromEntries(Object.entries(hits.seen).filter(([number]) => !handed.has(catalogue.idOf(Number(number)))));
  return { debug, seen, found };
}

export async function judgeAdded(text: string, seen: SeenProbes): Promise<{ worth: boolean; seen: SeenProbes }> {
  return (await catalogueIndex()).judgeAdded(text, seen);
}
