import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, parsePreferences } from '../../src/shared/preferences';

describe('parsePreferences', () => {
  it('keeps well-typed values', () => {
    expect(parsePreferences({ highlights: false, hiddenSpeakers: ['putin'], claims: false })).toEqual({
      highlights: false,
      hiddenSpeakers: ['putin'],
      claims: false,
    });
  });

  it.each([undefined, null, 'junk', 42, [], ['putin']])('falls back to the defaults for %j', (stored) => {
    expect(parsePreferences(stored)).toEqual(DEFAULT_PREFERENCES);
  });

  it('replaces each mistyped field by its default and keeps the others', () => {
    expect(parsePreferences({ highlights: 'yes', hiddenSpeakers: 42, claims: false })).toEqual({
      ...DEFAULT_PREFERENCES,
      claims: false,
    });
  });

  it('keeps only the strings of a speaker list, once each', () => {
    expect(parsePreferences({ hiddenSpeakers: ['xi', 3, null, 'xi', { id: 'putin' }, 'putin'] }).hiddenSpeakers).toEqual(['xi', 'putin']);
  });

  it('ignores fields it does not know (a newer or older version)', () => {
    expect(parsePreferences({ version: 9, colours: 'dark', highlights: false })).toEqual({ ...DEFAULT_PREFERENCES, highlights: false });
  });

  it("ignores the all-sites flag older versions stored: that is each device's permission now", () => {
    const preferences = parsePreferences({ highlights: true, hiddenSpeakers: [], claims: true, everywhere: true });
    expect(preferences).toEqual(DEFAULT_PREFERENCES);
    expect(preferences).not.toHaveProperty('everywhere');
  });
});
