/**
 * WCAG 2.1 AA, measured with axe-core in both browsers: the popup over the
 * article, the news page with a tooltip open, and the welcome page, each in
 * Arabic and English and in the light and dark colour schemes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWorker, launchChromium, launchFirefox, openChromiumPopup } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { audit } from './axe';
import {
  builtManifest,
  chromeDir,
  describeWithBrowser,
  eventually,
  firefoxDir,
  listedHost,
  bundledArticle,
  bundledQuote,
  servePages,
} from './support';
import { hoverRange, shownTooltip, tooltipText } from './tooltip';

const article = bundledArticle;
const host = listedHost();

/** The article with the trade figure changed, for a tooltip that marks the page's words. */
const changedArticle = { ...article, paragraphs: article.paragraphs.map((paragraph) => paragraph.replace('200 مليار', '300 مليار')) };

/** The welcome page, built once it exists; until then its check is skipped. */
const WELCOME = 'welcome/welcome.html';
const welcomeBuilt = existsSync(join(chromeDir, WELCOME)) && existsSync(join(firefoxDir, WELCOME));

const served = servePages(
  new Map([
    ['/news/article', { html: demoPage(article) }],
    ['/news/changed', { html: demoPage(changedArticle) }],
  ]),
);
const articleUrl = (path: string): string => served.url(path);

type Scheme = 'light' | 'dark';

interface Session {
  /** A tab showing the article (or the page at `path`), painted, in the session's colour scheme. */
  articleTab(path?: string): Promise<Page>;
  /** The popup, bound to `tab`, rendered. */
  popup(tab: Page): Promise<Page>;
  /** A page of the extension at `path`, in a tab of its own. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const highlightCount = (page: Page): Promise<number> =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad-')).length);

async function paintedTab(browser: Browser, path: string, prepare: (page: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage();
  await prepare(page);
  await page.goto(articleUrl(path));
  await eventually(async () => ((await highlightCount(page)) > 0 ? true : undefined), 'the article painted');
  return page;
}

/** Waits until the popup has asked its tab and rendered. */
const rendered = (popup: Page): Promise<string> =>
  eventually(() => popup.evaluate(() => document.getElementById('page-status')?.dataset.state), 'the popup to render');

/** Opens a page of Firefox's extension: over WebDriver BiDi its load is never reported, so this polls until it is there. */
async function firefoxExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 600 });
  void page.goto(url).catch(() => undefined);
  await eventually(
    async () =>
      (await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete')) ? true : undefined,
    url,
  );
  return page;
}

/** One Chromium for each language, shared by both colour schemes: Chromium emulates the scheme page by page. */
const chromiums = new Map<string, Promise<Browser>>();
afterAll(async () => {
  for (const browser of chromiums.values()) await (await browser).close();
});

async function chromiumSession(lang: string, scheme: Scheme): Promise<Session> {
  let launched = chromiums.get(lang);
  if (launched === undefined) {
    launched = launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], lang, debugSwitch: true });
    chromiums.set(lang, launched);
  }
  const browser = await launched;
  const before = new Set(await browser.pages());
  // URL's origin of a chrome-extension: address is "null": build it from the host.
  const origin = `chrome-extension://${new URL((await extensionWorker(browser)).url()).host}`;
  const inScheme = (page: Page): Promise<void> => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  return {
    articleTab: (path = '/news/article') => paintedTab(browser, path, inScheme),
    popup: async (tab) => {
      const popup = await openChromiumPopup(browser, tab);
      await inScheme(popup);
      await rendered(popup);
      return popup;
    },
    extensionPage: async (path) => {
      const page = await browser.newPage();
      await inScheme(page);
      await page.goto(`${origin}/${path}`);
      return page;
    },
    // The tabs this session opened; the browser stays for the other scheme.
    close: async () => {
      for (const page of await browser.pages()) if (!before.has(page)) await page.close();
    },
  };
}

async function firefoxSession(lang: string, scheme: Scheme): Promise<Session> {
  const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
  const { browser, origin } = await launchFirefox({
    extensionDir: firefoxDir,
    loopbackHosts: [host],
    geckoId,
    lang,
    debugSwitch: true,
    // Puppeteer cannot emulate media features over WebDriver BiDi: Firefox's own override of the scheme pages see.
    prefs: { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 },
  });
  const tabIdOf = async (tab: Page): Promise<number> => {
    const url = tab.url();
    const probe = await firefoxExtensionPage(browser, `${origin}/popup/popup.html`);
    const id = await eventually(
      () =>
        probe.evaluate(async (url) => {
          type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
          const api = (globalThis as unknown as { browser?: TabsApi }).browser;
          // A URL with a port is not a match pattern: compare URLs instead of querying by one.
          return (await api?.tabs.query({}))?.find((candidate) => candidate.url === url)?.id;
        }, url),
      'the article tab id',
    );
    await probe.close();
    return id;
  };
  return {
    articleTab: (path = '/news/article') => paintedTab(browser, path, (page) => page.setViewport({ width: 1200, height: 900 })),
    // A test cannot click Firefox's toolbar button: the popup page in a tab, bound to the article's tab (see the README).
    popup: async (tab) => {
      const popup = await firefoxExtensionPage(browser, `${origin}/popup/popup.html?tab=${await tabIdOf(tab)}`);
      await rendered(popup);
      return popup;
    },
    extensionPage: (path) => firefoxExtensionPage(browser, `${origin}/${path}`),
    close: () => browser.close(),
  };
}

/** Hovers the range of highlight `name` holding `text` until its tooltip shows. */
async function hover(page: Page, name: string, text: string): Promise<void> {
  await page.bringToFront();
  await hoverRange(page, { name, text });
  await shownTooltip(page);
}

/**
 * Runs `check` with the tooltip's host inside <body>. axe finds what lies behind a text only among the elements
 * under <body>, and the host sits after it, at the end of <html>: there axe cannot measure the tooltip's contrast.
 * The host is fixed and styled inline, so it is drawn the same in either place.
 */
async function hostInBody<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const move = (into: 'body' | 'html'): Promise<void> =>
    page.evaluate((into) => {
      const host = document.querySelector('[data-isnad-ui]');
      if (host === null) throw new Error('no tooltip host');
      (into === 'body' ? document.body : document.documentElement).append(host);
    }, into);
  await move('body');
  try {
    return await check();
  } finally {
    await move('html');
  }
}

/** An axe target inside the tooltip: a path that goes through the shadow root of Isnad's host. */
const inTooltip = (target: string): boolean => target.startsWith('[["div[data-isnad-ui');

function accessibilitySuite(start: (lang: string, scheme: Scheme) => Promise<Session>): void {
  for (const lang of ['en', 'ar'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      describe(`${lang}, ${scheme}`, () => {
        let session: Session;
        let tab: Page;
        beforeAll(async () => {
          session = await start(lang, scheme);
          tab = await session.articleTab();
        });
        afterAll(async () => {
          await session.close();
        });

        it('the popup over the article has no WCAG 2.1 AA violation, its text contrast measured', async () => {
          const popup = await session.popup(tab);
          expect(await popup.evaluate(() => [document.documentElement.lang, matchMedia('(prefers-color-scheme: dark)').matches])).toEqual([
            lang,
            scheme === 'dark',
          ]);
          const result = await audit(popup);
          expect(result.violations).toEqual([]);
          expect(result.incomplete).toEqual([]);
          const measured = result.contrastMeasured.map(({ target }) => target);
          expect(measured).toEqual(expect.arrayContaining(['["#found-title"]', '["#page-status"]']));
          // The quotations are Arabic in either language: their contrast was measured, not skipped as icons.
          expect(result.contrastMeasured.filter(({ arabic }) => arabic).length).toBeGreaterThan(10);
          await popup.close();
        });

        it("the news page with a quote's, a claim's and a changed quote's tooltip open has no violation", async () => {
          const claim = article.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
          const quote = bundledQuote('putin');
          if (claim === undefined) throw new Error('annotations missing');
          const changed = await session.articleTab('/news/changed');
          const cases: [Page, string, string][] = [
            [tab, 'isnad-quote-putin', quote.target.exact],
            [tab, 'isnad-claim', claim.target.exact],
            [changed, 'isnad-changed', '300'],
          ];
          for (const [page, name, text] of cases) {
            expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
            await hover(page, name, text);
            const result = await hostInBody(page, () => audit(page));
            expect(result.violations, name).toEqual([]);
            expect(result.incomplete, name).toEqual([]);
            // A tooltip stayed open through the audit, and its text was measured.
            expect(await tooltipText(page), name).toBeDefined();
            expect(result.contrastMeasured.filter(({ target }) => inTooltip(target)).length, name).toBeGreaterThanOrEqual(3);
          }
          await changed.close();
        });

        it.skipIf(!welcomeBuilt)('the welcome page has no violation', async () => {
          const page = await session.extensionPage(WELCOME);
          const result = await audit(page);
          expect(result.violations).toEqual([]);
          expect(result.incomplete).toEqual([]);
          expect(result.contrastMeasured.length).toBeGreaterThan(0);
          if (lang === 'ar') expect(result.contrastMeasured.some(({ arabic }) => arabic)).toBe(true);
          await page.close();
        });
      });
    }
  }
}

describeWithBrowser('Accessibility: Chromium', 'chromium', () => {
  accessibilitySuite(chromiumSession);
});
describeWithBrowser('Accessibility: Firefox ESR', 'firefox', () => {
  accessibilitySuite(firefoxSession);
});
