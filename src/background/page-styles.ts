/**
 * The highlight styles, added to a frame only once its content script has
 * an article painted there: a page without the article holds no trace of
 * Isnad, not even a `::highlight` style it could read back.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { HIGHLIGHT_STYLESHEET } from '../shared/highlights';

/** Adds the styles to the sender's frame; false where the sender is not a tab's content script. */
export async function injectHighlightStyles(sender: Runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  await browser.scripting.insertCSS({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [`/${HIGHLIGHT_STYLESHEET}`] });
  return true;
}
