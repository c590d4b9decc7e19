/**
 * The welcome page, opened in a new tab when Isnad is installed, never on
 * an update or a browser update. Chromium also reports an unpacked
 * extension loaded at start-up as installed at every launch, so the page
 * remembers, in local storage, that it was shown.
 */
import type { Runtime, Storage } from 'webextension-polyfill';

export const WELCOME_PAGE = 'welcome/welcome.html';
export const WELCOMED_KEY = 'welcomed';

interface Trigger<T> {
  addListener(listener: (details: T) => void): void;
}

/** The parts of the extension API this needs: the browser's, or a fake in tests. */
export interface WelcomeApi {
  readonly runtime: Pick<Runtime.Static, 'getURL'> & { readonly onInstalled: Trigger<Pick<Runtime.OnInstalledDetailsType, 'reason'>> };
  readonly tabs: { create(properties: { url: string }): Promise<unknown> };
  readonly storage: { readonly local: Pick<Storage.StorageArea, 'get' | 'set'> };
}

/** Whether to open the page: a first install only, and only if it was not shown already. */
export const shouldWelcome = (reason: Runtime.OnInstalledReason, alreadyShown: boolean): boolean => reason === 'install' && !alreadyShown;

/** Opens the page once; a failure is reported, never thrown, and leaves it to be shown at the next install event. */
export async function welcome(api: WelcomeApi, reason: Runtime.OnInstalledReason): Promise<void> {
  try {
    const shown = (await api.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY] === true;
    if (!shouldWelcome(reason, shown)) return;
    await api.tabs.create({ url: api.runtime.getURL(WELCOME_PAGE) });
    await api.storage.local.set({ [WELCOMED_KEY]: true });
  } catch (error) {
    console.error('Isnad: could not open the welcome page', error);
  }
}

export function watchInstall(api: WelcomeApi): void {
  api.runtime.onInstalled.addListener(({ reason }) => void welcome(api, reason));
}
