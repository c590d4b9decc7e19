/**
 * No uncaught error and no unhandled promise rejection anywhere in the
 * extension (content script, service worker, popup, welcome page) while a
 * reader goes through its features in Chromium, which collects every such
 * error per extension in chrome://extensions once developer mode is on.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPage } from '../../testkit/demo-page';
import { extensionWorker, launchChromium, openChromiumPopup } from '../../testkit/browsers';
import { chromeDir, describeWithBrowser, eventually, listedHost, bundledArticle, bundledQuote, servePages } from './support';
import { pointAt, rangeInView } from './tooltip';

const article = bundledArticle;
const putinQuote = bundledQuote('putin');
const host = listedHost();
const changed = { ...article, paragraphs: article.paragraphs.map((paragraph) => paragraph.replace('200 مليار', '300 مليار')) };
const other = { ...article, paragraphs: ['أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات.'] };

const served = servePages(
  new Map([
    ['/news/article', { html: demoPage(article) }],
    ['/news/changed', { html: demoPage(changed) }],
    ['/news/other', { html: demoPage(other) }],
  ]),
);

describeWithBrowser('Errors: Chromium', 'chromium', () => {
  let browser: Browser;
  let extensionId: string;
  beforeAll(async () => {
    // The welcome tab stays open: its errors are collected too.
    browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], debugSwitch: true, welcomeTab: 'keep' });
    extensionId = new URL((await extensionWorker(browser)).url()).host;
    // Chromium collects an extension's runtime errors only in developer mode.
    await onExtensionsPage((id) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }).then(() => id));
  });
  afterAll(async () => {
    await browser.close();
  });

  /** Runs `task` (given the extension's id) in chrome://extensions, where developerPrivate lives. */
  async function onExtensionsPage<T>(task: (id: string) => Promise<T>): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.goto('chrome://extensions');
      return await page.evaluate(task, extensionId);
    } finally {
      await page.close();
    }
  }

  const runtimeErrors = (): Promise<string[]> =>
    onExtensionsPage(async (id) => {
      const info = (await chrome.developerPrivate.getExtensionsInfo()).find((each) => each.id === id);
      return (info?.runtimeErrors ?? []).map((error) => error.message);
    });

  /** A new tab at `path`, once the content script has made its first scan there. */
  async function scanned(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(served.url(path));
    await eventually(
      async () => ((await page.evaluate(() => performance.getEntriesByName('isnad:scan').length)) > 0 ? true : undefined),
      `the scan of ${path}`,
    );
    return page;
  }

  it('raises none while a reader reads, hovers, navigates, switches and uses the popup', async () => {
    const page = await scanned('/news/article');
    const worker = await extensionWorker(browser);
    // Hover a quote once painted (a scan is marked before its article is painted), move away, and press Escape.
    const box = await eventually(() => rangeInView(page, { name: 'isnad-quote-putin', text: putinQuote.target.exact }), 'a painted quote');
    await pointAt(page, box);
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    // The shortcuts, as the background runs them.
    await page.bringToFront();
    await worker.evaluate(() => {
      chrome.commands.onCommand.dispatch('next-annotation');
      chrome.commands.onCommand.dispatch('toggle-highlights');
      chrome.commands.onCommand.dispatch('toggle-highlights');
    });
    // The popup: open, choose a quotation, switch a speaker off and on.
    const popup = await openChromiumPopup(browser, page);
    await eventually(() => popup.evaluate(() => document.getElementById('page-status')?.dataset.state), 'the popup');
    await popup.click('#speaker-putin');
    await popup.click('#speaker-putin');
    await popup.click('#quotes button');
    // A changed page, a page without the article, and a reload mid-way.
    const other = await scanned('/news/other');
    const changedPage = await scanned('/news/changed');
    await changedPage.reload();
    await other.close();
    await changedPage.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runtimeErrors()).toEqual([]);
  });

  it('would report one: a rejection left unhandled in the service worker is collected', async () => {
    const worker = await extensionWorker(browser);
    await worker.evaluate(() => {
      void Promise.reject(new Error('control rejection'));
    });
    const errors = await eventually(async () => {
      const found = await runtimeErrors();
      return found.length > 0 ? found : undefined;
    }, 'the control rejection to be collected');
    expect(errors.join('\n')).toContain('control rejection');
  });
});
