/**
 * The popup's copy of the preferences behind its switches. A change shows at
 * once and is saved; when the save fails (storage.sync refuses writes past
 * its quota or rate), the switches go back to what is stored and the reader
 * is told.
 */
import type { Preferences } from '../shared/preferences';
import type { PreferencesStore } from '../shared/preferences-storage';
import type { Notice } from './notice';

export class PreferenceSwitches {
  #current: Preferences;
  readonly #store: PreferencesStore;
  readonly #render: (preferences: Preferences) => void;
  readonly #notice: Notice;

  constructor(initial: Preferences, store: PreferencesStore, render: (preferences: Preferences) => void, notice: Notice) {
    this.#current = initial;
    this.#store = store;
    this.#render = render;
    this.#notice = notice;
  }

  get current(): Preferences {
    return this.#current;
  }

  /** Preferences changed elsewhere (another window, another device). */
  replace(preferences: Preferences): void {
    this.#current = preferences;
    this.#render(preferences);
  }

  async change(change: Partial<Preferences>): Promise<void> {
    this.#notice.clear();
    this.replace({ ...this.#current, ...change });
    try {
      await this.#store.save(this.#current);
    } catch (error) {
      console.error('Isnad: could not save the preferences', error);
      this.replace(await this.#store.load());
      this.#notice.show('popupSaveFailed');
    }
  }
}
