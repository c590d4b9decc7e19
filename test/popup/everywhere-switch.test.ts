import { describe, expect, it, vi } from 'vitest';
import { wireEverywhereSwitch, type PermissionsApi } from '../../src/popup/everywhere-switch';
import { EVERYWHERE } from '../../src/shared/everywhere';
import { settle } from '../support/fake-browser';
import { stage } from './fakes';

function permissions(granted: boolean, overrides: Partial<Record<keyof PermissionsApi, () => Promise<boolean>>> = {}) {
  return {
    contains: vi.fn(overrides.contains ?? (() => Promise.resolve(granted))),
    request: vi.fn(overrides.request ?? (() => Promise.resolve(true))),
    remove: vi.fn(overrides.remove ?? (() => Promise.resolve(true))),
  };
}

describe('the all-sites switch', () => {
  it.each([true, false])('shows whether the permission is granted (%s), and nothing is said', async (granted) => {
    const { toggle, region, notice } = stage();
    toggle.checked = !granted;
    const api = permissions(granted);
    await wireEverywhereSwitch(toggle, api, notice);
    expect(api.contains).toHaveBeenCalledWith(EVERYWHERE);
    expect(toggle.checked).toBe(granted);
    expect(toggle.disabled).toBe(false);
    expect(region.textContent).toBe('');
  });

  it('asks for the permission in the click’s own task, and is on once it is granted', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(false);
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    // Synchronously, within the click: a request from a later task is refused as not the reader's.
    expect(api.request).toHaveBeenCalledWith(EVERYWHERE);
    await settle();
    expect(toggle.checked).toBe(true);
    expect(region.textContent).toBe('');
  });

  it('refused: goes back off and says so', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(false, { request: () => Promise.resolve(false) });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    expect(toggle.checked).toBe(true); // until the answer
    await settle();
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(false);
    expect(region.textContent).toBe('popupEverywhereRefused');
  });

  it('a request that fails: goes back off and says so, with the browser’s words', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(false, {
      request: () => Promise.reject(new Error('permissions.request may only be called from a user input handler')),
    });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    await settle();
    expect(toggle.checked).toBe(false);
    expect(region.textContent).toBe('popupEverywhereFailed permissions.request may only be called from a user input handler');
    expect(region.querySelector('bdi')?.textContent).toBe('permissions.request may only be called from a user input handler');
  });

  it('off: gives the permission back', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(true);
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    expect(api.remove).toHaveBeenCalledWith(EVERYWHERE);
    await settle();
    expect(toggle.checked).toBe(false);
    expect(region.textContent).toBe('');
  });

  it('off, and the removal fails: back on, and says so', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(true, {
      remove: () => Promise.reject(new Error('You cannot remove required permissions.')),
    });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    await settle();
    expect(toggle.checked).toBe(true);
    expect(region.textContent).toBe('popupEverywhereNotRemoved You cannot remove required permissions.');
  });

  it('off, and the browser keeps the permission: back on, and says so', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(true, { remove: () => Promise.resolve(false) });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    await settle();
    expect(toggle.checked).toBe(true);
    expect(region.textContent).toBe('popupEverywhereNotRemoved');
  });

  it('a new attempt clears the previous message', async () => {
    const { toggle, region, notice } = stage();
    const api = permissions(false, { request: () => Promise.resolve(false) });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    await settle();
    expect(region.textContent).toBe('popupEverywhereRefused');
    api.request.mockResolvedValue(true);
    toggle.click();
    await settle();
    expect(toggle.checked).toBe(true);
    expect(region.textContent).toBe('');
  });

  it('cannot be used twice at once: disabled until the browser answers', async () => {
    const { toggle, notice } = stage();
    let answer: (granted: boolean) => void = () => undefined;
    const api = permissions(false, { request: () => new Promise<boolean>((resolve) => (answer = resolve)) });
    await wireEverywhereSwitch(toggle, api, notice);
    toggle.click();
    expect(toggle.disabled).toBe(true);
    answer(true);
    await settle();
    expect(toggle.disabled).toBe(false);
  });
});
