/**
 * The reader's preferences: which highlights show. Whatever is stored is read
 * defensively, so a missing, mistyped or older value falls back to its
 * default, field by field, and a field no longer known is ignored. Pure;
 * storage is in preferences-storage.ts. (Detection on all sites is not a
 * preference: it is the host permission of each device, see everywhere.ts.)
 */
export interface Preferences {
  /** The master switch: paint anything at all. */
  readonly highlights: boolean;
  /** Speaker ids whose quotes are not painted. */
  readonly hiddenSpeakers: readonly string[];
  /** Claims painted or not. */
  readonly claims: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { highlights: true, hiddenSpeakers: [], claims: true };

/** The storage key; the version in it changes only if the shape changes incompatibly. */
export const PREFERENCES_KEY = 'preferences.v1';

/** Preferences from whatever was stored: each field that is missing or of the wrong type takes its default. */
export function parsePreferences(stored: unknown): Preferences {
  const record = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const flag = (key: 'highlights' | 'claims'): boolean => (typeof record[key] === 'boolean' ? record[key] : DEFAULT_PREFERENCES[key]);
  const hidden = record.hiddenSpeakers;
  return {
    highlights: flag('highlights'),
    claims: flag('claims'),
    hiddenSpeakers: Array.isArray(hidden) ? [...new Set(hidden.filter((id): id is string => typeof id === 'string'))] : [],
  };
}
