/**
 * The "detect on all sites" switch shows whether the optional host
 * permission is granted, and asks for it or gives it back. The background
 * registers or removes the all-sites script when the permission changes.
 */
import type { Permissions } from 'webextension-polyfill';
import { EVERYWHERE } from '../shared/everywhere';
import { errorText, type Notice } from './notice';

export type PermissionsApi = Pick<Permissions.Static, 'contains' | 'request' | 'remove'>;

export async function wireEverywhereSwitch(toggle: HTMLInputElement, permissions: PermissionsApi, notice: Notice): Promise<void> {
  toggle.addEventListener('change', () => {
    notice.clear();
    toggle.disabled = true; // one request at a time
    // The request must start in the click's own task (nothing awaited before it): a later one is refused as not the reader's.
    const asked = toggle.checked
      ? permissions.request(EVERYWHERE).then(granted, refused)
      : permissions.remove(EVERYWHERE).then(removed, notRemoved);
    void asked.finally(() => {
      toggle.disabled = false;
    });
  });

  function granted(given: boolean): void {
    toggle.checked = given;
    if (!given) notice.show('popupEverywhereRefused');
  }
  function refused(error: unknown): void {
    toggle.checked = false;
    notice.show('popupEverywhereFailed', errorText(error));
  }
  function removed(done: boolean): void {
    toggle.checked = !done;
    if (!done) notice.show('popupEverywhereNotRemoved');
  }
  function notRemoved(error: unknown): void {
    toggle.checked = true;
    notice.show('popupEverywhereNotRemoved', errorText(error));
  }

  toggle.disabled = true; // until it shows the permission as it is
  try {
    toggle.checked = await permissions.contains(EVERYWHERE);
  } catch (error) {
    console.error('Isnad: could not read the all-sites permission', error);
  } finally {
    toggle.disabled = false;
  }
}
