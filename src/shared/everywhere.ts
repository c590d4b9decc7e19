/**
 * The opt-in "detect on all sites": the optional host permission it asks
 * for, and the content script it registers while that is granted.
 */
import browser from 'webextension-polyfill';
import type { Preferences } from './preferences';
import { loadPreferences, savePreferences } from './preferences-storage';

export const EVERYWHERE = { origins: ['*://*/*'] };
const SCRIPT_ID = 'isnad-everywhere';

/** Registers the all-sites content script when the reader opted in and the permission is granted; unregisters it otherwise. */
export async function reconcileEverywhere(preferences: Preferences): Promise<void> {
  const granted = await browser.permissions.contains(EVERYWHERE);
  if (preferences.everywhere && !granted) {
    // The permission was withdrawn in the browser's settings: the switch follows.
    await savePreferences({ ...preferences, everywhere: false });
    return;
  }
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (preferences.everywhere && !registered) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: EVERYWHERE.origins, js: ['/content.js'], css: ['/content.css'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  } else if (!preferences.everywhere && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

export async function reconcileEverywhereNow(): Promise<void> {
  await reconcileEverywhere(await loadPreferences());
}
