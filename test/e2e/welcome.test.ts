/**
 * The welcome page in both browsers: it opens by itself, once, when the
 * extension is installed (Chromium: a fresh profile with the extension
 * loaded; Firefox: the temporary add-on installed); not again when the
 * browser restarts on the same profile (Chromium); its live sample shows the
 * real tooltip under the pointer; it lists the sites, the shortcuts as
 * bound and the articles Isnad knows, searchable; and it reads in English
 * left to right and in Arabic right to left.
 * Screenshots go to artifacts/welcome-<browser>-<lang>.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { extensionWorker, launchChromium, launchFirefox, welcomeTabs } from '../../testkit/browsers';
import { listedSites } from '../../src/shared/sites';
import { projectRoot } from '../../scripts/paths';
import { WELCOME_PAGE } from '../../src/background/welcome';
import { sampleArticle } from '../../src/welcome/sample';
import { builtManifest, chromeDir, describeWithBrowser, eventually, firefoxDir, listedHost } from './support';

const artifacts = join(projectRoot, 'artifacts');
const host = listedHost();
beforeAll(() => {
  mkdirSync(artifacts, { recursive: true });
});

/** The welcome tabs once one has opened: the first of them, and how many there are. */
const openedWelcome = (browser: Browser): Promise<{ page: Page; count: number }> =>
  eventually(async () => {
    const tabs = await welcomeTabs(browser);
    const [page] = tabs;
    return page === undefined ? undefined : { page, count: tabs.length };
  }, 'the welcome tab');

/** What the page shows, once its sample is painted. */
const rendered = (page: Page) =>
  eventually(
    () =>
      page.evaluate(() => {
        const painted = [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad-'));
        const parts = [painted.length, document.querySelectorAll('#keys dt').length, document.querySelectorAll('#known-list li').length];
        if (parts.includes(0)) return undefined;
        return {
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
          title: document.title,
          painted,
          keys: [...document.querySelectorAll('#keys dt')].map((node) => node.textContent),
          sites: [...document.querySelectorAll('#sites li')].map((node) => node.textContent),
          knownCount: document.getElementById('known-count')?.textContent,
          known: [...document.querySelectorAll('#known-list .known-title')].map((node) => node.textContent),
          text: document.body.innerText,
          overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      }),
    'the welcome page with its sample painted and what Isnad knows listed',
  );

/**
 * Makes the viewport as tall as the page, so that one screenshot shows all
 * of it with the tooltip still open (a full-page capture resizes the view,
 * which hides the tooltip).
 */
async function wholePageInView(page: Page): Promise<void> {
  const width = page.viewport()?.width ?? 1000;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewport({ width, height });
}

/** Moves the mouse over the sample's first quote and returns the tooltip's text (its shadow root is open under the debug switch). */
async function quoteTooltip(page: Page): Promise<string> {
  const point = await eventually(
    () =>
      page.evaluate(() => {
        const name = [...CSS.highlights.keys()].find((key) => key.startsWith('isnad-quote-'));
        const range = name === undefined ? undefined : ([...(CSS.highlights.get(name) ?? [])][0] as Range | undefined);
        const rect = range?.getClientRects()[0];
        return rect === undefined ? undefined : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }),
    'a painted quote',
  );
  await page.mouse.move(point.x, point.y);
  return eventually(
    () =>
      page.evaluate(() => {
        const shown = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
        return shown && shown.style.display !== 'none' ? shown.textContent : undefined;
      }),
    'the tooltip',
  );
}

const sites = listedSites(builtManifest(chromeDir)).length;
const articles = loadArticles();
const sample = articles.map(sampleArticle).find((article) => article !== undefined);
const sampleQuote = sample?.annotations.find((annotation) => annotation.kind === 'quote');
const sampleSpeaker = sample?.speakers.find((speaker) => sampleQuote?.kind === 'quote' && speaker.id === sampleQuote.speaker);

async function checkEnglish(page: Page, name: string): Promise<void> {
  const shown = await rendered(page);
  expect(shown).toMatchObject({ lang: 'en', dir: 'ltr', title: 'Welcome to Isnad', overflows: false });
  expect(shown.keys).toEqual(expect.arrayContaining(['Alt+Shift+H']));
  expect(shown.keys).toHaveLength(3);
  expect(shown.sites).toHaveLength(sites);
  expect(shown.sites).toContain('aljazeera.net');
  expect(shown.text).toContain('Isnad sends nothing to anyone');
  // What Isnad knows: as many as the catalogue holds, newest first, and found by date.
  expect(shown.knownCount).toBe(
    `Isnad knows ${new Intl.NumberFormat('en').format(articles.length)} ${articles.length === 1 ? 'article' : 'articles'}.`,
  );
  expect(shown.known).toHaveLength(Math.min(articles.length, 50));
  await page.type('#known-search', sample?.date ?? '');
  expect(
    await eventually(
      () => page.evaluate(() => document.getElementById('known-matches')?.textContent || undefined),
      'the search to say what it found',
    ),
  ).toMatch(/^Matching articles: [\d,]+\.$/);
  expect(await page.$$eval('#known-list time', (nodes) => nodes.map((node) => node.getAttribute('datetime')))).toContain(sample?.date);
  // The real tooltip, as on a news page: the speaker's name in English, and the quote's translation.
  await wholePageInView(page);
  const tooltip = await quoteTooltip(page);
  expect(tooltip).toContain(sampleSpeaker?.name.en);
  expect(tooltip).toContain(sampleQuote?.kind === 'quote' ? sampleQuote.translation.en : 'a quote');
  await page.screenshot({ path: join(artifacts, `welcome-${name}-en.png`) });
}

async function checkArabic(page: Page, name: string): Promise<void> {
  const shown = await rendered(page);
  expect(shown).toMatchObject({ lang: 'ar', dir: 'rtl', title: 'مرحباً بك في إسناد' });
  expect(shown.text).toContain('لا يرسل إسناد شيئاً إلى أي جهة');
  // The titles in the UI language.
  expect(shown.known).toHaveLength(Math.min(articles.length, 50));
  expect(shown.known.every((title) => /[\u0600-\u06ff]/.test(title))).toBe(true);
  expect(shown.knownCount).toMatch(/^يعرف إسناد /);
  await wholePageInView(page);
  expect(await quoteTooltip(page)).toContain(sampleSpeaker?.name.ar);
  await page.screenshot({ path: join(artifacts, `welcome-${name}-ar.png`) });
  // By keyboard: the sample's "next" button selects the first annotation and explains it.
  await page.mouse.move(0, 0);
  await page.focus('#sample-next');
  await page.keyboard.press('Enter');
  const selected = await eventually(
    () => page.evaluate(() => (document.getSelection()?.toString() ? document.getSelection()?.toString() : undefined)),
    'the first annotation selected',
  );
  expect(sample?.paragraphs[0]).toContain(selected);
  expect(sample?.annotations.map((annotation) => annotation.target.exact)).toContain(selected);
}

describeWithBrowser('Welcome page: Chromium', 'chromium', () => {
  const launch = (profile: string, lang = 'en') =>
    launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], userDataDir: profile, debugSwitch: true, lang, welcomeTab: 'keep' });

  it('opens once on install, not again at a restart, and explains its sample in English', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'isnad-profile-'));
    try {
      let browser = await launch(profile);
      try {
        const welcome = await openedWelcome(browser);
        expect(welcome.count).toBe(1);
        await welcome.page.setViewport({ width: 360, height: 800 });
        // Opened before the test turned the debug switch on: read again, so that the tooltip's shadow root is open.
        await welcome.page.reload();
        await checkEnglish(welcome.page, 'chromium');
        expect(await welcomeTabs(browser)).toHaveLength(1);
      } finally {
        await browser.close();
      }
      // Chromium reports the extension installed again at this launch: the page remembers it was shown.
      browser = await launch(profile);
      try {
        await extensionWorker(browser);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await welcomeTabs(browser)).toHaveLength(0);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('reads right to left in Arabic', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'isnad-profile-'));
    const browser = await launch(profile, 'ar');
    try {
      const { page } = await openedWelcome(browser);
      await page.setViewport({ width: 1000, height: 800 });
      await page.reload();
      await checkArabic(page, 'chromium');
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describeWithBrowser('Welcome page: Firefox ESR', 'firefox', () => {
  const geckoId = (): string => builtManifest(firefoxDir).browser_specific_settings.gecko.id;

  /** The welcome page opened again in a tab of its own, now that the debug switch is on (BiDi never reports its load: poll). */
  async function openWelcome(browser: Browser, origin: string, width: number): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 800 });
    void page.goto(`${origin}/${WELCOME_PAGE}`).catch(() => undefined);
    return page;
  }

  it('opens once when the add-on is installed, and explains its sample in English', async () => {
    const { browser, origin } = await launchFirefox({
      extensionDir: firefoxDir,
      loopbackHosts: [host],
      geckoId: geckoId(),
      debugSwitch: true,
      welcomeTab: 'keep',
    });
    try {
      const opened = await openedWelcome(browser);
      expect(opened.count).toBe(1);
      await opened.page.close();
      await checkEnglish(await openWelcome(browser, origin, 360), 'firefox');
    } finally {
      await browser.close();
    }
  });

  it('reads right to left in Arabic', async () => {
    const { browser, origin } = await launchFirefox({
      extensionDir: firefoxDir,
      loopbackHosts: [host],
      geckoId: geckoId(),
      debugSwitch: true,
      lang: 'ar',
    });
    try {
      await checkArabic(await openWelcome(browser, origin, 1000), 'firefox');
    } finally {
      await browser.close();
    }
  });
});
