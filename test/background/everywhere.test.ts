import type { Scripting } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  EVERYWHERE_SCRIPT,
  EVERYWHERE_SCRIPT_ID,
  everywhereReconciler,
  watchEverywhere,
  type EverywhereApi,
} from '../../src/background/everywhere';
import { EVERYWHERE } from '../../src/shared/everywhere';

/** A turn of the event loop, so that unserialised calls would interleave as the browser's do. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Listener = () => void;

/** The browser's permission and scripting state for this extension, with the browser's own errors. */
function fakeBrowser(start: { granted: boolean; registered?: Scripting.RegisteredContentScript }) {
  let granted = start.granted;
  const scripts = new Map<string, Scripting.RegisteredContentScript>(start.registered ? [[start.registered.id, start.registered]] : []);
  const listeners = { startup: [] as Listener[], installed: [] as Listener[], added: [] as Listener[], removed: [] as Listener[] };
  const on = (list: Listener[]) => ({ addListener: (listener: Listener) => void list.push(listener) });
  const api = {
    permissions: {
      contains: vi.fn(async (asked: { origins?: string[] }) => {
        await tick();
        expect(asked).toEqual(EVERYWHERE);
        return granted;
      }),
      onAdded: on(listeners.added),
      onRemoved: on(listeners.removed),
    },
    scripting: {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
        await tick();
        return [...scripts.values()].filter((script) => filter?.ids?.includes(script.id) ?? true);
      }),
      registerContentScripts: vi.fn(async (list: Scripting.RegisteredContentScript[]) => {
        await tick();
        for (const script of list) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          scripts.set(script.id, script);
        }
      }),
      unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
        await tick();
        for (const id of filter?.ids ?? []) {
          if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      }),
    },
    runtime: { onStartup: on(listeners.startup), onInstalled: on(listeners.installed) },
  };
  return {
    api: api satisfies EverywhereApi,
    scripts,
    listeners,
    set granted(value: boolean) {
      granted = value;
    },
  };
}

/** Lets every queued reconcile finish. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 50; i += 1) await tick();
};

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

describe('the all-sites script follows the permission', () => {
  it('granted, not registered: registers the detector on every site, with no stylesheet', async () => {
    const browser = fakeBrowser({ granted: true });
    await everywhereReconciler(browser.api)();
    expect(browser.api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    const script = browser.scripts.get(EVERYWHERE_SCRIPT_ID);
    expect(script).toEqual({
      id: 'isnad-everywhere',
      matches: ['*://*/*'],
      js: ['/detector.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    expect(script).not.toHaveProperty('css');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('granted, registered: leaves it', async () => {
    const browser = fakeBrowser({ granted: true, registered: EVERYWHERE_SCRIPT });
    await everywhereReconciler(browser.api)();
    expect(browser.api.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(browser.api.scripting.unregisterContentScripts).not.toHaveBeenCalled();
    expect(browser.scripts.has(EVERYWHERE_SCRIPT_ID)).toBe(true);
  });

  it('not granted, registered: unregisters it', async () => {
    const browser = fakeBrowser({ granted: false, registered: EVERYWHERE_SCRIPT });
    await everywhereReconciler(browser.api)();
    expect(browser.api.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [EVERYWHERE_SCRIPT_ID] });
    expect(browser.scripts.size).toBe(0);
  });

  it('not granted, not registered: does nothing', async () => {
    const browser = fakeBrowser({ granted: false });
    await everywhereReconciler(browser.api)();
    expect(browser.api.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(browser.api.scripting.unregisterContentScripts).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('replaces a registration of an older version that still names a stylesheet', async () => {
    const browser = fakeBrowser({ granted: true, registered: { ...EVERYWHERE_SCRIPT, css: ['/content.css'] } });
    await everywhereReconciler(browser.api)();
    expect(browser.scripts.get(EVERYWHERE_SCRIPT_ID)).toEqual(EVERYWHERE_SCRIPT);
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('reconciling one at a time', () => {
  it('start-up and install firing together register the script once, without a duplicate-id error', async () => {
    const browser = fakeBrowser({ granted: true });
    watchEverywhere(browser.api);
    for (const listener of [...browser.listeners.startup, ...browser.listeners.installed, ...browser.listeners.added]) listener();
    await settle();
    expect(browser.api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(browser.scripts.has(EVERYWHERE_SCRIPT_ID)).toBe(true);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('each call runs after the one before it has finished', async () => {
    const browser = fakeBrowser({ granted: false, registered: EVERYWHERE_SCRIPT });
    const reconcile = everywhereReconciler(browser.api);
    await Promise.all([reconcile(), reconcile(), reconcile()]);
    expect(browser.api.scripting.unregisterContentScripts).toHaveBeenCalledTimes(1);
    expect(consoleError).not.toHaveBeenCalled();
  });
});

describe('permission changes', () => {
  it('permissions.onAdded registers the script; permissions.onRemoved unregisters it', async () => {
    const browser = fakeBrowser({ granted: false });
    watchEverywhere(browser.api);
    browser.granted = true;
    for (const listener of browser.listeners.added) listener();
    await settle();
    expect(browser.scripts.has(EVERYWHERE_SCRIPT_ID)).toBe(true);
    browser.granted = false;
    for (const listener of browser.listeners.removed) listener();
    await settle();
    expect(browser.scripts.has(EVERYWHERE_SCRIPT_ID)).toBe(false);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('listens to start-up, install, and the permission being added and removed', () => {
    const browser = fakeBrowser({ granted: false });
    watchEverywhere(browser.api);
    expect(Object.values(browser.listeners).map((list) => list.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('failures', () => {
  it('a failing browser call is reported with console.error, never thrown, and the next reconcile still runs', async () => {
    const browser = fakeBrowser({ granted: true });
    browser.api.scripting.registerContentScripts.mockRejectedValueOnce(new Error('quota'));
    const reconcile = everywhereReconciler(browser.api);
    await expect(reconcile()).resolves.toBeUndefined();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[1])).toContain('quota');
    await reconcile();
    expect(browser.scripts.has(EVERYWHERE_SCRIPT_ID)).toBe(true);
  });

  it('a trigger whose reconcile fails leaves no unhandled rejection', async () => {
    const browser = fakeBrowser({ granted: true });
    browser.api.permissions.contains.mockRejectedValue(new Error('no permissions API'));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      watchEverywhere(browser.api);
      for (const listener of [...browser.listeners.startup, ...browser.listeners.removed]) listener();
      await settle();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalledTimes(2);
  });
});
