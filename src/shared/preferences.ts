/**
 * The reader's preferences: which highlights show, and whether Isnad looks
 * for articles on every site. Stored in storage.sync (storage.local where
 * sync is unavailable); whatever is stored is read defensively, so a
 * missing, mistyped or older value falls back to its default, field by field.
 */
import browser, { type Storage } from 'webextension-polyfill';

export interface Preferences {
  /** The master switch: paint anything at all. */
  readonly highlights: boolean;
  /** Speaker ids whose quotes are not painted. */
  readonly hiddenSpeakers: readonly string[];
  /** Claims painted or not. */
  readonly claims: boolean;
  /** The reader opted in to detection on every site (with the optional host permission). */
  readonly everywhere: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { highlights: true, hiddenSpeakers: [], claims: true, everywhere: false };

/** The storage key; the version in it changes only if the shape changes incompatibly. */
export const PREFERENCES_KEY = 'preferences.v1';

/** Preferences from whatever was stored: each field that is missing or of the wrong type takes its default. */
export function parsePreferences(stored: unknown): Preferences {
  const record = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const flag = (key: 'highlights' | 'claims' | 'everywhere'): boolean =>
    typeof record[key] === 'boolean' ? (record[key] as boolean) : DEFAULT_PREFERENCES[key];
  const hidden = record.hiddenSpeakers;
  return {
    highlights: flag('highlights'),
    claims: flag('claims'),
    everywhere: flag('everywhere'),
    hiddenSpeakers: Array.isArray(hidden) ? [...new Set(hidden.filter((id): id is string => typeof id === 'string'))] : [],
  };
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
