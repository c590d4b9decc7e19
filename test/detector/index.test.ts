/**
 * The detector, the background and the annotator wired together in a jsdom
 * page (see `extension-world.ts`): what the detector sends, what the
 * background reads and adds to the frame, what is painted and reported, and
 * what is left in a page without an article: nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildArticlePage, buildTextPage, putinXi } from '../support/article-page';
import { extensionWorld, leavePage, type ExtensionWorld } from '../support/extension-world';
import { ROUNDUP } from '../../testkit/other-texts';
import { articleFile, CATALOGUE_INDEX } from '../../src/shared/package-files';
import { MAX_CHANGED_NODES } from '../../src/detector/watch';
import { sampledKeys } from '../../src/engine/probes';
import { encodeKeys } from '../../src/shared/phrase-keys';

const ofType = (world: ExtensionWorld, type: string): ExtensionWorld['exchanges'] =>
  world.exchanges.filter(({ message }) => message.type === type);
const isnadEntries = (): PerformanceEntry[] => performance.getEntries().filter((entry) => entry.name.startsWith('isnad'));

/** Sends a message to the content scripts as the extension (or another sender) would, and their answer. */
function ask(world: ExtensionWorld, message: unknown, sender: { id?: string } = { id: world.content.runtime.id }): unknown {
  let answer: unknown = 'no answer';
  for (const listener of world.content.runtime.onMessage.listeners) listener(message, sender, (response) => (answer = response));
  return answer;
}

afterEach(() => {
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  Reflect.deleteProperty(Range.prototype, 'getClientRects');
  performance.clearMarks();
  performance.clearMeasures();
  leavePage();
});

describe('a page without the article', () => {
  // First: the pages of the tests before it keep watching this document, and one that painted would read it.
  it('reads neither the page nor its styles to judge a change, and leaves out what left the page before the judgement', async () => {
    buildTextPage(ROUNDUP);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'detect')).toHaveLength(1));
    const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
    const styles = vi.spyOn(window, 'getComputedStyle');
    const gone = document.createElement('p');
    gone.textContent = putinXi.paragraphs.join(' ');
    const news = document.createElement('p');
    news.textContent = ROUNDUP.join(' ').slice(0, 600);
    document.body.append(gone, news);
    gone.remove();
    await vi.waitFor(() => expect(ofType(world, 'judge-added')).toHaveLength(1), { timeout: 8000 });
    // Only the keys of the added text's sampled phrases leave the page: never its text.
    expect(ofType(world, 'judge-added')[0]?.message.keys).toBe(encodeKeys(sampledKeys(news.textContent)));
    expect(textContent.mock.contexts.filter((node) => node === document.body || node === document.documentElement)).toHaveLength(0);
    expect(styles).not.toHaveBeenCalled();
    expect(isnadEntries(), 'performance entries without the debug switch').toEqual([]);
    vi.restoreAllMocks();
  }, 20_000);

  it('sends its text once and is left at that: no annotator, no article read, no styles, nothing added to the page', async () => {
    buildTextPage(ROUNDUP);
    const before = document.documentElement.outerHTML;
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'detect')).toHaveLength(1));
    await vi.waitFor(() => expect(world.background.action.setBadgeText).toHaveBeenCalledWith({ tabId: 3, text: '' }));
    expect(ofType(world, 'detect')[0]?.answer).toMatchObject({ found: [] });
    expect(world.annotatorInjections()).toBe(0);
    expect(Reflect.has(globalThis, Symbol.for('isnad.annotator'))).toBe(false);
    expect(world.reads).toEqual([CATALOGUE_INDEX]);
    expect(ofType(world, 'inject-styles')).toHaveLength(0);
    expect(ofType(world, 'page-scanned')).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(isnadEntries()).toEqual([]);
  });

  // Before any test whose page gets painted: a painted page left behind checks its ranges on each of the many changes,
  // which jsdom does in time quadratic in the nodes of the body.
  it('asks for a new reading, sending no text now, when more nodes changed than it keeps', async () => {
    buildTextPage(ROUNDUP);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'detect')).toHaveLength(1));
    document.body.append(
      ...Array.from({ length: MAX_CHANGED_NODES + 1 }, (_, at) => Object.assign(document.createElement('p'), { textContent: `خبر ${at}` })),
    );
    // The new reading waits its turn (pacing.ts: 19 times the first reading's cost), which a busy machine stretches.
    await vi.waitFor(() => expect(ofType(world, 'detect')).toHaveLength(2), { timeout: 30_000 });
    expect(ofType(world, 'judge-added')).toHaveLength(0);
  }, 60_000);

  it('judges what a change adds by that text alone, and reads the page again once it may hold the article', async () => {
    buildTextPage(ROUNDUP);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'detect')).toHaveLength(1));
    const news = document.createElement('p');
    news.textContent = ROUNDUP.join(' ').slice(0, 600);
    document.body.append(news);
    await vi.waitFor(() => expect(ofType(world, 'judge-added')).toHaveLength(1), { timeout: 8000 });
    expect(ofType(world, 'judge-added')[0]?.message.keys).toBe(encodeKeys(sampledKeys(news.textContent)));
    expect(ofType(world, 'judge-added')[0]?.answer).toMatchObject({ worth: false });
    const story = document.createElement('article');
    for (const text of putinXi.paragraphs) story.append(Object.assign(document.createElement('p'), { textContent: text }));
    document.body.append(story);
    await vi.waitFor(() => expect(ofType(world, 'page-scanned')).toHaveLength(1), { timeout: 15_000 });
    expect(ofType(world, 'judge-added').at(-1)?.answer).toMatchObject({ worth: true });
    expect(ofType(world, 'detect')).toHaveLength(2);
    expect(ofType(world, 'page-scanned')[0]?.message).toMatchObject({ placed: putinXi.annotations.length });
    expect(world.annotatorInjections()).toBe(1);
  }, 40_000);
});

describe('a page with the article', () => {
  it('sends the text once, gets the annotator added to its frame once, reports the placed annotations, asks for the styles once', async () => {
    buildArticlePage(putinXi);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'page-scanned')).toHaveLength(1));
    expect(ofType(world, 'detect')).toHaveLength(1);
    expect(world.annotatorInjections()).toBe(1);
    expect(world.background.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 3, frameIds: [0] },
      files: ['/annotator.js'],
    });
    expect(ofType(world, 'page-scanned')[0]?.message).toEqual({ type: 'page-scanned', placed: putinXi.annotations.length, findings: 0 });
    await vi.waitFor(() => expect(world.background.scripting.insertCSS).toHaveBeenCalledTimes(1));
    expect(ofType(world, 'inject-styles')).toHaveLength(1);
    // Only the found article's styles: its speakers' highlight names.
    const [[{ css }]] = world.background.scripting.insertCSS.mock.calls as unknown as [[{ css: string }]];
    for (const speaker of putinXi.speakers) expect(css).toContain(`::highlight(isnad-quote-${speaker.id})`);
    expect(world.reads.filter((path) => path === articleFile(putinXi.id)).length).toBeGreaterThanOrEqual(1);
    expect(world.reads.filter((path) => path === CATALOGUE_INDEX)).toHaveLength(1);
    expect(isnadEntries()).toEqual([]);
  });

  it('answers what it found to the extension, and nothing to anyone else', async () => {
    buildArticlePage(putinXi);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'page-scanned')).toHaveLength(1));
    const status = ask(world, { type: 'page-status' }) as { found: { articleId: string; placed: string[] }[] };
    expect(status.found.map(({ articleId }) => articleId)).toEqual([putinXi.id]);
    expect(status.found[0]?.placed).toHaveLength(putinXi.annotations.length);
    expect(ask(world, { type: 'page-status' }, { id: 'another-extension' })).toBeUndefined();
    // jsdom has no layout: nothing to scroll, no line boxes.
    Element.prototype.scrollIntoView = () => undefined;
    Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
    expect(ask(world, { type: 'navigate', direction: 'next' })).toEqual(expect.any(String));
    expect(ask(world, { type: 'go-to', articleId: putinXi.id, id: putinXi.annotations[0]?.id })).toBe(true);
    expect(ask(world, { type: 'navigate', direction: 'sideways' })).toBeUndefined();
    expect(ask(world, { type: 'go-to', articleId: putinXi.id, id: 42 })).toBeUndefined();
  });

  it('leaves its performance entries only under the debug switch, a look at a change marked with the text it read', async () => {
    buildArticlePage(putinXi);
    const world = await extensionWorld([putinXi], { debug: true });
    await world.injectDetector();
    await vi.waitFor(() => expect(isnadEntries().some((entry) => entry.name === 'isnad:scan')).toBe(true));
    expect(
      isnadEntries()
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(['isnad:annotate', 'isnad:ready', 'isnad:scan']);
    const news = document.createElement('p');
    news.textContent = ROUNDUP.join(' ').slice(0, 600);
    document.body.append(news);
    await vi.waitFor(() => expect(ofType(world, 'judge-added')).toHaveLength(1), { timeout: 8000 });
    const looks = performance.getEntriesByName('isnad:look') as PerformanceMark[];
    expect(looks.map((look): unknown => look.detail)).toEqual([news.textContent.length]);
  }, 20_000);

  it('runs once however often it is injected', async () => {
    buildArticlePage(putinXi);
    const world = await extensionWorld([putinXi]);
    await world.injectDetector();
    await vi.waitFor(() => expect(ofType(world, 'page-scanned')).toHaveLength(1));
    const listeners = world.content.runtime.onMessage.listeners.length;
    vi.resetModules();
    await world.injectDetector();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ofType(world, 'detect')).toHaveLength(1);
    expect(world.content.runtime.onMessage.listeners).toHaveLength(listeners);
  });
});
