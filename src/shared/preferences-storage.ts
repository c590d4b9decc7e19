/** The preferences in storage.sync, or storage.local where sync is unavailable; changes reach every part live. */
import type { Storage } from 'webextension-polyfill';
import { extensionApi as browser } from './extension-api';
import { DEFAULT_PREFERENCES, parsePreferences, PREFERENCES_KEY, type Preferences } from './preferences';

/** Where preferences are loaded from and saved to: the storage below, or a fake in tests. */
export interface PreferencesStore {
  load(): Promise<Preferences>;
  save(preferences: Preferences): Promise<void>;
}

/** storage.sync where the browser offers it (it may be disabled), else storage.local. */
async function area(): Promise<Storage.StorageArea> {
  try {
    await browser.storage.sync.get(PREFERENCES_KEY);
    return browser.storage.sync;
  } catch {
    return browser.storage.local;
  }
}

export async function loadPreferences(): Promise<Preferences> {
  try {
    const stored = await (await area()).get(PREFERENCES_KEY);
    return parsePreferences(stored[PREFERENCES_KEY]);
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export async function savePreferences(preferences: Preferences): Promise<void> {
  await (await area()).set({ [PREFERENCES_KEY]: preferences });
}

/** Calls back with the new preferences whenever they change, in any tab or window. */
export function onPreferencesChanged(listener: (preferences: Preferences) => void): void {
  browser.storage.onChanged.addListener((changes) => {
    const change = changes[PREFERENCES_KEY];
    if (change !== undefined) listener(parsePreferences(change.newValue));
  });
}
