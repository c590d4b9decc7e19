/** The background (a service worker in Chrome, an event page in Firefox). */
import browser, { type Runtime } from 'webextension-polyfill';
import { commandListener } from './commands';
import { watchEverywhere } from './everywhere';
import { isMessage, sendToTab } from '../shared/messages';
import { loadPreferences, savePreferences } from '../shared/preferences-storage';
import { injectHighlightStyles } from './page-styles';
import { detectIn, judgeAdded } from './detect';
import { decodeKeys } from '../shared/phrase-keys';
import { watchInstall } from './welcome';

/**
 * The badge shows how many annotations were placed in a tab, with a "!" and
 * another colour where the page changed their wording or who spoke; it
 * clears itself when the tab navigates.
 */
function badgeText(placed: number | null, findings: number): string {
  if (placed === null || placed === 0) return '';
  return `${placed > 999 ? '999+' : String(placed)}${findings > 0 ? '!' : ''}`;
}

/** Teal where the page carries the report as it is; a dark amber where it changed something. */
const badgeColor = (findings: number): string => (findings > 0 ? '#8a3b00' : '#0b4f5c');

// Only this extension's own content scripts speak to the background.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined) return undefined;
  if (isMessage(message, 'detect')) {
    return detectIn(decodeKeys(message.keys), message.length, message.annotator, sender).then(async (detection) => {
      // The badge follows what the annotator paints; until then the tab's title says Isnad looked.
      if (detection.found.length === 0) await showScanned(tabId, null, 0);
      return detection;
    });
  }
  if (isMessage(message, 'judge-added')) return judgeAdded(decodeKeys(message.keys), message.seen);
  if (isMessage(message, 'inject-styles')) return injectHighlightStyles(sender, message.articleIds);
  if (!isMessage(message, 'page-scanned')) return undefined;
  return showScanned(tabId, message.placed, message.findings);
});

async function showScanned(tabId: number, placed: number | null, findings: number): Promise<void> {
  await Promise.all([
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('actionTitleActive') }),
    browser.action.setBadgeText({ tabId, text: badgeText(placed, findings) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badgeColor(findings) }),
  ]);
}

// Keyboard shortcuts (manifest `commands`, changeable in the browser's shortcut settings).
const onCommand = commandListener({
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  navigate: (tabId, direction) => sendToTab(tabId, { type: 'navigate', direction }),
  preferences: { load: loadPreferences, save: savePreferences },
});
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

// The welcome page, on a first install.
watchInstall(browser);

// The all-sites content script follows the optional host permission of this device.
watchEverywhere(browser);
