/**
 * The keyboard shortcuts (manifest `commands`, changeable in the browser's
 * shortcut settings): next and previous annotation in the tab, and the
 * master switch of all highlights.
 */
import type { Direction } from '../shared/messages';
import type { PreferencesStore } from '../shared/preferences-storage';

export const TOGGLE_HIGHLIGHTS = 'toggle-highlights';

const directions: Readonly<Record<string, Direction>> = { 'next-annotation': 'next', 'previous-annotation': 'previous' };

/** The parts of the extension API the shortcuts need: the browser's, or a fake in tests. */
export interface CommandsApi {
  /** The active tab of the current window, where the command names none. */
  readonly activeTab: () => Promise<number | undefined>;
  /** Asks the tab's content script to move; rejects where the tab has none. */
  readonly navigate: (tabId: number, direction: Direction) => Promise<unknown>;
  readonly preferences: PreferencesStore;
}

/**
 * Flips the master switch as the popup's does: saved with the preferences,
 * so every tab repaints through `storage.onChanged` and it lasts. A save
 * that fails changes nothing anywhere, since no tab repaints before the
 * stored value changes; it is logged, and false is returned.
 */
export async function toggleHighlights(store: PreferencesStore): Promise<boolean> {
  const current = await store.load();
  try {
    await store.save({ ...current, highlights: !current.highlights });
    return true;
  } catch (error) {
    console.error('Isnad: could not save the highlights switch', error);
    return false;
  }
}

/** The `commands.onCommand` listener. */
export function commandListener(api: CommandsApi): (command: string, tab?: { id?: number }) => Promise<void> {
  return async (command, tab) => {
    if (command === TOGGLE_HIGHLIGHTS) {
      await toggleHighlights(api.preferences);
      return;
    }
    const direction = directions[command];
    if (direction === undefined) return;
    const tabId = tab?.id ?? (await api.activeTab());
    if (tabId === undefined) return;
    await api.navigate(tabId, direction).catch(() => undefined); // no content script in that tab
  };
}
