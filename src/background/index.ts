/** The background (a service worker in Chrome, an event page in Firefox). */
import browser, { type Runtime } from 'webextension-polyfill';
import { isMessage } from '../shared/messages';

// The toolbar button's tooltip says when Isnad is at work in a tab.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isMessage(message, 'page-ready') || tabId === undefined) return undefined;
  return browser.action.setTitle({ tabId, title: browser.i18n.getMessage('actionTitleActive') });
});
