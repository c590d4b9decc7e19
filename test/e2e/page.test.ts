/**
 * What a reader sees on the news page, in both browsers: the quotes painted
 * by speaker, tooltips on hover, keyboard navigation, the badge, pages that
 * change or forbid everything, and not one network request.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionWorker, launchChromium, launchFirefox } from '../../testkit/browsers';
import { demoPage, escapeHtml } from '../../testkit/demo-page';
import { projectRoot } from '../../scripts/paths';
import type { Annotation } from '../../src/article/schema';
import { normalize } from '../../src/engine/normalize';
import { insertArticle, realPages, realPagesDir, realPagesPresent, stripPage } from '../support/real-pages';
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
import { hiddenTooltip, hoverRange, rangeInView, shownTooltip, tooltipText, type RangeBox } from './tooltip';

const article = bundledArticle;
const host = listedHost();
const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote');
const artifacts = join(projectRoot, 'artifacts');

/** A page whose own script brings the article 1.5 s after load, as single-page sites do. */
function lateArticlePage(): string {
  const page = demoPage(article);
  const body = /<article>[\s\S]*<\/article>/.exec(page)?.[0] ?? '';
  return page
    .replace(body, '<article id="slot"></article>')
    .replace(
      '</body>',
      `<script>setTimeout(() => { document.getElementById('slot').outerHTML = ${JSON.stringify(body)}; }, 1500);</script></body>`,
    );
}

/** A real news page (BBC) with the article in its story, stripped of what would fetch or run. */
function realPageWithArticle(): string {
  const [bbc] = realPages;
  // A console of its own keeps jsdom's complaints about the page's CSS (which it skips, as browsers do) out of the test log.
  const { window } = new JSDOM(readFileSync(join(realPagesDir, bbc.file), 'utf8'), { virtualConsole: new VirtualConsole() });
  stripPage(window.document);
  insertArticle(window.document, article, bbc.story);
  return `<!doctype html>${window.document.documentElement.outerHTML}`;
}

/** The article as a site's templates print it: line breaks and indentation inside each paragraph's text, tatweel in its words. */
function prettyPrintedPage(): string {
  let page = demoPage(article);
  for (const paragraph of article.paragraphs) {
    const pretty = paragraph
      .replace(/(ل)(ا|م)/g, '$1\u0640$2')
      .split(' ')
      .map((word, at) => (at % 7 === 6 ? `\n          ${word}` : word))
      .join(' ');
    page = page.replace(`<p>${escapeHtml(paragraph)}</p>`, `<p>\n        ${escapeHtml(pretty)}\n      </p>`);
  }
  return page;
}

/** The article with the trade figure changed: the badge says the page changed something. */
const changedPage = demoPage({
  ...article,
  paragraphs: article.paragraphs.map((paragraph) => paragraph.replace('200 مليار', '300 مليار')),
});

const otherPage = demoPage({ ...article, paragraphs: ['أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات.'] });

const pages = new Map([
  ['/news/article', { html: demoPage(article) }],
  ['/news/late', { html: lateArticlePage() }],
  ['/news/other', { html: otherPage }],
  ['/news/deep', { html: nestedInContents(demoPage(article), 8000) }],
  ['/news/changed', { html: changedPage }],
  ['/news/pretty', { html: prettyPrintedPage() }],
  ['/news/csp', { html: demoPage(article), headers: { 'content-security-policy': "default-src 'none'" } }],
  ...(realPagesPresent ? [['/news/real', { html: realPageWithArticle() }] as const] : []),
]);
const ci = process.env.CI === 'true';
if (!realPagesPresent && !ci) console.warn(`The real-page browser test is skipped: ${realPagesDir} is absent`);

const served = servePages(pages);
const url = (path: string, onHost = host): string => served.url(path, onHost);

/** What the tests need from a browser beyond the page: its badge and the extension's commands. */
interface Driver {
  readonly browser: Browser;
  page(): Promise<Page>;
  badge(page: Page): Promise<string>;
  /** Sends the message the next-annotation shortcut sends to the tab. */
  next(page: Page): Promise<void>;
  /** Whether the annotator's script ran in the tab's content-script world (it leaves its factory there), asked from the extension. */
  annotatorLoaded(page: Page): Promise<boolean>;
  /**
   * Injects the content script into the tab again, as "scan this page" does; undefined where the
   * test cannot (Chromium grants that only with activeTab, from a real click on the toolbar button).
   */
  readonly inject?: (page: Page) => Promise<void>;
}

/** Highlights as the page sees them: name → texts of its ranges. */
const registeredHighlights = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights].map(([name, highlight]) => [
        name,
        [...highlight].map((range) => (range instanceof Range ? range.toString() : '')),
      ]),
    ),
  );

/** The range of highlight `name` holding `text`, scrolled into view; throws where there is none. */
async function highlightBox(page: Page, name: string, text: string): Promise<RangeBox> {
  const box = await rangeInView(page, { name, text });
  if (box === undefined) throw new Error(`no range "${text}" in ${name}`);
  return box;
}

const paragraphBoxes = (page: Page): Promise<number[][]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('p')].map((p) => {
      const box = p.getBoundingClientRect();
      return [box.x, box.y, box.width, box.height];
    }),
  );

const textOf = (annotation: Annotation): string => annotation.target.exact;

function pageSuite(open: () => Promise<Driver>, { canInject, name }: { readonly canInject: boolean; readonly name: string }): void {
  let driver: Driver;
  let page: Page;
  /** Every request the browser reported for the tab: pages, and anything the extension would fetch in it. */
  const requested: string[] = [];
  beforeAll(async () => {
    driver = await open();
    page = await driver.page();
    page.on('request', (request) => requested.push(request.url()));
    await page.setViewport({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await driver.browser.close();
  });

  const painted = async (path: string): Promise<Record<string, string[]>> => {
    await page.goto(url(path));
    return eventually(async () => {
      const highlights = await registeredHighlights(page);
      return Object.keys(highlights).length > 0 ? highlights : undefined;
    }, `highlights on ${path}`);
  };

  it("registers the 12 quotes under their speakers' names and the claims under isnad-claim", async () => {
    const highlights = await painted('/news/article');
    const expected: Record<string, string[]> = {};
    for (const quote of quotes) (expected[`isnad-quote-${quote.speaker}`] ??= []).push(textOf(quote));
    for (const [name, texts] of Object.entries(expected)) expect(highlights[name]?.sort(), name).toEqual(texts.sort());
    expect(Object.values(expected).flat()).toHaveLength(12);
    expect(highlights['isnad-claim']?.sort()).toEqual(
      article.annotations
        .filter((annotation) => annotation.kind === 'claim')
        .map(textOf)
        .sort(),
    );
  });

  it("paints a quote in its speaker's colour, and nothing where it does not run", async () => {
    const putin = article.speakers.find((speaker) => speaker.id === 'putin');
    const quote = bundledQuote('putin');
    if (putin === undefined) throw new Error('no Putin');
    await painted('/news/article');
    const { clip } = await highlightBox(page, 'isnad-quote-putin', textOf(quote));
    const tint = overWhite(putin.color, 0.22);
    expect(await paintedPixels(page, clip, tint, 'the quote painted in its colour')).toBeGreaterThan((clip.width * clip.height) / 4);
    // The same page where the content script does not run: the same box has none of that colour.
    await page.goto(url('/news/article', '127.0.0.1'));
    expect(await pixelsNear(page, clip, tint)).toBe(0);
  });

  it('does not change the layout: every paragraph box is the same with and without the extension', async () => {
    await page.goto(url('/news/article', '127.0.0.1'));
    const without = await paragraphBoxes(page);
    await painted('/news/article');
    expect(await paragraphBoxes(page)).toEqual(without);
  });

  it('explains a Putin quote and the trade-volume claim on hover, and hides on Escape', async () => {
    await painted('/news/article');
    const quote = bundledQuote('putin');
    const claim = article.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
    if (claim?.kind !== 'claim') throw new Error('annotations missing');
    await hoverRange(page, { name: 'isnad-quote-putin', text: textOf(quote) });
    const shown = await shownTooltip(page, 'the quote tooltip');
    // Beside the hovered line from its first showing: below it, or above it, never over it or far off.
    const placement = await page.evaluate(() => {
      const tip = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
      return tip?.getBoundingClientRect().toJSON() as { top: number; bottom: number } | undefined;
    });
    const line = await highlightBox(page, 'isnad-quote-putin', textOf(quote));
    const gap = placement === undefined ? Infinity : Math.max(placement.top - (line.y + line.height), line.y - placement.bottom);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(16);
    expect(shown).toContain('Vladimir Putin');
    expect(shown).toContain(quote.translation.en);
    await page.keyboard.press('Escape');
    await hiddenTooltip(page);

    await hoverRange(page, { name: 'isnad-claim', text: textOf(claim) });
    const explained = await shownTooltip(page, 'the claim tooltip');
    expect(explained).toContain(claim.context.en);
  });

  it('on a 360 px touch screen, a tap on a quote explains it within the screen, and a tap elsewhere hides it', async () => {
    await page.setViewport({ width: 360, height: 740, hasTouch: true, isMobile: true });
    try {
      await painted('/news/article');
      const quote = quotes.find((candidate) => candidate.speaker === 'xi');
      if (quote === undefined) throw new Error('no Xi quote');
      const box = await highlightBox(page, `isnad-quote-${quote.speaker}`, textOf(quote));
      await page.touchscreen.tap(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
      const shown = await shownTooltip(page, 'the tooltip after a tap');
      expect(shown).toContain('Xi Jinping');
      const bounds = await page.evaluate(() => {
        const tip = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
        const rect = tip?.getBoundingClientRect();
        return rect === undefined ? undefined : { left: rect.left, right: rect.right, width: innerWidth };
      });
      expect(bounds?.left).toBeGreaterThanOrEqual(0);
      expect(bounds?.right).toBeLessThanOrEqual(bounds?.width ?? 0);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `touch-tooltip-${name}.png`) });
      // A tap in the gap under the quote's paragraph, where nothing is painted (no scrolling, which hides it anyway).
      const gap = await page.evaluate((exact) => {
        const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes(exact));
        const rect = paragraph?.getBoundingClientRect();
        return rect === undefined ? undefined : { x: rect.left + rect.width / 2, y: rect.bottom + 4, scrollY };
      }, textOf(quote));
      if (gap === undefined) throw new Error('no paragraph');
      await page.touchscreen.tap(gap.x, gap.y);
      expect(await page.evaluate(() => scrollY)).toBe(gap.scrollY);
      await hiddenTooltip(page, 'the tooltip to hide after a tap elsewhere');
    } finally {
      await page.setViewport({ width: 1200, height: 900 });
    }
  });

  it('moves to the first annotation with the next-annotation command: selected, explained, announced', async () => {
    await painted('/news/article');
    await driver.next(page);
    const first = article.annotations.find((annotation) => annotation.id === 'quote-xi-grand-plan');
    if (first === undefined) throw new Error('no first quote');
    expect(await eventually(async () => (await page.evaluate(() => getSelection()?.toString())) || undefined, 'a selection')).toBe(
      textOf(first),
    );
    expect(await tooltipText(page)).toContain('Xi Jinping');
    const announced = await eventually(
      () =>
        page.evaluate(
          () => document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector('[aria-live=polite]')?.textContent || undefined,
        ),
      'the announcement',
    );
    expect(announced).toContain('Xi Jinping');
  });

  it('shows the number of annotations placed on the toolbar badge, cleared on a page without the article', async () => {
    await painted('/news/article');
    expect(await eventually(async () => (await driver.badge(page)) || undefined, 'the badge')).toBe(String(article.annotations.length));
    await page.goto(url('/news/other'));
    expect(await eventually(async () => ((await driver.badge(page)) === '' ? true : undefined), 'the badge to clear')).toBe(true);
    // A page that changed the report's words is marked.
    await painted('/news/changed');
    expect(await eventually(async () => (await driver.badge(page)) || undefined, 'the badge')).toBe(`${article.annotations.length}!`);
  });

  // Only where a test can inject: Chromium allows it only after a real click on the toolbar button (activeTab).
  if (canInject) {
    it('never paints twice when the content script is injected again', async () => {
      const before = await painted('/news/article');
      await driver.inject?.(page);
      // Give a second copy time to run: it must have done nothing (a copy that ran would mark and measure again,
      // and answer the pointer with a tooltip of its own).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate(() => performance.getEntriesByName('isnad:ready').length)).toBe(1);
      expect(await registeredHighlights(page)).toEqual(before);
      const quote = quotes[0];
      if (quote === undefined) throw new Error('no quote');
      await hoverRange(page, { name: `isnad-quote-${quote.speaker}`, text: textOf(quote) });
      await shownTooltip(page);
      expect(await page.evaluate(() => document.querySelectorAll('[data-isnad-ui]').length)).toBe(1);
    });
  }

  it.skipIf(!realPagesPresent && !ci)('registers the 12 quotes on a real news page with the article inserted', async () => {
    const highlights = await painted('/news/real');
    const registered = Object.entries(highlights)
      .filter(([name]) => name.startsWith('isnad-quote-'))
      .flatMap(([name, texts]) => texts.map((text) => `${name}: ${text}`));
    expect(registered.sort()).toEqual(quotes.map((quote) => `isnad-quote-${quote.speaker}: ${textOf(quote)}`).sort());
  });

  it('paints an article that arrives 1.5 s after load', async () => {
    const highlights = await painted('/news/late');
    expect(Object.values(highlights).flat()).toHaveLength(article.annotations.length);
  });

  it('paints the article inside 8,000 nested display:contents elements', async () => {
    const highlights = await painted('/news/deep');
    expect(await page.evaluate(() => document.querySelectorAll('div[style]').length)).toBe(8000);
    expect(Object.values(highlights).flat()).toHaveLength(article.annotations.length);
  });

  it('anchors every quote and claim on a pretty-printed page spelled with tatweel', async () => {
    const highlights = await painted('/news/pretty');
    const norm = (text: string): string => normalize(text).text.trim();
    expect(Object.values(highlights).flat().map(norm).sort()).toEqual(
      article.annotations.map((annotation) => norm(annotation.target.exact)).sort(),
    );
  });

  it('paints nothing on a page without the article, and adds no annotator there: the detector alone ran', async () => {
    await page.goto(url('/news/other'));
    await eventually(
      async () => ((await page.evaluate(() => performance.getEntriesByName('isnad:ready').length)) > 0 ? true : undefined),
      'the content script',
    );
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad-')))).toEqual([]);
    expect(await driver.annotatorLoaded(page)).toBe(false);
    // Control: where the article is, the same question finds the annotator.
    await painted('/news/article');
    expect(await driver.annotatorLoaded(page)).toBe(true);
  });

  it("paints a page whose Content-Security-Policy is default-src 'none'", async () => {
    const highlights = await painted('/news/csp');
    expect(Object.values(highlights).flat()).toHaveLength(article.annotations.length);
    const quote = quotes[0];
    if (quote === undefined) throw new Error('no quote');
    const speaker = article.speakers.find((candidate) => candidate.id === quote.speaker);
    const { clip } = await highlightBox(page, `isnad-quote-${quote.speaker}`, textOf(quote));
    const tint = overWhite(speaker?.color ?? '#000000', 0.22);
    expect(await eventually(async () => ((await pixelsNear(page, clip, tint)) > 0 ? true : undefined), 'the quote painted')).toBe(true);
  });

  it('makes no network request of its own', () => {
    // What the browser saw leave the tab: the test pages on the test server, and what those pages themselves
    // reference (the real news page still names its own images in its CSS); nothing else.
    expect(requested.length).toBeGreaterThan(0);
    const markup = [...pages.values()].map((page) => page.html).join('\n');
    const unexplained = requested.filter((address) => {
      const { protocol, hostname, port, pathname } = new URL(address);
      if (protocol === 'data:' || protocol === 'about:' || protocol === 'blob:') return false;
      const ours = (hostname === host || hostname === '127.0.0.1') && port === String(served.server.port);
      if (ours) return ![...pages.keys(), '/favicon.ico'].includes(pathname);
      return !markup.includes(address) && !markup.includes(address.replace(/^https?:/, ''));
    });
    expect(unexplained).toEqual([]);
    // What reached the server: the same.
    for (const { url: path } of served.server.requests)
      expect([...pages.keys(), '/favicon.ico']).toContain(new URL(path, 'http://localhost').pathname);
  });
}

describeWithBrowser('In the page: Chromium', 'chromium', () => {
  pageSuite(
    async (): Promise<Driver> => {
      const browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], debugSwitch: true });
      const worker = () => extensionWorker(browser);
      return {
        browser,
        page: () => browser.newPage(),
        badge: async (page) => {
          await page.bringToFront();
          return (await worker()).evaluate(async () => {
            const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
            return chrome.action.getBadgeText(tab?.id === undefined ? {} : { tabId: tab.id });
          });
        },
        next: async (page) => {
          await page.bringToFront();
          await (
            await worker()
          ).evaluate(async () => {
            const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
            if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'navigate', direction: 'next' });
          });
        },
        annotatorLoaded: async (page) => {
          await page.bringToFront();
          return (await worker()).evaluate(async () => {
            const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
            if (tab?.id === undefined) throw new Error('no tab');
            const [result] = await chrome.scripting.executeScript({
              target: { tabId: tab.id },
              func: () => Symbol.for('isnad.annotator') in globalThis,
            });
            return result?.result === true;
          });
        },
      };
    },
    { canInject: false, name: 'chromium' },
  );
});

describeWithBrowser('In the page: Firefox ESR', 'firefox', () => {
  pageSuite(
    async (): Promise<Driver> => {
      const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
      const { browser, origin } = await launchFirefox({ extensionDir: firefoxDir, loopbackHosts: [host], geckoId, debugSwitch: true });
      // An extension page in a second tab speaks to the first tab as the background would.
      let extensionPage: Page | undefined;
      const inExtension = async <T>(code: string): Promise<T> => {
        if (extensionPage === undefined) {
          extensionPage = await browser.newPage();
          // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll instead of awaiting.
          void extensionPage.goto(`${origin}/popup/popup.html`).catch(() => undefined);
          const loaded = extensionPage;
          await eventually(
            () => loaded.evaluate(() => (location.protocol === 'moz-extension:' && 'browser' in globalThis ? true : undefined)),
            'the extension page',
          );
        }
        return extensionPage.evaluate(code) as Promise<T>;
      };
      const firstTab = `(await globalThis.browser.tabs.query({ currentWindow: true, index: 0 }))[0].id`;
      return {
        browser,
        page: async () => {
          const [page] = await browser.pages();
          if (page === undefined) throw new Error('no tab');
          return page;
        },
        badge: () => inExtension<string>(`(async () => globalThis.browser.action.getBadgeText({ tabId: ${firstTab} }))()`),
        next: () =>
          inExtension<undefined>(
            `(async () => { await globalThis.browser.tabs.sendMessage(${firstTab}, { type: 'navigate', direction: 'next' }); })()`,
          ),
        annotatorLoaded: () =>
          inExtension<boolean>(`(async () => {
          const [result] = await globalThis.browser.scripting.executeScript({ target: { tabId: ${firstTab} }, func: () => Symbol.for('isnad.annotator') in globalThis });
          return result?.result === true;
        })()`),
        inject: () =>
          inExtension<undefined>(`(async () => {
          const results = await globalThis.browser.scripting.executeScript({ target: { tabId: ${firstTab} }, files: ['/detector.js'] });
          const failed = results.find((result) => result.error !== undefined);
          if (failed !== undefined) throw new Error(String(failed.error));
        })()`),
      };
    },
    { canInject: true, name: 'firefox' },
  );
});
