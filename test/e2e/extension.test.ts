/**
 * The built extension in real browsers: it installs without a warning, its
 * popup opens, and its content script runs on listed news sites only.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { extensionWorker, launchChromium, launchFirefox, openChromiumPopup } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { builtManifest, chromeDir, describeWithBrowser, eventually, firefoxDir, listedHost, servePages } from './support';

const [article] = loadArticles();
if (article === undefined) throw new Error('no bundled article');
const pagePath = '/news/putin-xi-video-call';
const otherPath = '/news/other-story';
/** A page of the same site without the article: its layout, with other Arabic text. */
const otherPage = demoPage({
  ...article,
  paragraphs: ['أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات، تشمل بناء عشرة مراكز طبية.'],
});
const host = listedHost();

const served = servePages(
  new Map([
    [pagePath, { html: demoPage(article) }],
    [otherPath, { html: otherPage }],
  ]),
);

const listedUrl = (path = pagePath): string => served.url(path);
const unlistedUrl = (): string => `http://127.0.0.1:${served.server.port}${pagePath}`;

/** Whether the content script ran in the page: it leaves a performance mark the page can read. */
const contentScriptMarks = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('isnad:ready', 'mark').length);

/** Whether the content script found the article: it records its cost as the measure isnad:annotate. */
const annotateMeasures = (page: Page): Promise<number> =>
  page.evaluate(() => performance.getEntriesByName('isnad:annotate', 'measure').length);

/** A copy of a built extension with an unknown manifest key, which a strict browser must report. */
function extensionWithUnknownKey(dir: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'isnad-bad-')), 'extension');
  cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, isnad_unknown_key: true }));
  return copy;
}

describeWithBrowser('Chromium', 'chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], debugSwitch: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  /** Install warnings and manifest errors by extension id, as chrome://extensions shows them. */
  async function extensionProblems(): Promise<Record<string, string[]>> {
    const page = await browser.newPage();
    try {
      await page.goto('chrome://extensions');
      return await page.evaluate(async () => {
        const api = chrome.developerPrivate;
        // Chromium lists install warnings only in developer mode, as a developer loading dist/chrome would see them.
        await api.updateProfileConfiguration({ inDeveloperMode: true });
        const infos = await api.getExtensionsInfo();
        return Object.fromEntries(infos.map((info) => [info.id, [...info.installWarnings, ...info.manifestErrors.map((e) => e.message)]]));
      });
    } finally {
      await page.close();
    }
  }

  it('loads dist/chrome with no manifest errors or warnings', async () => {
    const id = new URL((await extensionWorker(browser)).url()).host;
    expect(await extensionProblems()).toEqual({ [id]: [] });
  });

  it('would report a manifest warning if there were one', async () => {
    const bad = extensionWithUnknownKey(chromeDir);
    try {
      const id = await browser.installExtension(bad);
      expect((await extensionProblems())[id]?.join('\n')).toContain('isnad_unknown_key');
    } finally {
      rmSync(join(bad, '..'), { recursive: true, force: true });
    }
  });

  it('runs the content script on a listed news site, and not elsewhere', async () => {
    const page = await browser.newPage();
    await page.goto(listedUrl());
    expect(await eventually(async () => ((await contentScriptMarks(page)) > 0 ? 1 : undefined), 'the content script')).toBe(1);
    await page.goto(unlistedUrl());
    await page.waitForFunction(() => document.readyState === 'complete', { polling: 100 });
    expect(await contentScriptMarks(page)).toBe(0);
    await page.close();
  });

  it('opens the popup bound to the tab in front, which reports the content script there', async () => {
    const page = await browser.newPage();
    await page.goto(listedUrl());
    await eventually(async () => ((await contentScriptMarks(page)) > 0 ? true : undefined), 'the content script');
    const popup = await openChromiumPopup(browser, page);
    const state = await eventually(
      () => popup.evaluate(() => document.getElementById('page-status')?.dataset.state),
      'the popup to render',
    );
    expect(state).toBe('found');
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain(article.title.en);
    expect(text).toContain(`${article.paragraphs.length} of ${article.paragraphs.length} paragraphs`);
    expect(text).toContain(`${article.annotations.length} of ${article.annotations.length} annotations placed`);
    await page.close();
  });

  it('finds the article on a page that carries it, and not on one that does not', async () => {
    const page = await browser.newPage();
    await page.goto(listedUrl());
    expect(await eventually(async () => ((await annotateMeasures(page)) > 0 ? 1 : undefined), 'the article')).toBe(1);
    await page.goto(listedUrl(otherPath));
    await eventually(async () => ((await contentScriptMarks(page)) > 0 ? true : undefined), 'the content script');
    expect(await annotateMeasures(page)).toBe(0);
    await page.close();
  });
});

describeWithBrowser('Firefox ESR', 'firefox', () => {
  let browser: Browser;
  let origin: string;
  const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;

  beforeAll(async () => {
    // launchFirefox installs the extension with warnings-as-errors set: it throws on any manifest warning.
    ({ browser, origin } = await launchFirefox({ extensionDir: firefoxDir, loopbackHosts: [host], geckoId, debugSwitch: true }));
  });
  afterAll(async () => {
    await browser.close();
  });

  it('installs dist/firefox with manifest warnings treated as errors, which refuse a manifest with a warning', async () => {
    const bad = extensionWithUnknownKey(firefoxDir);
    try {
      await expect(browser.installExtension(bad)).rejects.toThrow(/isnad_unknown_key/);
    } finally {
      rmSync(join(bad, '..'), { recursive: true, force: true });
    }
  });

  it('runs the content script on a listed news site, and not elsewhere', async () => {
    const [page] = await browser.pages();
    if (page === undefined) throw new Error('no tab');
    await page.goto(listedUrl());
    expect(await eventually(async () => ((await contentScriptMarks(page)) > 0 ? 1 : undefined), 'the content script')).toBe(1);
    await page.goto(unlistedUrl());
    expect(await contentScriptMarks(page)).toBe(0);
  });

  it('finds the article on a page that carries it, and not on one that does not', async () => {
    const [page] = await browser.pages();
    if (page === undefined) throw new Error('no tab');
    await page.goto(listedUrl());
    expect(await eventually(async () => ((await annotateMeasures(page)) > 0 ? 1 : undefined), 'the article')).toBe(1);
    await page.goto(listedUrl(otherPath));
    await eventually(async () => ((await contentScriptMarks(page)) > 0 ? true : undefined), 'the content script');
    expect(await annotateMeasures(page)).toBe(0);
  });

  it('opens the popup page, which lists the bundled article', async () => {
    const popup = await browser.newPage();
    // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll instead of awaiting.
    void popup.goto(`${origin}/popup/popup.html`).catch(() => undefined);
    const text = await eventually(
      () => popup.evaluate(() => (document.getElementById('page-status')?.dataset.state ? document.body.innerText : undefined)),
      'the popup to render',
    );
    expect(text).toContain(article.title.en);
    await popup.close();
  });
});
