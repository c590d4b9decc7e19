/**
 * The highlight styles, added to a frame only once its annotator has an
 * article painted there, and only those of the articles painted: a page
 * without an article holds no trace of Isnad, not even a `::highlight`
 * style it could read back.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { highlightStyles } from '../shared/highlights';
import { catalogueArticle } from '../shared/catalogue-files';

/** Adds the articles' styles to the sender's frame; false where the sender is not a tab's content script. */
export async function injectHighlightStyles(sender: Runtime.MessageSender, articleIds: readonly string[]): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  const articles = await Promise.all(articleIds.map(catalogueArticle));
  const speakers = [...new Map(articles.flatMap((article) => article.speakers).map((speaker) => [speaker.id, speaker])).values()];
  await browser.scripting.insertCSS({ target: { tabId, frameIds: [sender.frameId ?? 0] }, css: highlightStyles(speakers) });
  return true;
}
