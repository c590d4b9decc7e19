/**
 * Hostile pages, in both browsers: pages that look for the extension, tamper
 * with what it registers, hide its tooltip, clobber its globals, override
 * the built-ins it would use, forbid everything, are not HTML, or keep
 * changing without ever carrying the article. Each test asserts what the
 * reader and the page should see; where the browser's own isolation already
 * provides it, a control inside the test shows that the attack itself works.
 */
import type { Browser, Page } from 'puppeteer-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionWorker, launchChromium, launchFirefox } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { STALL, STALL_WINDOW_MS } from '../../testkit/stall';
import type { ServedPage } from '../../testkit/serve';
import { SENTENCES } from '../../bench/corpus';
import { benchPage } from '../../bench/pages';
import type { Annotation } from '../../src/article/schema';
import { indexArticle } from '../../src/engine/article-index';
import { precheck } from '../../src/engine/detect';
import { scanProbes } from '../../src/engine/probes';
import type { PageStatus } from '../../src/shared/messages';
import {
  builtManifest,
  chromeDir,
  describeWithBrowser,
  eventually,
  firefoxDir,
  listedHost,
  bundledArticle,
  bundledQuote,
  nestedInContents,
  servePages,
} from './support';
import { overWhite, paintedPixels, pixelsNear } from './pixels';
import { hiddenTooltip, hoverRange, pointAt, rangeInView, shownTooltip, tooltipText, type RangeBox } from './tooltip';

const article = bundledArticle;
const host = listedHost();
const textOf = (annotation: Annotation): string => annotation.target.exact;
const putinQuote = bundledQuote('putin');
const putinColor = article.speakers.find((speaker) => speaker.id === 'putin')?.color ?? '#0072B2';
/** Every highlight name the article paints under on its own page. */
const expectedNames = [
  ...new Set(article.annotations.map((a) => (a.kind === 'quote' ? `isnad-quote-${a.speaker}` : 'isnad-claim'))),
].sort();

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const withBody = (html: string, markup: string): string => html.replace('<body>', `<body>${markup}`);
const withHead = (html: string, markup: string): string => html.replace('</head>', `${markup}</head>`);

// ---------------------------------------------------------------- the pages

const articlePage = demoPage(article);
const otherPage = demoPage({ ...article, paragraphs: ['أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات.'] });

/** A paragraph the page writes itself, unrelated to the article. */
const OWN_TEXT = 'هذه فقرة كتبتها الصفحة بنفسها عن أحوال الطقس في المدينة ولا علاقة لها بالتقرير المنشور أعلاه.';
const ownParagraphPage = articlePage.replace('</article>', `<p id="own">${OWN_TEXT}</p></article>`);

/** Page CSS that would hide or move anything the extension puts in the page (the page's own layout has no div). */
const HOSTILE_CSS = `html > :not(body), [data-isnad-ui], div {
  display: none !important; position: static !important; opacity: 0 !important; z-index: -1 !important;
  transform: translateX(-9999px) !important; visibility: hidden !important; }`;

/** Elements whose ids and names shadow the globals a content script might read. */
const CLOBBER = '<div id="isnadContentScript"></div><div id="browser"></div><form id="chrome"><input name="runtime"></form>';

const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";
/** A script the policy must block: the control that the policy is in force. */
const cspPage = articlePage.replace('</body>', `<script>document.title = 'script ran';</script></body>`);

/**
 * Before anything else runs, the page replaces built-ins with spies. Armed
 * (the default), a spy records its call and throws; disarmed (while the test
 * itself reads the page), it passes the call on. Each spy comes with a
 * control: a call the page makes itself, which the spy must record.
 */
const SPIES = `(() => {
  const calls = Object.create(null);
  const controls = [];
  const state = { armed: true, calls, controls };
  Object.defineProperty(window, '__hostile', { value: state });
  const reflect = Reflect.apply, construct = Reflect.construct, define = Object.defineProperty;
  const hit = (name) => { calls[name] = (calls[name] || 0) + 1; return new Error('hostile page: ' + name); };
  const spyOn = (owner, key, name, control) => {
    const original = owner[key];
    const spy = function (...args) {
      if (!state.armed) return new.target ? construct(original, args, new.target === spy ? original : new.target) : reflect(original, this, args);
      throw hit(name);
    };
    define(owner, key, { value: spy, writable: true, configurable: true });
    controls[controls.length] = [name, control];
  };
  const range = () => document.createRange();
  spyOn(Range.prototype, 'toString', 'Range.prototype.toString', () => range().toString());
  spyOn(Range.prototype, 'getClientRects', 'Range.prototype.getClientRects', () => range().getClientRects());
  spyOn(Range.prototype, 'selectNodeContents', 'Range.prototype.selectNodeContents', () => range().selectNodeContents(document.body));
  spyOn(Range.prototype, 'getBoundingClientRect', 'Range.prototype.getBoundingClientRect', () => range().getBoundingClientRect());
  const registry = Object.getPrototypeOf(CSS.highlights);
  spyOn(registry, 'set', 'HighlightRegistry.prototype.set', () => CSS.highlights.set('page-own'));
  spyOn(registry, 'delete', 'HighlightRegistry.prototype.delete', () => CSS.highlights.delete('page-own'));
  spyOn(window, 'Highlight', 'Highlight', () => new Highlight());
  // Controls call only their own spy: armed, the first spy called throws.
  spyOn(Element.prototype, 'attachShadow', 'Element.prototype.attachShadow', () => document.body.attachShadow({ mode: 'open' }));
  spyOn(Node.prototype, 'appendChild', 'Node.prototype.appendChild', () => document.body.appendChild(document.body));
  spyOn(Element.prototype, 'append', 'Element.prototype.append', () => document.body.append(''));
  spyOn(Document.prototype, 'createElement', 'Document.prototype.createElement', () => document.createElement('div'));
  spyOn(Document.prototype, 'createTreeWalker', 'Document.prototype.createTreeWalker', () => document.createTreeWalker(document));
  spyOn(Array.prototype, 'push', 'Array.prototype.push', () => [].push(1));
  spyOn(Array.prototype, 'map', 'Array.prototype.map', () => [].map(String));
  spyOn(Map.prototype, 'get', 'Map.prototype.get', () => new Map().get(1));
  spyOn(Map.prototype, 'set', 'Map.prototype.set', () => new Map().set(1, 1));
  spyOn(JSON, 'parse', 'JSON.parse', () => JSON.parse('1'));
  spyOn(JSON, 'stringify', 'JSON.stringify', () => JSON.stringify(1));
  spyOn(Performance.prototype, 'mark', 'Performance.prototype.mark', () => Performance.prototype.mark.call(performance, 'page-own'));
  spyOn(performance, 'mark', 'performance.mark', () => performance.mark('page-own'));
  spyOn(Performance.prototype, 'measure', 'Performance.prototype.measure', () => performance.measure('page-own'));
  spyOn(window, 'requestAnimationFrame', 'requestAnimationFrame', () => requestAnimationFrame(() => undefined));
  spyOn(window, 'setTimeout', 'setTimeout', () => setTimeout(() => undefined, 0));
  spyOn(window, 'getComputedStyle', 'getComputedStyle', () => getComputedStyle(document.body));
  spyOn(window, 'MutationObserver', 'MutationObserver', () => new MutationObserver(() => undefined));
  spyOn(EventTarget.prototype, 'addEventListener', 'EventTarget.prototype.addEventListener', () => document.addEventListener('page-own', () => undefined));
  // Accessors on Object.prototype: any plain object read or written under these names, in this world, passes through them.
  for (const key of ['type', 'found', 'placed', 'articleId', 'debug', 'range', 'highlights']) {
    const name = 'Object.prototype.' + key;
    define(Object.prototype, key, {
      configurable: true,
      get() { if (state.armed) hit(name + ' (get)'); return undefined; },
      set(value) { if (state.armed) throw hit(name + ' (set)'); define(this, key, { value, writable: true, configurable: true, enumerable: true }); },
    });
    controls[controls.length] = [name + ' (get)', () => ({})[key]];
    controls[controls.length] = [name + ' (set)', () => { ({})[key] = 1; }];
  }
  state.runControls = () => {
    const names = [];
    for (let at = 0; at < controls.length; at += 1) {
      names[at] = controls[at][0];
      try { controls[at][1](); } catch {}
    }
    return names;
  };
})();`;
const prototypesPage = withHead(articlePage, `<script>${SPIES}</script>`);

/**
 * Three-word phrases of the article, as it writes them, that hold its probes: just enough of them
 * for a page to pass the pre-check, far from enough to be the article.
 */
const index = indexArticle(article);
const probeParagraph = (() => {
  const phrases: string[] = [];
  for (const paragraph of article.paragraphs) {
    const words = paragraph.split(/\s+/);
    for (let at = 0; at + 3 <= words.length; at += 1) {
      const phrase = words.slice(at, at + 3).join(' ');
      const before = scanProbes(index.probes, phrases.join('، ')).distinct;
      if (before >= index.probes.needed + 2) break;
      if (scanProbes(index.probes, [...phrases, phrase].join('، ')).distinct > before) phrases.push(phrase);
    }
  }
  return phrases.join('، ');
})();
/** Sentences of other news that hold none of the article's probes. */
const unrelated = SENTENCES.filter((sentence) => scanProbes(index.probes, sentence).distinct === 0);

/**
 * About 1 MB of Arabic news without the article, and a script that, once
 * started, changes it every 100 ms for 3 s (STALL): variant A replaces a
 * list of 250 unrelated items and appends a paragraph; variant B inserts,
 * then removes, a paragraph of the article's probe phrases.
 */
function stallPage(): string {
  const { html } = benchPage({ article, kind: 'other', targetBytes: 1_000_000, seed: 20260204 });
  const script = `const unrelated = ${JSON.stringify(unrelated)};
    const probes = ${JSON.stringify(probeParagraph)};
    window.startChurn = (variant) => {
      const main = document.querySelector('main');
      const list = document.createElement('ul'); main.append(list);
      const feed = document.createElement('section'); main.append(feed);
      const inserted = document.createElement('p'); inserted.textContent = probes;
      let tick = 0;
      const timer = setInterval(() => {
        tick += 1;
        if (variant === 'A') {
          const items = [];
          for (let item = 0; item < 250; item += 1) {
            const li = document.createElement('li');
            li.textContent = unrelated[(tick * 250 + item) % unrelated.length];
            items.push(li);
          }
          list.replaceChildren(...items);
          const p = document.createElement('p'); p.textContent = unrelated[tick % unrelated.length]; feed.append(p);
        } else if (inserted.isConnected) inserted.remove();
        else main.prepend(inserted);
        if (tick === ${STALL.changesForMs / STALL.changeEveryMs}) clearInterval(timer);
      }, ${STALL.changeEveryMs});
    };`;
  return html.replace('</body>', `<script>${script}</script></body>`);
}

const xmlDocument = `<?xml version="1.0" encoding="utf-8"?>
<report xmlns="urn:example:report"><title>${article.title.ar}</title><p>${article.paragraphs[0] ?? ''}</p></report>`;
const svgDocument = `<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><text x="20" y="50">${article.title.ar}</text><text x="20" y="100">${(article.paragraphs[0] ?? '').slice(0, 60)}</text></svg>`;
const framesetPage = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>إطارات</title></head>
<frameset cols="50%,50%"><frame src="/news/article"><frame src="/news/other"></frameset></html>`;

const pages = new Map<string, ServedPage>([
  ['/news/article', { html: articlePage }],
  ['/news/other', { html: otherPage }],
  ['/news/own-paragraph', { html: ownParagraphPage }],
  ['/news/hostile-css', { html: withHead(articlePage, `<style>${HOSTILE_CSS}</style>`) }],
  ['/news/clobber', { html: withBody(articlePage, CLOBBER) }],
  ['/news/deep', { html: nestedInContents(articlePage, 8000) }],
  ['/news/csp', { html: cspPage, headers: { 'content-security-policy': STRICT_CSP } }],
  ['/news/prototypes', { html: prototypesPage }],
  ['/news/stall', { html: stallPage() }],
  ['/news/report.xml', { html: xmlDocument, headers: { 'content-type': 'application/xml; charset=utf-8' } }],
  ['/news/chart.svg', { html: svgDocument, headers: { 'content-type': 'image/svg+xml; charset=utf-8' } }],
  ['/news/frames', { html: framesetPage }],
]);

const served = servePages(pages);
/** A page on the listed host (where the content script runs) or on 127.0.0.1 (where it does not). */
const url = (path: string, onHost = host): string => served.url(path, onHost);

// ---------------------------------------------------------------- the drivers

interface Driver {
  readonly browser: Browser;
  /** The tab the tests drive. */
  page(): Promise<Page>;
  /** Sets storage.local `debug`; it applies to pages loaded after. */
  setDebug(on: boolean): Promise<void>;
  /** The content script's answer to page-status in the tab, or undefined where none answers. */
  pageStatus(page: Page): Promise<PageStatus | undefined>;
  /** Errors the browser collected from the extension, with the page they came from, where the browser offers them. */
  readonly extensionErrors?: () => Promise<{ message: string; url: string }[]>;
}

// ---------------------------------------------------------------- what the page sees

const registeredHighlights = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(() =>
    Object.fromEntries([...CSS.highlights].map(([name, highlight]) => [name, [...highlight].map((range) => (range as Range).toString())])),
  );

const isnadNames = async (page: Page): Promise<string[]> =>
  Object.keys(await registeredHighlights(page))
    .filter((name) => name.startsWith('isnad-'))
    .sort();

const isnadEntries = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntries()
      .filter((entry) => entry.name.startsWith('isnad'))
      .map((entry) => `${entry.entryType} ${entry.name}`),
  );

/** Whether a tooltip shows at any time within `ms`. */
async function tooltipWithin(page: Page, ms: number): Promise<string | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const text = await tooltipText(page);
    if (text !== undefined) return text;
    await sleep(100);
  }
  return undefined;
}

/** Brings the tab to the front, then hovers `text`'s first occurrence on the page (hoverRange). */
async function hoverText(page: Page, text: string): Promise<RangeBox> {
  await page.bringToFront();
  return hoverRange(page, { text });
}

/** Pixels that differ between two screenshots of the same size. */
function changedPixels(first: Uint8Array, second: Uint8Array): number {
  const [a, b] = [first, second].map((shot) => PNG.sync.read(Buffer.from(shot)).data);
  if (a === undefined || b === undefined || a.length !== b.length) throw new Error('screenshots of different sizes');
  let count = 0;
  for (let offset = 0; offset < a.length; offset += 4) {
    if ([0, 1, 2].some((channel) => Math.abs((a[offset + channel] ?? 0) - (b[offset + channel] ?? 0)) > 24)) count += 1;
  }
  return count;
}

/** The highlight styles the page would get for a claim and for a Putin quote, on its first paragraph. */
const highlightStyles = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const paragraph = document.querySelector('article p') ?? document.body;
    return ['isnad-claim', 'isnad-quote-putin'].flatMap((name) => {
      const style = getComputedStyle(paragraph, `::highlight(${name})`);
      return [`${name} background ${style.backgroundColor}`, `${name} decoration ${style.textDecorationLine}`];
    });
  });

// ---------------------------------------------------------------- the suite

function hostileSuite(open: () => Promise<Driver>): void {
  let driver: Driver;
  let page: Page;
  /** Errors the tab reported (uncaught, and console errors other than the favicon's 404). */
  const pageErrors: string[] = [];
  beforeAll(async () => {
    driver = await open();
    page = await driver.page();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' || /favicon/.test(message.location().url ?? '') || /Failed to load resource/.test(message.text()))
        return;
      pageErrors.push(`console: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await driver.browser.close();
  });

  /** Loads a listed page and waits for the content script to answer there. */
  const loaded = async (path: string): Promise<PageStatus> => {
    await page.goto(url(path));
    return eventually(() => driver.pageStatus(page), `the content script on ${path}`);
  };
  /** Loads a listed page and waits for the article's highlights. */
  const painted = async (path: string): Promise<string[]> => {
    await page.goto(url(path));
    return eventually(async () => {
      const names = await isnadNames(page);
      return names.length >= expectedNames.length ? names : undefined;
    }, `highlights on ${path}`);
  };

  it('with the debug switch off (the default): answers page-status, leaves no performance entry, keeps its shadow root closed', async () => {
    await driver.setDebug(false);
    await painted('/news/article');
    const status = await eventually(() => driver.pageStatus(page), 'page-status');
    expect(status.found.map(({ articleId }) => articleId)).toEqual([article.id]);
    expect(status.found[0]?.placed).toHaveLength(article.annotations.length);
    await hoverText(page, textOf(putinQuote));
    const host = await eventually(
      () => page.evaluate(() => (document.querySelector('[data-isnad-ui]') === null ? undefined : true)),
      'the tooltip host',
    );
    expect(host).toBe(true);
    // Soft: each of these is a contract of its own, and all are reported.
    expect
      .soft(await page.evaluate(() => document.querySelector('[data-isnad-ui]')?.shadowRoot === null), 'the shadow root is closed')
      .toBe(true);
    expect.soft(await isnadEntries(page)).toEqual([]);
    // page-status on a listed page without the article, and no answer where the content script does not run.
    expect((await loaded('/news/other')).found).toEqual([]);
    await page.goto(url('/news/article', '127.0.0.1'));
    expect(await driver.pageStatus(page)).toBeUndefined();
  });

  it('with the debug switch on: marks isnad:ready once, isnad:scan per scan, measures isnad:annotate, and opens its shadow root', async () => {
    await driver.setDebug(true);
    await painted('/news/article');
    const entries = await eventually(async () => {
      const found = await isnadEntries(page);
      return found.includes('measure isnad:annotate') ? found : undefined;
    }, 'the isnad:annotate measure').catch(async () => isnadEntries(page));
    expect.soft(entries.filter((entry) => entry === 'mark isnad:ready')).toHaveLength(1);
    expect.soft(entries).toContain('mark isnad:scan');
    expect.soft(entries).toContain('measure isnad:annotate');
    await hoverText(page, textOf(putinQuote));
    expect(await shownTooltip(page)).toContain('Vladimir Putin');
  });

  it('leaves nothing observable on a listed page without the article: no entry, no node, no highlight, no highlight style', async () => {
    await driver.setDebug(false);
    // The same page where the content script does not run: what the page sees without the extension.
    await page.goto(url('/news/other', '127.0.0.1'));
    const bare = { elements: await page.evaluate(() => document.getElementsByTagName('*').length), styles: await highlightStyles(page) };
    expect(bare.styles).toContain('isnad-claim background rgba(0, 0, 0, 0)');

    expect((await loaded('/news/other')).found).toEqual([]);
    await hoverText(page, 'أعلنت وزارة الصحة');
    await sleep(500);
    expect.soft(await isnadEntries(page), 'performance entries').toEqual([]);
    expect.soft(await page.evaluate(() => document.getElementsByTagName('*').length), 'elements').toBe(bare.elements);
    expect.soft(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad'))), 'highlights').toEqual([]);
    expect.soft(await highlightStyles(page), 'highlight styles').toEqual(bare.styles);

    // Control: where the article is found, the same probe sees the extension's highlight style.
    await painted('/news/article');
    expect(
      await eventually(async () => {
        const styles = await highlightStyles(page);
        return styles.includes('isnad-claim background rgba(0, 0, 0, 0)') ? undefined : styles;
      }, 'the highlight style on the article'),
    ).not.toEqual(bare.styles);
  });

  const tampered = async (attack: 'move' | 'replace' | 'refill'): Promise<void> => {
    await driver.setDebug(true);
    await painted('/news/own-paragraph');
    const quote = await page.evaluate(() => ([...(CSS.highlights.get('isnad-quote-putin') ?? [])][0] as Range | undefined)?.toString());
    expect(quote).toBeDefined();
    await page.evaluate((attack) => {
      const own = document.getElementById('own');
      const highlight = CSS.highlights.get('isnad-quote-putin');
      if (own === null || highlight === undefined) throw new Error('nothing to tamper with');
      const pageRange = document.createRange();
      pageRange.selectNodeContents(own);
      if (attack === 'move') ([...highlight][0] as Range | undefined)?.selectNodeContents(own);
      else if (attack === 'replace') CSS.highlights.set('isnad-quote-putin', new Highlight(pageRange));
      else {
        highlight.clear();
        highlight.add(pageRange);
      }
    }, attack);
    // Control: the registry now paints the page's own paragraph as a Putin quote.
    expect((await registeredHighlights(page))['isnad-quote-putin']).toContain(OWN_TEXT);
    await hoverText(page, OWN_TEXT.slice(0, 20));
    expect.soft(await tooltipWithin(page, 800), "a tooltip over the page's own paragraph").toBeUndefined();
    await hoverText(page, quote ?? '');
    expect(await shownTooltip(page, "the real quote's tooltip")).toContain('Vladimir Putin');
  };

  it("explains nothing over the page's own paragraph when the page moves a registered range there (Range.selectNodeContents)", () =>
    tampered('move'));
  it("explains nothing over the page's own paragraph when the page replaces the registered highlight (CSS.highlights.set)", () =>
    tampered('replace'));
  it("explains nothing over the page's own paragraph when the page empties and refills the registered highlight (clear, add)", () =>
    tampered('refill'));

  it('shows its tooltip over page CSS that hides, moves and buries everything with !important', async () => {
    await driver.setDebug(true);
    await painted('/news/hostile-css');
    await hoverText(page, textOf(putinQuote));
    await shownTooltip(page);
    const host = await page.evaluate(() => {
      const element = document.querySelector('[data-isnad-ui]');
      if (element === null) return undefined;
      const style = getComputedStyle(element);
      return {
        position: style.position,
        display: style.display,
        opacity: style.opacity,
        visibility: style.visibility,
        zIndex: style.zIndex,
        transform: style.transform,
      };
    });
    expect(host).toBeDefined();
    expect.soft(host?.position).toBe('fixed');
    expect.soft(host?.display).not.toBe('none');
    expect.soft(host?.opacity).toBe('1');
    expect.soft(host?.visibility).toBe('visible');
    expect.soft(host?.zIndex).toBe('2147483647');
    expect.soft(host?.transform).toBe('none');
    // The reader sees it: the tooltip's edge, in the speaker's colour, is on screen where the tooltip says it is. Asked
    // again (hovered again if it hid) until it is: on a busy machine the hover's scroll may end after the tooltip showed.
    const { edge, shown } = await eventually(async () => {
      if ((await tooltipText(page)) === undefined) await hoverText(page, textOf(putinQuote));
      const box = await page.evaluate(() => {
        const rect = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector('[role=tooltip]')?.getBoundingClientRect();
        return rect === undefined
          ? { x: 0, y: 0, width: 0, height: 0 }
          : { x: rect.left + scrollX, y: rect.top + scrollY + 10, width: 5, height: Math.max(0, rect.height - 20) };
      });
      const count = await pixelsNear(page, box, putinColor);
      return count > box.width * box.height * 0.6 ? { edge: box, shown: count } : undefined;
    }, "the tooltip's edge in Putin's colour");
    // Control: the same pixels without the tooltip are not its edge.
    await page.keyboard.press('Escape');
    await hiddenTooltip(page);
    expect(await pixelsNear(page, edge, putinColor)).toBeLessThan(shown / 4);

    // With the debug switch off, the host still shows, and the page finds no shadow root on it.
    await driver.setDebug(false);
    await painted('/news/hostile-css');
    await hoverText(page, textOf(putinQuote));
    const closed = await eventually(
      () =>
        page.evaluate(() => {
          const element =
            document.querySelector('[data-isnad-ui]') ??
            [...document.documentElement.children].find((child) => child !== document.head && child !== document.body);
          if (element === undefined) return undefined;
          return { shadowRoot: element.shadowRoot === null ? 'none' : 'open', position: getComputedStyle(element).position };
        }),
      'the tooltip host',
    );
    expect(closed).toEqual({ shadowRoot: 'none', position: 'fixed' });
    // Without the shadow root the tooltip's box cannot be asked: the viewport with it and after Escape differ by at least a box of text.
    await sleep(300);
    const withTooltip = await page.screenshot({ type: 'png' });
    await page.keyboard.press('Escape');
    await sleep(300);
    expect(changedPixels(withTooltip, await page.screenshot({ type: 'png' }))).toBeGreaterThan(200 * 50);
    // Control: the host has a shadow root, closed: the page cannot attach one of its own.
    expect(
      await page.evaluate(() => {
        const element =
          document.querySelector('[data-isnad-ui]') ??
          [...document.documentElement.children].find((child) => child !== document.head && child !== document.body);
        try {
          element?.attachShadow({ mode: 'open' });
          return 'attached';
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
  });

  it('paints the article on a page whose elements clobber isnadContentScript, browser and chrome.runtime', async () => {
    await driver.setDebug(false);
    expect(await painted('/news/clobber')).toEqual(expectedNames);
    // Control: in the page, those names are the page's elements.
    expect(
      await page.evaluate(() => {
        const scope = window as unknown as Record<string, unknown>;
        return [
          scope.isnadContentScript instanceof HTMLDivElement,
          (document.getElementById('chrome') as HTMLFormElement & { runtime?: unknown }).runtime instanceof HTMLInputElement,
        ];
      }),
    ).toEqual([true, true]);
  });

  /** Loads a document that is not an HTML page on the listed host and checks that the extension left it alone, without an error. */
  const leftAlone = async (path: string, serialize: () => string): Promise<void> => {
    await driver.setDebug(false);
    await page.goto(url(path, '127.0.0.1'));
    const bare = await page.evaluate(serialize);
    pageErrors.length = 0;
    await page.goto(url(path));
    await page.waitForFunction(() => document.readyState === 'complete', { polling: 100 });
    // The content script runs at document_idle; give it time to start, fail and report.
    await sleep(1500);
    await page.mouse.move(100, 60);
    await sleep(300);
    expect.soft(pageErrors, 'errors the page reported').toEqual([]);
    if (driver.extensionErrors !== undefined) {
      const errors = (await driver.extensionErrors()).filter((error) => error.url.includes(path));
      expect.soft(errors, "the extension's runtime errors").toEqual([]);
    }
    expect(await page.evaluate(serialize)).toBe(bare);
    expect(await page.evaluate(() => (typeof CSS === 'undefined' ? [] : [...CSS.highlights.keys()]))).toEqual([]);
  };

  it('leaves an XML document alone, without an error', async () => {
    await leftAlone('/news/report.xml', () => new XMLSerializer().serializeToString(document));
    expect(await page.evaluate(() => document.contentType)).toBe('application/xml');
  });

  it('leaves an SVG document alone, without an error', async () => {
    await leftAlone('/news/chart.svg', () => new XMLSerializer().serializeToString(document));
    expect(await page.evaluate(() => document.contentType)).toBe('image/svg+xml');
  });

  it('leaves a frameset page alone, without an error', async () => {
    await leftAlone('/news/frames', () => document.documentElement.outerHTML);
    // Control: it is a frameset document, its frames loaded.
    expect(await page.evaluate(() => [document.body.tagName, window.frames.length])).toEqual(['FRAMESET', 2]);
  });

  it('paints the article inside 8,000 nested display:contents elements', async () => {
    await driver.setDebug(false);
    const names = await painted('/news/deep');
    expect(names).toEqual(expectedNames);
    expect(Object.values(await registeredHighlights(page)).flat()).toHaveLength(article.annotations.length);
    // Control: the article really is 8,000 elements deeper than the body.
    expect(
      await page.evaluate(() => {
        let depth = 0;
        for (let node = document.querySelector('article')?.parentElement; node && node !== document.body; node = node.parentElement)
          depth += 1;
        return depth;
      }),
    ).toBeGreaterThanOrEqual(8000);
  });

  it('paints and explains the article under a Content-Security-Policy that forbids every script and style', async () => {
    await driver.setDebug(true);
    const names = await painted('/news/csp');
    expect(names).toEqual(expectedNames);
    const { clip } = await hoverText(page, textOf(putinQuote));
    expect(await paintedPixels(page, clip, overWhite(putinColor, 0.22), "the quote painted in Putin's colour")).toBeGreaterThan(
      (clip.width * clip.height) / 4,
    );
    expect(await shownTooltip(page)).toContain('Vladimir Putin');
    // Controls: the policy is in force: the page's own style and script were blocked.
    expect(
      await page.evaluate(() => [
        document.title === 'script ran',
        getComputedStyle(document.querySelector('header') ?? document.body).backgroundColor,
      ]),
    ).toEqual([false, 'rgba(0, 0, 0, 0)']);
  });

  it('paints and explains the article where the page overrode built-ins and prototypes, and calls none of them', async () => {
    await driver.setDebug(true);
    const armed = (on: boolean): Promise<void> =>
      page.evaluate((on) => {
        (window as unknown as { __hostile: { armed: boolean } }).__hostile.armed = on;
      }, on);
    const calls = (): Promise<Record<string, number>> =>
      page.evaluate(() => ({ ...(window as unknown as { __hostile: { calls: Record<string, number> } }).__hostile.calls }));
    /** Reads the page with the spies passing calls on, so that the test's own reads are not counted. */
    const quietly = async <T>(read: () => Promise<T>): Promise<T> => {
      await armed(false);
      try {
        return await read();
      } finally {
        await armed(true);
      }
    };

    await page.goto(url('/news/prototypes'));
    const names = await eventually(async () => {
      const found = await quietly(() => isnadNames(page));
      return found.length >= expectedNames.length ? found : undefined;
    }, 'highlights on the page with overridden built-ins');
    expect(names).toEqual(expectedNames);
    const box = await eventually(() => quietly(() => rangeInView(page, { text: textOf(putinQuote) })), 'the quote in view');
    await pointAt(page, box);
    expect(await eventually(() => quietly(() => tooltipText(page)), 'the tooltip')).toContain('Vladimir Putin');
    expect(await calls(), 'calls the spies recorded from anyone but the page').toEqual({});
    // Control: each spy records the page's own call.
    const controls = await page.evaluate(() => (window as unknown as { __hostile: { runControls(): string[] } }).__hostile.runControls());
    expect(controls.length).toBeGreaterThan(30);
    expect(await calls()).toEqual(Object.fromEntries(controls.map((name) => [name, 1])));
  });

  /**
   * The stall: the 1 MB page without the article, changed every 100 ms for 3 s (STALL). Counts, with the debug
   * switch on, the isnad:scan marks made meanwhile, and the text the isnad:look marks say was read to judge the
   * changes: what they added, never the page again.
   */
  const stall = async (variant: 'A' | 'B'): Promise<void> => {
    await driver.setDebug(true);
    expect((await loaded('/news/stall')).found).toEqual([]);
    // The load's own scan, before the changes start.
    await eventually(
      async () => ((await page.evaluate(() => performance.getEntriesByName('isnad:scan').length)) > 0 ? true : undefined),
      'the scan of the page as loaded',
    );
    const start = await page.evaluate((variant) => {
      (window as unknown as { startChurn(variant: string): void }).startChurn(variant);
      return performance.now();
    }, variant);
    await sleep(STALL_WINDOW_MS);
    const { scans, looks, read, pageText } = await page.evaluate((start) => {
      const since = (name: string): PerformanceEntry[] => performance.getEntriesByName(name).filter((entry) => entry.startTime >= start);
      const looks = since('isnad:look') as PerformanceMark[];
      return {
        scans: since('isnad:scan').length,
        looks: looks.length,
        read: looks.reduce((sum, look) => sum + Number(look.detail), 0),
        pageText: document.body.textContent.length,
      };
    }, start);
    console.info(
      `stall ${variant}: isnad:scan marks ${scans} during the changes; ${looks} looks read ${read} characters of a page of ${pageText}`,
    );
    // Backing off (1 s, 2 s, 4 s …) leaves at most 3 in the window; without it, a scan at every look would make 9.
    expect(scans, 'scans during the changes').toBeLessThanOrEqual(STALL.maxScans);
    // The changes were looked at, and judged by what they added: a look that read the page would read it all.
    expect(looks, 'looks at the changes').toBeGreaterThanOrEqual(STALL.minLooks);
    expect(read, 'characters read by the looks').toBeLessThan(pageText * STALL.maxReadShare);
  };

  it('costs little on a 1 MB page without the article that keeps changing unrelated text (variant A)', () => stall('A'));
  it("backs off on a 1 MB page without the article that keeps inserting a paragraph of the article's probe phrases (variant B)", () =>
    stall('B'));
}

// Controls of the pages themselves, which need no browser: the probe paragraph passes the pre-check and is far from the article.
it('builds a probe paragraph that passes the pre-check yet holds a fraction of the article, and unrelated text without probes', () => {
  // The pre-check also asks for a text as long as half the article, which the 1 MB page around the paragraph is.
  expect(precheck(index, probeParagraph).hits.distinct).toBeGreaterThanOrEqual(index.probes.needed);
  expect(precheck(index, `${probeParagraph}\n${'ن'.repeat(2 * index.totalWeight)}`).passed).toBe(true);
  expect(probeParagraph.length).toBeLessThan(article.paragraphs.join('\n').length / 4);
  expect(unrelated.length).toBeGreaterThan(20);
});

describeWithBrowser('Hostile pages: Chromium', 'chromium', () => {
  hostileSuite(async (): Promise<Driver> => {
    const browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host] });
    const worker = () => extensionWorker(browser);
    // chrome://extensions collects the extension's runtime errors (content scripts included) in developer mode.
    const extensionsPage = await browser.newPage();
    await extensionsPage.goto('chrome://extensions');
    await extensionsPage.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { developerPrivate: { updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void> } };
        }
      ).chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
    });
    const tab = await browser.newPage();
    return {
      browser,
      page: () => Promise.resolve(tab),
      setDebug: async (on) => {
        await (await worker()).evaluate(`globalThis.chrome.storage.local.set({ debug: ${String(on)} })`);
      },
      pageStatus: async (page) => {
        await page.bringToFront();
        const status = await (
          await worker()
        ).evaluate(`(async () => {
          const [tab] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
          try { return (await globalThis.chrome.tabs.sendMessage(tab.id, { type: 'page-status' })) ?? null; } catch { return null; }
        })()`);
        return (status ?? undefined) as PageStatus | undefined;
      },
      extensionErrors: () =>
        extensionsPage.evaluate(async () => {
          type Info = { runtimeErrors: { message: string; contextUrl: string }[] };
          const api = (globalThis as unknown as { chrome: { developerPrivate: { getExtensionsInfo(): Promise<Info[]> } } }).chrome
            .developerPrivate;
          return (await api.getExtensionsInfo()).flatMap((info) =>
            info.runtimeErrors.map((error) => ({ message: error.message, url: error.contextUrl })),
          );
        }),
    };
  });
});

describeWithBrowser('Hostile pages: Firefox ESR', 'firefox', () => {
  hostileSuite(async (): Promise<Driver> => {
    const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
    const { browser, origin } = await launchFirefox({ extensionDir: firefoxDir, loopbackHosts: [host], geckoId });
    // An extension page in a second tab stores settings and speaks to the first tab as the background would.
    let extensionPage: Page | undefined;
    const inExtension = async <T>(code: string): Promise<T> => {
      if (extensionPage === undefined) {
        extensionPage = await browser.newPage();
        // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll instead of awaiting.
        void extensionPage.goto(`${origin}/popup/popup.html`).catch(() => undefined);
        const loading = extensionPage;
        await eventually(
          () => loading.evaluate(() => (location.protocol === 'moz-extension:' && 'browser' in globalThis ? true : undefined)),
          'the extension page',
        );
      }
      return extensionPage.evaluate(code) as Promise<T>;
    };
    const firstTab = `(await globalThis.browser.tabs.query({ currentWindow: true, index: 0 }))[0].id`;
    const [tab] = await browser.pages();
    if (tab === undefined) throw new Error('no tab');
    // The extension page opens first; the tested tab is then brought back to the front, where the pointer reaches it.
    await inExtension<boolean>('true');
    await tab.bringToFront();
    return {
      browser,
      page: () => Promise.resolve(tab),
      setDebug: async (on) => {
        await inExtension<unknown>(`(async () => { await globalThis.browser.storage.local.set({ debug: ${String(on)} }); })()`);
      },
      pageStatus: async () =>
        (await inExtension<PageStatus | null>(`(async () => {
          try { return (await globalThis.browser.tabs.sendMessage(${firstTab}, { type: 'page-status' })) ?? null; } catch { return null; }
        })()`)) ?? undefined,
    };
  });
});
