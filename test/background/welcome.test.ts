import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { shouldWelcome, watchInstall, welcome, WELCOME_PAGE, WELCOMED_KEY, type WelcomeApi } from '../../src/background/welcome';

/** Local storage, tabs and the install event, as the browser gives them. */
function fakeBrowser({ stored = {}, createFails = false }: { stored?: Record<string, unknown>; createFails?: boolean } = {}) {
  const local = { ...stored };
  let installed: ((details: { reason: Runtime.OnInstalledReason }) => void) | undefined;
  const api = {
    runtime: {
      getURL: (path: string) => `chrome-extension://id/${path}`,
      onInstalled: { addListener: (listener: (details: { reason: Runtime.OnInstalledReason }) => void) => void (installed = listener) },
    },
    tabs: {
      create: vi.fn((properties: { url: string }) =>
        createFails ? Promise.reject(new Error('No current window')) : Promise.resolve({ id: 1, url: properties.url }),
      ),
    },
    storage: {
      local: {
        get: vi.fn((key: string) => Promise.resolve(key in local ? { [key]: local[key] } : {})),
        set: vi.fn((items: Record<string, unknown>) => {
          Object.assign(local, items);
          return Promise.resolve();
        }),
      },
    },
  } satisfies WelcomeApi;
  return { api, local, install: (reason: Runtime.OnInstalledReason) => installed?.({ reason }) };
}

afterEach(() => vi.restoreAllMocks());

describe('shouldWelcome', () => {
  it('is true only for a first install not yet welcomed', () => {
    expect(shouldWelcome('install', false)).toBe(true);
    expect(shouldWelcome('install', true)).toBe(false);
    expect(shouldWelcome('update', false)).toBe(false);
    expect(shouldWelcome('browser_update', false)).toBe(false);
  });
});

describe('welcome', () => {
  it('opens the bundled page in a new tab on install, and remembers it', async () => {
    const { api, local } = fakeBrowser();
    await welcome(api, 'install');
    expect(api.tabs.create).toHaveBeenCalledWith({ url: `chrome-extension://id/${WELCOME_PAGE}` });
    expect(local[WELCOMED_KEY]).toBe(true);
  });

  it('does not open it on an update, nor on an install event after it was shown (an unpacked extension at each launch)', async () => {
    const updated = fakeBrowser();
    await welcome(updated.api, 'update');
    const again = fakeBrowser({ stored: { [WELCOMED_KEY]: true } });
    await welcome(again.api, 'install');
    expect(updated.api.tabs.create).not.toHaveBeenCalled();
    expect(again.api.tabs.create).not.toHaveBeenCalled();
    expect(updated.local[WELCOMED_KEY]).toBeUndefined();
  });

  it('logs a tab that could not be opened, and does not remember it as shown', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api, local } = fakeBrowser({ createFails: true });
    await expect(welcome(api, 'install')).resolves.toBeUndefined();
    expect(local[WELCOMED_KEY]).toBeUndefined();
    expect(error).toHaveBeenCalledOnce();
  });

  it('is wired to the install event', async () => {
    const { api, install } = fakeBrowser();
    watchInstall(api);
    install('install');
    await vi.waitFor(() => {
      expect(api.tabs.create).toHaveBeenCalledOnce();
    });
  });
});
