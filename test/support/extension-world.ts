/**
 * The extension's parts wired together in one jsdom page, with fake
 * extension APIs: the background with the catalogue the build would write
 * (served to its `fetch`), the detector as the content script, and the
 * annotator evaluated only when the background adds it to the frame. Each
 * part gets its own API object, as each runs in its own world.
 */
import { vi } from 'vitest';
import type { Article } from '../../src/article/schema';
import { catalogueFiles } from '../../scripts/catalogue-files';
import { FakeEvent, fakeBrowser, type FakeBrowser } from './fake-browser';

/** The background's extension API: what it calls, recorded, and its events, to fire. */
export function backgroundBrowser() {
  const base = fakeBrowser();
  return {
    ...base,
    runtime: { ...base.runtime, onInstalled: new FakeEvent<(details: { reason: string }) => void>(), onStartup: new FakeEvent() },
    action: {
      setTitle: vi.fn(() => Promise.resolve(undefined)),
      setBadgeText: vi.fn(() => Promise.resolve(undefined)),
      setBadgeBackgroundColor: vi.fn(() => Promise.resolve(undefined)),
    },
    commands: { onCommand: new FakeEvent<(command: string, tab?: { id?: number }) => void>() },
    tabs: {
      query: vi.fn(() => Promise.resolve([{ id: 7 }])),
      create: vi.fn(() => Promise.resolve({})),
      sendMessage: vi.fn(() => Promise.resolve(null)),
    },
    permissions: { contains: vi.fn(() => Promise.resolve(false)), onAdded: new FakeEvent(), onRemoved: new FakeEvent() },
    scripting: {
      insertCSS: vi.fn(() => Promise.resolve(undefined)),
      executeScript: vi.fn((_details: { target: object; files: string[] }) => Promise.resolve([])),
      getRegisteredContentScripts: vi.fn(() => Promise.resolve([])),
      registerContentScripts: vi.fn(() => Promise.resolve(undefined)),
      unregisterContentScripts: vi.fn(() => Promise.resolve(undefined)),
    },
  };
}

export type BackgroundBrowser = ReturnType<typeof backgroundBrowser>;

/** `fetch` over the package's files, recording each path read. */
export function packageFetch(files: ReadonlyMap<string, Uint8Array | string>, reads: string[]): typeof fetch {
  const served = vi.fn((input: string | URL | Request) => {
    const path = new URL(input instanceof Request ? input.url : input).pathname.slice(1);
    reads.push(path);
    const body = files.get(path);
    if (body === undefined) return Promise.resolve(new Response('', { status: 404 }));
    return Promise.resolve(new Response(typeof body === 'string' ? body : body.slice().buffer));
  });
  return served;
}

export interface ExtensionWorld {
  readonly background: BackgroundBrowser;
  readonly content: FakeBrowser;
  /** Package files read, in order. */
  readonly reads: string[];
  /** Messages the content scripts sent, with the background's answer. */
  readonly exchanges: { message: { type: string } & Record<string, unknown>; answer: unknown }[];
  /** How often the annotator's script was added to the frame. */
  annotatorInjections(): number;
  /** Loads the detector afresh, as the browser injects it into a page. */
  injectDetector(): Promise<void>;
}

const closers: (() => void)[] = [];

/** Sets up the background with the given catalogue; the detector is injected by `injectDetector`. */
export async function extensionWorld(articles: readonly Article[], options: { readonly debug?: boolean } = {}): Promise<ExtensionWorld> {
  vi.resetModules();
  const reads: string[] = [];
  vi.stubGlobal('fetch', packageFetch(catalogueFiles(articles), reads));
  const background = backgroundBrowser();
  if (options.debug === true) background.storage.local.items.debug = true;
  const content = fakeBrowser();
  const exchanges: ExtensionWorld['exchanges'] = [];
  const sender = { id: background.runtime.id, tab: { id: 3 }, frameId: 0 };
  let open = true;
  // A page left behind by an earlier test (its watchers still run in this document) reaches nothing of a later one.
  closers.push(() => (open = false));
  content.runtime.sendMessage.mockImplementation(async (message: unknown) => {
    if (!open) throw new Error('the page was left');
    const answers = await Promise.all(background.runtime.onMessage.fire(message as never, sender as never, () => undefined));
    const answer = answers.find((value) => value !== undefined);
    exchanges.push({ message: message as ExtensionWorld['exchanges'][number]['message'], answer });
    return answer;
  });
  let injections = 0;
  background.scripting.executeScript.mockImplementation(async () => {
    if (!open) throw new Error('the page was left');
    injections += 1;
    // Each script is a bundle of its own: none shares a module (and so the API it found) with another.
    vi.resetModules();
    vi.stubGlobal('browser', content);
    await import('../../src/page/index');
    return [];
  });
  // The background's API, through webextension-polyfill: a module loaded once per test file, so given as this world's.
  vi.doMock('webextension-polyfill', () => ({ default: background }));
  vi.stubGlobal('browser', background);
  await import('../../src/background/index');
  return {
    background,
    content,
    reads,
    exchanges,
    annotatorInjections: () => injections,
    injectDetector: async () => {
      vi.resetModules();
      vi.stubGlobal('browser', content);
      await import('../../src/detector/index');
    },
  };
}

/** Forgets the page's content-script world: its run-once mark and the annotator's factory. */
export function leavePage(): void {
  for (const close of closers.splice(0)) close();
  Reflect.deleteProperty(globalThis, Symbol.for('isnad.content-script'));
  Reflect.deleteProperty(globalThis, Symbol.for('isnad.annotator'));
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('[data-isnad-ui]')) host.remove();
}
