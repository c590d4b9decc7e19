/**
 * `npm start`: opens the demo news page in Chromium with the built extension
 * loaded (in a window where there is a display, headless otherwise), prints
 * what the extension found, and saves screenshots to artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { loadArticles } from './articles';
import { chromiumPath, installHint, launchChromium, openChromiumPopup } from '../testkit/browsers';
import { demoPage } from '../testkit/demo-page';
import type { ContentScriptSites } from '../src/shared/sites';
import { sampleListedHost } from './manifest';
import { distDir, projectRoot } from './paths';
import { serve } from '../testkit/serve';

const extensionDir = join(distDir, 'chrome');
const artifactsDir = join(projectRoot, 'artifacts');

async function popupStatus(browser: Browser, tab: Page): Promise<string> {
  const popup = await openChromiumPopup(browser, tab);
  await popup.waitForSelector('#page-status[data-state]');
  const file = join(artifactsDir, 'demo-popup.png');
  await popup.screenshot({ path: file });
  console.log(`  popup screenshot: ${relative(projectRoot, file)}`);
  return popup.$$eval('#page-status, #found:not([hidden]) > *', (nodes) => nodes.map((node) => node.textContent).join(' '));
}

async function main(): Promise<void> {
  if (chromiumPath() === undefined) {
    console.error(`Chromium or Chrome is needed for the demo; ${installHint.replace(' firefox-esr', '')}`);
    process.exitCode = 1;
    return;
  }
  const articles = loadArticles();
  const [article] = articles;
  if (article === undefined) throw new Error('no article to show');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as ContentScriptSites;
  const host = sampleListedHost(manifest);
  const path = '/demo/putin-xi-video-call';
  const server = await serve(new Map([[path, { html: demoPage(article) }]]));
  const windowed = Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
  // The debug switch makes the content script record its readiness and its cost, which the demo reports.
  const browser = await launchChromium({ extensionDir, loopbackHosts: [host], headless: !windowed, debugSwitch: true });
  try {
    mkdirSync(artifactsDir, { recursive: true });
    const page = await browser.newPage();
    const url = `http://${host}:${server.port}${path}`;
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('isnad:ready', 'mark').length > 0);
    const [measure] = await page.evaluate(() => performance.getEntriesByName('isnad:annotate', 'measure').map((entry) => entry.duration));
    const pageShot = join(artifactsDir, 'demo-page.png');
    await page.screenshot({ path: pageShot });

    const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote').length;
    console.log(`Isnad ${String(manifest.version)} in ${await browser.version()} (${windowed ? 'window' : 'headless'})`);
    console.log(`  demo page: ${url} (served locally as ${host})`);
    console.log(
      measure === undefined
        ? '  content script: running; the article was not found'
        : `  content script: found the article and placed its annotations in ${measure.toFixed(1)} ms (performance measure isnad:annotate)`,
    );
    console.log(
      `  articles known: ${articles.length}; "${article.title.en}": ${article.paragraphs.length} paragraphs, ${quotes} quotes, ${article.annotations.length - quotes} claims, ${article.speakers.length} speakers`,
    );
    console.log(`  page screenshot: ${relative(projectRoot, pageShot)}`);
    console.log(`  popup says: ${await popupStatus(browser, page)}`);
    if (windowed) {
      console.log('Close the browser window to end the demo.');
      await page.bringToFront();
      await new Promise((resolve) => browser.once('disconnected', resolve));
    }
  } finally {
    if (browser.connected) await browser.close();
    await server.close();
  }
}

await main();
