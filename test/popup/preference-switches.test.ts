import { describe, expect, it, vi } from 'vitest';
import { PreferenceSwitches } from '../../src/popup/preference-switches';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/shared/preferences';
import { stage } from './fakes';

/** The popup's claims switch, drawn from the preferences as the popup draws it. */
function claimsSwitch(saveFails: boolean) {
  const { toggle, region, notice } = stage();
  let stored: Preferences = DEFAULT_PREFERENCES;
  const store = {
    load: vi.fn(() => Promise.resolve(stored)),
    save: vi.fn((preferences: Preferences) => {
      if (saveFails) return Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
      stored = preferences;
      return Promise.resolve();
    }),
  };
  const switches = new PreferenceSwitches(stored, store, (preferences) => (toggle.checked = preferences.claims), notice);
  toggle.checked = stored.claims;
  toggle.addEventListener('change', () => void switches.change({ claims: toggle.checked }));
  return { toggle, region, store, switches };
}

describe('the preference switches', () => {
  it('a change is saved, and nothing is said', async () => {
    const { toggle, region, store, switches } = claimsSwitch(false);
    toggle.click();
    await vi.waitFor(() => expect(store.save).toHaveBeenCalled());
    expect(store.save).toHaveBeenCalledWith({ ...DEFAULT_PREFERENCES, claims: false });
    expect(switches.current.claims).toBe(false);
    expect(toggle.checked).toBe(false);
    expect(region.textContent).toBe('');
  });

  it('a save the storage rejects puts the switch back to what is stored, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { toggle, region, store, switches } = claimsSwitch(true);
      toggle.click();
      expect(toggle.checked).toBe(false); // shown at once
      await vi.waitFor(() => expect(region.textContent).toBe('popupSaveFailed'));
      expect(store.load).toHaveBeenCalled();
      expect(toggle.checked).toBe(true);
      expect(switches.current).toEqual(DEFAULT_PREFERENCES);
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it('preferences changed elsewhere redraw the switches', () => {
    const { toggle, switches } = claimsSwitch(false);
    switches.replace({ ...DEFAULT_PREFERENCES, claims: false });
    expect(toggle.checked).toBe(false);
  });
});
