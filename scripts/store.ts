/**
 * `npm run store`: renders the store listing's images into store/images/ from
 * the built Chrome extension in headless Chromium. For each UI language
 * (Arabic, English): the demo news page with the article painted and a
 * quote's tooltip open, and the extension's popup page bound to that tab,
 * drawn over the page where the browser opens it under the toolbar button. Then the 440×280 promotional tile: the
 * icon, the name and two of the article's quotes painted with the extension's
 * own highlight styles.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'puppeteer-core';
import type { Article } from '../src/article/schema';
import { highlightStyles, quoteHighlightName } from '../src/shared/highlights';
import { loadArticles } from './articles';
import { chromiumPath, extensionWorker, installHint, launchChromium } from '../testkit/browsers';
import { demoPage, escapeHtml } from '../testkit/demo-page';
import type { ContentScriptSites } from '../src/shared/sites';
import { sampleListedHost } from './manifest';
import { distDir, projectRoot } from './paths';
import { serve } from '../testkit/serve';
import { pageScreenshot, popupScreenshot, promoTile, screenshotSize, storeLanguages, tileSize, type StoreLanguage } from './store-images';
import { eventually } from '../testkit/eventually';

const extensionDir = join(distDir, 'chrome');
const imagesDir = join(projectRoot, 'store', 'images');
const articlePath = '/news/putin-xi-video-call';

/** The quote whose tooltip the page screenshot shows, and the quotes the tile shows. */
const hoveredQuote = 'quote-putin-stabilising-factor';
const tileQuotes = ['quote-putin-energy-mutual-benefit', 'quote-xi-withstood-turbulence'];

/** The popup's width (fixed in its stylesheet) and the tallest popup Chrome and Firefox open. */
const popupWidth = 360;
const popupMaxHeight = 600;

/** How long the rendering waits for the extension to paint, explain or render. */
const WAIT_MS = 15_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets layout, fonts and paint settle, so that a screenshot shows the final frame. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const write = (file: string, png: Uint8Array): void => {
  const path = join(imagesDir, file);
  writeFileSync(path, png);
  console.log(relative(projectRoot, path));
};

/** A point near the start (right, in Arabic) of the first line box of the `speaker`'s quote reading `text`, with the page at its top. */
async function quoteLine(page: Page, speaker: string, text: string): Promise<{ x: number; y: number }> {
  return eventually(
    () =>
      page.evaluate(
        (name, text) => {
          const range = [...(CSS.highlights.get(name) ?? [])].find(
            (candidate): candidate is Range => candidate instanceof Range && candidate.toString() === text,
          );
          // The page's top shows its masthead, and the quote chosen sits high enough to leave room for the tooltip below.
          scrollTo(0, 0);
          const line = range?.getClientRects()[0];
          return line === undefined ? undefined : { x: line.right - Math.min(20, line.width / 2), y: line.top + line.height / 2 };
        },
        quoteHighlightName(speaker),
        text,
      ),
    `the ${speaker} quote painted`,
    WAIT_MS,
  );
}

/** The tooltip's shadow root is open only with the debug switch on, which the launch sets. */
const tooltipShown = (page: Page, shown: boolean): Promise<true> =>
  eventually(
    () =>
      page.evaluate((shown) => {
        const tip = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
        const visible = tip !== null && tip !== undefined && tip.style.display !== 'none';
        return visible === shown ? true : undefined;
      }, shown),
    shown ? 'the tooltip' : 'the tooltip to hide',
    WAIT_MS,
  );

/**
 * Draws `popup` over `page` where the browser would open it under the toolbar
 * button: at the top right, or at the top left in a right-to-left browser. A
 * border and a soft shadow set it apart from the page, as the browser does.
 */
function composePopup(page: PNG, popup: PNG, rtl: boolean): PNG {
  const margin = 16;
  const left = rtl ? margin : page.width - popup.width - margin;
  const top = 8;
  const out = new PNG({ width: page.width, height: page.height });
  page.data.copy(out.data);
  const blend = (x: number, y: number, rgb: readonly [number, number, number], alpha: number): void => {
    if (x < 0 || y < 0 || x >= out.width || y >= out.height) return;
    const at = (y * out.width + x) * 4;
    for (let channel = 0; channel < 3; channel += 1) {
      const below = out.data[at + channel] ?? 0;
      out.data[at + channel] = Math.round(below * (1 - alpha) + (rgb[channel] ?? 0) * alpha);
    }
  };
  const shadow = 12;
  for (let y = top - shadow; y < top + popup.height + shadow + 4; y += 1) {
    for (let x = left - shadow; x < left + popup.width + shadow; x += 1) {
      // Distance outside the popup's box (shifted 4 px down), fading to nothing at `shadow` px.
      const dx = Math.max(left - x, 0, x - (left + popup.width - 1));
      const dy = Math.max(top + 4 - y, 0, y - (top + 4 + popup.height - 1));
      const distance = Math.hypot(dx, dy);
      if (distance < shadow) blend(x, y, [0, 0, 0], 0.22 * (1 - distance / shadow) ** 2);
    }
  }
  for (let y = -1; y <= popup.height; y += 1) {
    for (let x = -1; x <= popup.width; x += 1) {
      const border = x < 0 || y < 0 || x === popup.width || y === popup.height;
      if (border) {
        blend(left + x, top + y, [160, 166, 173], 1);
        continue;
      }
      const from = (y * popup.width + x) * 4;
      const at = ((top + y) * out.width + left + x) * 4;
      popup.data.copy(out.data, at, from, from + 4);
    }
  }
  return out;
}

/**
 * The popup page bound to `tab`, in a tab of its own as large as the popup a
 * browser opens for it: as wide as its content and at most 600 px high.
 * (Headless Chromium opens the toolbar popup in a window of a fixed size.)
 */
async function popupPage(browser: Browser, tab: Page): Promise<Page> {
  const worker = await extensionWorker(browser);
  const tabId = await worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((candidate) => candidate.url === url)?.id,
    tab.url(),
  );
  if (tabId === undefined) throw new Error('the article tab has no id');
  const popup = await browser.newPage();
  await popup.setViewport({ width: popupWidth, height: popupMaxHeight, deviceScaleFactor: 1 });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  // Node's URL gives non-web schemes no origin: the extension's origin is the worker URL's scheme and host.
  const origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())?.[0];
  if (origin === undefined) throw new Error(`the service worker is not an extension's: ${worker.url()}`);
  await popup.goto(`${origin}/popup/popup.html?tab=${tabId}`);
  await eventually(() => popup.evaluate(() => document.getElementById('page-status')?.dataset.state), 'the popup to render', WAIT_MS);
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  if (height < popupMaxHeight) await popup.setViewport({ width: popupWidth, height, deviceScaleFactor: 1 });
  await settled(popup);
  return popup;
}

async function screenshots(article: Article, host: string, url: string, lang: StoreLanguage): Promise<void> {
  const browser: Browser = await launchChromium({ extensionDir, loopbackHosts: [host], lang, debugSwitch: true });
  try {
    const page = await browser.newPage();
    await page.setViewport({ ...screenshotSize, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(url);
    const quote = article.annotations.find((annotation) => annotation.id === hoveredQuote);
    if (quote?.kind !== 'quote') throw new Error(`no quote ${hoveredQuote}`);
    const line = await quoteLine(page, quote.speaker, quote.target.exact);
    await page.mouse.move(line.x, line.y);
    await tooltipShown(page, true);
    // A second move along the line: the tooltip's first showing on a page can size itself before it is placed and
    // land away from the quote; from the second on it sits under the line, as a reader sees it.
    await page.mouse.move(line.x - 10, line.y);
    await sleep(300);
    await settled(page);
    write(pageScreenshot(lang), await page.screenshot({ type: 'png' }));

    // The popup over the article's top, with the tooltip put away.
    await page.keyboard.press('Escape');
    await tooltipShown(page, false);
    await page.mouse.move(0, 0);
    await settled(page);
    const under = PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));
    const popup = await popupPage(browser, page);
    const over = PNG.sync.read(Buffer.from(await popup.screenshot({ type: 'png' })));
    const rtl = (await popup.evaluate(() => document.documentElement.dir)) === 'rtl';
    write(popupScreenshot(lang), PNG.sync.write(composePopup(under, over, rtl)));
  } finally {
    await browser.close();
  }
}

/** The tile's HTML: the icon and name, and sentences of the reference text with their quotes marked for painting. */
function tileHtml(article: Article): string {
  const icon = readFileSync(join(projectRoot, 'icons', 'icon-128.png')).toString('base64');
  const sentences = tileQuotes.map((id) => {
    const quote = article.annotations.find((annotation) => annotation.id === id);
    if (quote?.kind !== 'quote') throw new Error(`no quote ${id}`);
    const lead = quote.attribution.exact;
    const paragraph = article.paragraphs.find((candidate) => candidate.includes(lead) && candidate.includes(quote.target.exact));
    if (paragraph === undefined) throw new Error(`no paragraph with ${id}`);
    const start = paragraph.indexOf(lead);
    const from = paragraph.indexOf(quote.target.exact, start);
    const to = from + quote.target.exact.length;
    // From the attribution to the quote's closing mark: the words as the article prints them.
    return `${escapeHtml(paragraph.slice(start, from))}<span data-speaker="${escapeHtml(quote.speaker)}">${escapeHtml(paragraph.slice(from, to))}</span>${escapeHtml(paragraph.slice(to, to + 1))}`;
  });
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<style>
  html, body { margin: 0; width: ${tileSize.width}px; height: ${tileSize.height}px; overflow: hidden; }
  body { box-sizing: border-box; padding: 24px 24px; background: linear-gradient(160deg, #0b4f5c, #083640); color: #fff; font-family: "DejaVu Sans", sans-serif; }
  header { display: flex; align-items: center; gap: 16px; }
  img { width: 72px; height: 72px; }
  h1 { margin: 0; font-size: 34px; line-height: 1.15; }
  h1 span { font-size: 22px; font-weight: normal; opacity: 0.85; }
  p { margin: 0; }
  .tagline { margin-top: 6px; font-size: 14px; }
  .tagline[lang=en] { direction: ltr; text-align: right; font-size: 12px; margin-top: 2px; opacity: 0.85; }
  .sample { margin-top: 20px; background: #fff; color: #1d1d1d; border-radius: 10px; padding: 8px 14px; font-size: 15px; line-height: 1.9; }
${highlightStyles(article.speakers)}</style>
</head>
<body>
  <header>
    <img src="data:image/png;base64,${icon}" alt="">
    <div>
      <h1>إسناد <span>Isnad</span></h1>
      <p class="tagline">كل اقتباس في الخبر بلون قائله</p>
      <p class="tagline" lang="en">Each quote in its speaker’s colour</p>
    </div>
  </header>
  <p class="sample">${sentences.join(' … ')}</p>
  <script>
    // Painted as the extension paints a page: one highlight per speaker, over the quoted words.
    for (const span of document.querySelectorAll('[data-speaker]')) {
      const range = new Range();
      range.selectNodeContents(span);
      CSS.highlights.set('isnad-quote-' + span.dataset.speaker, new Highlight(range));
    }
  </script>
</body>
</html>
`;
}

async function tile(article: Article, host: string): Promise<void> {
  const browser = await launchChromium({ extensionDir, loopbackHosts: [host] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ ...tileSize, deviceScaleFactor: 1 });
    await page.setContent(tileHtml(article));
    await settled(page);
    write(promoTile, await page.screenshot({ type: 'png' }));
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (chromiumPath() === undefined) {
    console.error(`Chromium or Chrome is needed to render the store images; ${installHint.replace(' firefox-esr', '')}`);
    process.exitCode = 1;
    return;
  }
  const [article] = loadArticles();
  if (article === undefined) throw new Error('no article to show');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as ContentScriptSites;
  const host = sampleListedHost(manifest);
  mkdirSync(imagesDir, { recursive: true });
  const server = await serve(new Map([[articlePath, { html: demoPage(article) }]]));
  try {
    for (const lang of storeLanguages) await screenshots(article, host, `http://${host}:${server.port}${articlePath}`, lang);
    await tile(article, host);
  } finally {
    await server.close();
  }
}

await main();
