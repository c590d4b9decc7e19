/**
 * The all-sites content script follows the optional host permission on this
 * device: granted, it is registered; not granted, it is not. Nothing is
 * stored or synced, so another device's choice never touches this one.
 */
import type { Permissions, Scripting } from 'webextension-polyfill';
import { EVERYWHERE } from '../shared/everywhere';

export const EVERYWHERE_SCRIPT_ID = 'isnad-everywhere';

/** The script as registered. Styles are not part of it: the background adds them once an article is found. */
export const EVERYWHERE_SCRIPT: Scripting.RegisteredContentScript = {
  id: EVERYWHERE_SCRIPT_ID,
  matches: EVERYWHERE.origins,
  js: ['/detector.js'],
  runAt: 'document_idle',
  persistAcrossSessions: true,
};

interface Trigger {
  addListener(listener: () => void): void;
}

/** The parts of the extension API this needs: the browser's, or a fake in tests. */
export interface EverywhereApi {
  readonly permissions: Pick<Permissions.Static, 'contains'> & { readonly onAdded: Trigger; readonly onRemoved: Trigger };
  readonly scripting: Pick<Scripting.Static, 'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'>;
  readonly runtime: { readonly onStartup: Trigger; readonly onInstalled: Trigger };
}

/** Brings the registration in line with the permission, once. */
async function reconcile(api: EverywhereApi): Promise<void> {
  const granted = await api.permissions.contains(EVERYWHERE);
  const [registered] = await api.scripting.getRegisteredContentScripts({ ids: [EVERYWHERE_SCRIPT_ID] });
  // A script registered by an older version that still names a stylesheet is replaced.
  const stale = registered !== undefined && (registered.css?.length ?? 0) > 0;
  if (registered !== undefined && (!granted || stale)) {
    await api.scripting.unregisterContentScripts({ ids: [EVERYWHERE_SCRIPT_ID] });
  }
  if (granted && (registered === undefined || stale)) {
    await api.scripting.registerContentScripts([EVERYWHERE_SCRIPT]);
  }
}

/**
 * A reconcile that runs one at a time: each call waits for the previous one,
 * so triggers that fire together (start-up and install) never both find the
 * script missing and register it twice. A failure is reported, never thrown.
 */
export function everywhereReconciler(api: EverywhereApi): () => Promise<void> {
  let queue = Promise.resolve();
  return () => {
    queue = queue
      .then(() => reconcile(api))
      .catch((error: unknown) => {
        console.error('Isnad: could not bring the all-sites content script in line with the permission', error);
      });
    return queue;
  };
}

/** Reconciles whenever the browser starts, the extension is installed or updated, or the permission changes. */
export function watchEverywhere(api: EverywhereApi): void {
  const reconcileNow = everywhereReconciler(api);
  const trigger = (): void => void reconcileNow();
  api.runtime.onStartup.addListener(trigger);
  api.runtime.onInstalled.addListener(trigger);
  api.permissions.onAdded.addListener(trigger);
  api.permissions.onRemoved.addListener(trigger);
}
