/**
 * The reader's preferences: which highlights show, and whether Isnad looks
 * for articles on every site. Whatever is stored is read defensively, so a
 * missing, mistyped or older value falls back to its default, field by
 * field. Pure; storage is in preferences-storage.ts.
 */
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
