/**
 * The content script's wiring, with a fake extension API: what it tells the
 * background, what it answers, what it leaves in the page, and that it runs
 * once. The parts it wires are tested on their own; this is the entry file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildArticlePage, buildTextPage, putinXi } from '../support/article-page';
import { fakeBrowser, type FakeBrowser } from '../support/fake-browser';
import { ROUNDUP } from '../../testkit/other-texts';

let browser: FakeBrowser;

/** Loads the content script afresh, as an injection does, and waits for its first scan's report. */
async function inject(): Promise<void> {
  vi.resetModules();
  await import('../../src/page/index');
}

const scanned = (): unknown[] => browser.sent.filter((message) => (message as { type?: string }).type === 'page-scanned');
const isnadEntries = (): PerformanceEntry[] => performance.getEntries().filter((entry) => entry.name.startsWith('isnad'));

/** Sends a message to the content script as the extension (or another sender) would, and its answer. */
function ask(message: unknown, sender: { id?: string } = { id: browser.runtime.id }): unknown {
  let answer: unknown = 'no answer';
  for (const listener of browser.runtime.onMessage.listeners) listener(message, sender, (response) => (answer = response));
  return answer;
}

beforeEach(() => {
  browser = fakeBrowser();
  vi.stubGlobal('browser', browser);
  performance.clearMarks();
  performance.clearMeasures();
});

afterEach(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  Reflect.deleteProperty(Range.prototype, 'getClientRects');
  // A new page: the run-once mark of the last one goes with it.
  Reflect.deleteProperty(globalThis, Symbol.for('isnad.content-script'));
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('[data-isnad-ui]')) host.remove();
});

describe('the content script on a page with the article', () => {
  it('reports the placed annotations, asks for the highlight styles once, and leaves no performance entry', async () => {
    buildArticlePage(putinXi);
    await inject();
    await vi.waitFor(() => expect(scanned()).toHaveLength(1));
    expect(scanned()[0]).toEqual({ type: 'page-scanned', placed: putinXi.annotations.length, findings: 0 });
    expect(browser.sent.filter((message) => (message as { type?: string }).type === 'inject-styles')).toHaveLength(1);
    expect(isnadEntries()).toEqual([]);
  });

  it('answers what it found to the extension, and nothing to anyone else', async () => {
    buildArticlePage(putinXi);
    await inject();
    await vi.waitFor(() => expect(scanned()).toHaveLength(1));
    const status = ask({ type: 'page-status' }) as { articleIds: string[]; found: { placed: string[] } | null };
    expect(status.articleIds).toEqual([putinXi.id]);
    expect(status.found?.placed).toHaveLength(putinXi.annotations.length);
    expect(ask({ type: 'page-status' }, { id: 'another-extension' })).toBeUndefined();
    // jsdom has no layout: nothing to scroll, no line boxes.
    Element.prototype.scrollIntoView = () => undefined;
    Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
    expect(ask({ type: 'navigate', direction: 'next' })).toEqual(expect.any(String));
    expect(ask({ type: 'navigate', direction: 'sideways' })).toBeUndefined();
    expect(ask({ type: 'go-to', id: 42 })).toBeUndefined();
  });

  it('leaves its performance entries and an open tooltip root only under the debug switch', async () => {
    browser = fakeBrowser({ local: { debug: true } });
    vi.stubGlobal('browser', browser);
    buildArticlePage(putinXi);
    await inject();
    await vi.waitFor(() => expect(scanned()).toHaveLength(1));
    expect(
      isnadEntries()
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(['isnad:annotate', 'isnad:ready', 'isnad:scan']);
  });

  it('runs once however often it is injected', async () => {
    buildArticlePage(putinXi);
    await inject();
    await vi.waitFor(() => expect(scanned()).toHaveLength(1));
    const listeners = browser.runtime.onMessage.listeners.length;
    await inject();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scanned()).toHaveLength(1);
    expect(browser.runtime.onMessage.listeners).toHaveLength(listeners);
  });
});

describe('the content script on a page without the article', () => {
  it('reports nothing found, asks for no styles, and adds nothing to the page', async () => {
    buildTextPage(ROUNDUP);
    const before = document.documentElement.outerHTML;
    await inject();
    await vi.waitFor(() => expect(scanned()).toHaveLength(1));
    expect(scanned()[0]).toEqual({ type: 'page-scanned', placed: null, findings: 0 });
    expect(browser.sent.some((message) => (message as { type?: string }).type === 'inject-styles')).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(isnadEntries()).toEqual([]);
  });
});
