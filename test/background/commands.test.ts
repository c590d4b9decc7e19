import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { commandListener, TOGGLE_HIGHLIGHTS, toggleHighlights, type CommandsApi } from '../../src/background/commands';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/shared/preferences';

/** The stored preferences, and a save that fails on demand as storage.sync does past its quota. */
function fakeApi(stored: Preferences, { saveFails = false } = {}) {
  const state = { stored };
  const api = {
    activeTab: vi.fn((): Promise<number | undefined> => Promise.resolve(7)),
    navigate: vi.fn(() => Promise.resolve('quote-1')),
    preferences: {
      load: vi.fn(() => Promise.resolve(state.stored)),
      save: vi.fn((preferences: Preferences) => {
        if (saveFails) return Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
        state.stored = preferences;
        return Promise.resolve();
      }),
    },
  } satisfies CommandsApi;
  return { api, state };
}

afterEach(() => vi.restoreAllMocks());

describe('the highlights shortcut', () => {
  it('switches all highlights off and on again, keeping the other switches', async () => {
    const start: Preferences = { highlights: true, hiddenSpeakers: ['xi'], claims: false };
    const { api, state } = fakeApi(start);
    const listener = commandListener(api);
    await listener(TOGGLE_HIGHLIGHTS, { id: 3 });
    expect(state.stored).toEqual({ ...start, highlights: false });
    await listener(TOGGLE_HIGHLIGHTS);
    expect(state.stored).toEqual(start);
    expect(api.preferences.save).toHaveBeenCalledTimes(2);
    expect(api.navigate).not.toHaveBeenCalled();
  });

  it('reads what is stored at each press, so a change made in the popup meanwhile is not undone', async () => {
    const { api, state } = fakeApi(DEFAULT_PREFERENCES);
    state.stored = { ...DEFAULT_PREFERENCES, highlights: false };
    await toggleHighlights(api.preferences);
    expect(state.stored.highlights).toBe(true);
  });

  it('catches a failed save: nothing changes, the failure is logged, and no error escapes the listener', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api, state } = fakeApi(DEFAULT_PREFERENCES, { saveFails: true });
    await expect(toggleHighlights(api.preferences)).resolves.toBe(false);
    await expect(commandListener(api)(TOGGLE_HIGHLIGHTS)).resolves.toBeUndefined();
    expect(state.stored).toBe(DEFAULT_PREFERENCES);
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[0]?.[0])).toContain('could not save');
  });

  it('reports a save that worked', async () => {
    const { api } = fakeApi(DEFAULT_PREFERENCES);
    await expect(toggleHighlights(api.preferences)).resolves.toBe(true);
  });
});

describe('the navigation shortcuts', () => {
  it('ask the given tab, or else the active one, to move', async () => {
    const { api } = fakeApi(DEFAULT_PREFERENCES);
    const listener = commandListener(api);
    await listener('next-annotation', { id: 3 });
    await listener('previous-annotation');
    expect(api.navigate.mock.calls).toEqual([
      [3, 'next'],
      [7, 'previous'],
    ]);
    expect(api.preferences.save).not.toHaveBeenCalled();
  });

  it('do nothing without a tab, in a tab without the content script, or for an unknown command', async () => {
    const { api } = fakeApi(DEFAULT_PREFERENCES);
    api.activeTab.mockResolvedValue(undefined);
    api.navigate.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const listener = commandListener(api);
    await expect(listener('next-annotation')).resolves.toBeUndefined();
    await expect(listener('next-annotation', { id: 4 })).resolves.toBeUndefined();
    await expect(listener('something-else', { id: 4 })).resolves.toBeUndefined();
    expect(api.navigate).toHaveBeenCalledTimes(1);
    expect(api.preferences.save).not.toHaveBeenCalled();
  });
});

describe('the manifest commands', () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default?: string }; description: string }>;
  };
  const commands = Object.entries(manifest.commands);

  it('suggest at most four keys (Chrome ignores the rest), and the highlights shortcut is one of them', () => {
    expect(commands.filter(([, command]) => command.suggested_key !== undefined).length).toBeLessThanOrEqual(4);
    expect(manifest.commands[TOGGLE_HIGHLIGHTS]?.suggested_key?.default).toBe('Alt+Shift+H');
  });

  it("take no key of the browsers' own (Ctrl+Shift+H opens Firefox's History library)", () => {
    const taken = ['Ctrl+Shift+H', 'Ctrl+H', 'Alt+Shift+A', 'Alt+Shift+B', 'Alt+Shift+I', 'Alt+Shift+T'];
    for (const [, command] of commands) expect(taken).not.toContain(command.suggested_key?.default);
  });

  it('are described in both languages', () => {
    for (const lang of ['ar', 'en']) {
      const messages = JSON.parse(readFileSync(join(projectRoot, '_locales', lang, 'messages.json'), 'utf8')) as Record<
        string,
        { message?: string }
      >;
      for (const [, command] of commands) {
        const key = /^__MSG_(\w+)__$/.exec(command.description)?.[1] ?? '';
        expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy();
      }
    }
  });
});
