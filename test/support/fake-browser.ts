/**
 * A stand-in for the extension API, enough for the entry files' wiring:
 * listeners are kept so a test can fire them, calls are recorded, and
 * storage is a plain object per area.
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** An extension event: its listeners, and a way to fire it as the browser would. */
export class FakeEvent<L extends Listener = Listener> {
  readonly listeners: L[] = [];
  addListener(listener: L): void {
    this.listeners.push(listener);
  }
  fire(...args: Parameters<L>): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}

/** `browser.i18n.getMessage` for tests: a message's name and its substitutions stand for its text, so a test reads which message shows, with what. */
export const echo = (name: string, substitutions?: string[]): string =>
  substitutions === undefined || substitutions.length === 0 ? name : `${name}:[${substitutions.join('|')}]`;

export interface Sent {
  readonly message: unknown;
}

export function fakeBrowser(
  options: { readonly local?: Record<string, unknown>; readonly sync?: Record<string, unknown>; readonly lang?: string } = {},
) {
  const area = (items: Record<string, unknown>) => ({
    items,
    get: vi.fn((key: string) => Promise.resolve(key in items ? { [key]: items[key] } : {})),
    set: vi.fn((values: Record<string, unknown>) => {
      Object.assign(items, values);
      return Promise.resolve();
    }),
  });
  const sent: unknown[] = [];
  return {
    sent,
    runtime: {
      id: 'isnad-test',
      getURL: (path: string) => new URL(path, 'extension://isnad-test/').href,
      sendMessage: vi.fn((message: unknown): Promise<unknown> => {
        sent.push(message);
        return Promise.resolve(undefined);
      }),
      onMessage: new FakeEvent<
        (
          message: unknown,
          sender: { id?: string; tab?: { id?: number }; frameId?: number },
          sendResponse: (response: unknown) => void,
        ) => unknown
      >(),
    },
    i18n: {
      getUILanguage: () => options.lang ?? 'en',
      getMessage: echo,
    },
    storage: {
      local: area({ ...options.local }),
      sync: area({ ...options.sync }),
      onChanged: new FakeEvent(),
    },
  };
}

export type FakeBrowser = ReturnType<typeof fakeBrowser>;

/** Lets pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
