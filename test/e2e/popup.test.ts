/**
 * The real popup over a tab that shows the article, in both browsers: its
 * counts, the speaker switches acting on the page, preferences that last,
 * choosing a claim, junk in storage, and its look in Arabic and English;
 * and over a tab without it, what Isnad knows and its search.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, launchFirefox, openChromiumPopup } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { DIFFERENT_REPORT } from '../../testkit/other-texts';
import { projectRoot } from '../../scripts/paths';
import { loadArticles } from '../../scripts/articles';
import { builtManifest, chromeDir, describeWithBrowser, eventually, firefoxDir, listedHost, bundledArticle, servePages } from './support';
import { hoverRange, shownTooltip } from './tooltip';

const article = bundledArticle;
const host = listedHost();
const artifacts = join(projectRoot, 'artifacts');

/** The article as an outlet changed it: a word of a Putin quote replaced, the trade figure 300, and Xi's first quote credited to the Russian president. */
const changedArticle = {
  ...article,
  paragraphs: article.paragraphs.map((paragraph) =>
    paragraph
      .replace('عامل استقرار', 'عامل توازن')
      .replace('200 مليار', '300 مليار')
      .replace('وقال الرئيس الصيني إن', 'وقال الرئيس الروسي إن'),
  ),
};

/** Another report of the same call, which Isnad does not know, on a listed site. */
const otherReport = {
  ...article,
  title: { ar: 'بوتين وشي يبحثان التعاون في اتصال مرئي', en: 'Putin and Xi discuss cooperation in a video call' },
  paragraphs: [...DIFFERENT_REPORT],
};

const served = servePages(
  new Map([
    ['/news/article', { html: demoPage(article) }],
    ['/news/changed', { html: demoPage(changedArticle) }],
    ['/news/other', { html: demoPage(otherReport) }],
  ]),
);
mkdirSync(artifacts, { recursive: true });
const articleUrl = (path = '/news/article'): string => served.url(path);
/** A page without any article Isnad knows: the popup shows what it knows. */
const otherUrl = (): string => served.url('/news/other');
const known = loadArticles().length;

/**
 * A word of the article's Arabic title, as a reader may type it: one ending
 * in taa marbuta, written with haa, which the search folds alike (else its
 * longest word).
 */
const titleWord = (): string => {
  const words = article.title.ar.split(' ');
  const marbuta = words.find((word) => word.endsWith('ة'));
  return marbuta?.replace(/ة$/, 'ه') ?? words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
};

interface PopupDriver {
  readonly browser: Browser;
  /** A tab showing the article (or the page at `path`), painted. */
  articleTab(path?: string): Promise<Page>;
  /** A tab showing `url`, loaded; nothing painted is awaited. */
  plainTab(url: string): Promise<Page>;
  /** The popup, bound to `tab`. */
  open(tab: Page): Promise<Page>;
  close(): Promise<void>;
}

const highlightNames = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad-')).sort());

/** Waits until the popup has asked its tab and rendered. */
const rendered = (popup: Page): Promise<string> =>
  eventually(() => popup.evaluate(() => document.getElementById('page-status')?.dataset.state), 'the popup to render');

/** The titles the popup lists of what Isnad knows, once `count` of them show. */
const knownTitles = (popup: Page, count: number): Promise<string[]> =>
  eventually(async () => {
    const titles = await popup.$$eval('#known-list .known-title', (nodes) => nodes.map((node) => node.textContent));
    return titles.length === count ? titles : undefined;
  }, `${count} known articles listed`);

/** Types a word of the article's Arabic title into the search, and returns the titles listed once the search says what it found. */
async function searchTitleWord(popup: Page): Promise<string[]> {
  await popup.click('#known-search');
  await popup.type('#known-search', titleWord());
  await eventually(
    () => popup.evaluate(() => document.getElementById('known-matches')?.textContent || undefined),
    'the search to say what it found',
  );
  return popup.$$eval('#known-list .known-title', (nodes) => nodes.map((node) => node.textContent));
}

/** Runs in an extension page: `chrome` or `browser`, whichever the browser has. */
const storageSet = (popup: Page, value: unknown): Promise<void> =>
  popup.evaluate(async (value) => {
    type StorageApi = { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };
    const scope = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
    const api = scope.browser ?? scope.chrome;
    await api?.storage.sync.set({ 'preferences.v1': value });
  }, value);

function popupSuite(name: string, start: (lang?: string) => Promise<PopupDriver>): void {
  let driver: PopupDriver;
  let tab: Page;
  beforeAll(async () => {
    driver = await start();
    tab = await driver.articleTab();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('reports the article found, with its counts', async () => {
    const popup = await driver.open(tab);
    expect(await rendered(popup)).toBe('found');
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain(article.title.en);
    expect(text).toContain(`${article.paragraphs.length} of ${article.paragraphs.length} paragraphs`);
    expect(text).toContain(`${article.annotations.length} of ${article.annotations.length} annotations placed`);
    expect(
      await popup.$$eval('#speakers input[data-speaker]', (inputs) => inputs.map((input) => input.getAttribute('data-speaker'))),
    ).toEqual(['xi', 'putin', 'china-mfa', 'china-russia']);
    expect(await popup.$$eval('#claims button', (buttons) => buttons.length)).toBe(
      article.annotations.filter((annotation) => annotation.kind === 'claim').length,
    );
    expect(await popup.$$eval('#strip button', (buttons) => buttons.length)).toBe(article.annotations.length);
    // The article as published: nothing changed.
    expect(await popup.$eval('#findings-block', (block) => (block as HTMLElement).hidden)).toBe(true);
    // One article on the page: nothing to choose between, and the list of what Isnad knows is not shown.
    expect(await popup.$eval('#choice-block', (block) => (block as HTMLElement).hidden)).toBe(true);
    expect(await popup.$eval('#known', (block) => (block as HTMLElement).hidden)).toBe(true);
    await popup.close();
  });

  it('on a page without the article, says how many articles Isnad knows and finds the article by a word of its Arabic title', async () => {
    const elsewhere = await driver.plainTab(otherUrl());
    const popup = await driver.open(elsewhere);
    // Read by Isnad ('active'), or not yet at the moment the popup asks ('inactive'): either way, no article.
    expect(await rendered(popup)).not.toBe('found');
    expect(await popup.$eval('#known', (block) => (block as HTMLElement).hidden)).toBe(false);
    await knownTitles(popup, Math.min(known, 50));
    expect(await popup.$eval('#known-count', (element) => element.textContent)).toBe(
      `Isnad knows ${new Intl.NumberFormat('en').format(known)} ${known === 1 ? 'article' : 'articles'}.`,
    );
    expect(await searchTitleWord(popup)).toContain(article.title.en);
    expect(await popup.$eval('#known-matches', (element) => element.textContent)).toMatch(/^Matching articles: [\d,]+\.$/);
    expect(await popup.$$eval('#known-list time', (nodes) => nodes.map((node) => node.getAttribute('datetime')))).toContain(article.date);
    await popup.screenshot({ path: join(artifacts, `popup-known-${name}-en.png`) });
    await popup.close();
    await elsewhere.close();
  });

  it('switching Putin off removes isnad-quote-putin from the page; on brings it back', async () => {
    const popup = await driver.open(tab);
    await rendered(popup);
    expect(await highlightNames(tab)).toContain('isnad-quote-putin');
    await popup.click('#speaker-putin');
    await eventually(async () => ((await highlightNames(tab)).includes('isnad-quote-putin') ? undefined : true), 'Putin to go');
    expect(await highlightNames(tab)).toContain('isnad-quote-xi');
    await popup.close();

    // The choice survives closing and reopening the popup, and applies to a new tab.
    const reopened = await driver.open(tab);
    await rendered(reopened);
    expect(await reopened.$eval('#speaker-putin', (input) => (input as HTMLInputElement).checked)).toBe(false);
    await reopened.close();
    const second = await driver.articleTab();
    await eventually(async () => ((await highlightNames(second)).includes('isnad-quote-xi') ? true : undefined), 'the new tab painted');
    expect(await highlightNames(second)).not.toContain('isnad-quote-putin');
    await second.close();

    const again = await driver.open(tab);
    await rendered(again);
    await again.click('#speaker-putin');
    await eventually(async () => ((await highlightNames(tab)).includes('isnad-quote-putin') ? true : undefined), 'Putin to return');
    await again.close();
  });

  it('choosing the trade-volume claim scrolls the page to it and selects it', async () => {
    await tab.evaluate(() => {
      getSelection()?.removeAllRanges();
      scrollTo(0, 0);
    });
    const popup = await driver.open(tab);
    await rendered(popup);
    await popup.click('#claims button[data-annotation="claim-trade-volume"]');
    const claim = article.annotations.find((annotation) => annotation.id === 'claim-trade-volume');
    expect(await eventually(async () => (await tab.evaluate(() => getSelection()?.toString())) || undefined, 'the selection')).toBe(
      claim?.target.exact,
    );
    expect(
      await tab.evaluate(() => {
        const box = getSelection()?.getRangeAt(0).getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
      }),
    ).toBe(true);
    await popup.close();
  });

  it('opens with defaults when storage holds junk, and the page is still painted', async () => {
    const popup = await driver.open(tab);
    await rendered(popup);
    await storageSet(popup, { highlights: 'yes', hiddenSpeakers: 42, claims: null, everywhere: [] });
    await popup.close();
    const reopened = await driver.open(tab);
    expect(await rendered(reopened)).toBe('found');
    expect(await reopened.$eval('#all-highlights', (input) => (input as HTMLInputElement).checked)).toBe(true);
    expect(await reopened.$eval('#speaker-putin', (input) => (input as HTMLInputElement).checked)).toBe(true);
    await storageSet(reopened, 'not even an object');
    await reopened.close();
    const fresh = await driver.articleTab();
    await eventually(async () => ((await highlightNames(fresh)).length === 5 ? true : undefined), 'a fresh tab painted in full');
    await fresh.close();
  });

  it('shows what a changed page changed: painted, explained on hover, listed in the popup; nothing on the article as published', async () => {
    expect(await highlightNames(tab)).not.toContain('isnad-changed');
    expect(await highlightNames(tab)).not.toContain('isnad-misattributed');
    const changed = await driver.articleTab('/news/changed');
    const painted = await eventually(async () => {
      const found = await changed.evaluate(() =>
        Object.fromEntries(
          ['isnad-changed', 'isnad-misattributed'].map((name) => [
            name,
            [...(CSS.highlights.get(name) ?? [])].map((range) => (range instanceof Range ? range.toString() : '')),
          ]),
        ),
      );
      return (found['isnad-changed']?.length ?? 0) > 0 ? found : undefined;
    }, 'the changes painted');
    expect(painted['isnad-changed']?.sort()).toEqual(['300', 'توازن'].sort());
    // The sentence credits its first quotation to Putin, and carries that on to the two after it (مشيداً بـ، التي اعتبر أنها).
    const carriedOn = ['العلاقات الصينية–الروسية', 'تسير في المسار الصحيح'];
    expect(painted['isnad-misattributed']).toEqual([
      'على روسيا والصين العمل معاً على إعداد خطة كبرى جديدة، لتطوير العلاقات الثنائية بين البلدين',
      ...carriedOn,
    ]);
    for (const text of carriedOn) {
      await hoverRange(changed, { name: 'isnad-misattributed', text });
      expect(await shownTooltip(changed)).toContain(
        'This page credits this quote to Vladimir Putin; the report attributes it to Xi Jinping.',
      );
    }

    // Hovering the changed quote explains the change.
    await hoverRange(changed, { name: 'isnad-changed', text: 'توازن' });
    const tooltip = await shownTooltip(changed);
    expect(tooltip).toContain('This page says “توازن”; the report says “استقرار”.');
    await changed.screenshot({ path: join(artifacts, `tooltip-changed-${name}-en.png`) });

    const popup = await driver.open(changed);
    await rendered(popup);
    const findings = await popup.$$eval('#findings li', (items) => items.map((item) => item.textContent));
    expect(findings).toHaveLength(5);
    for (const finding of findings.slice(0, 3)) expect(finding).toContain('is credited to Vladimir Putin; the report: Xi Jinping');
    expect(findings[3]).toContain('300 instead of 200');
    expect(findings[4]).toContain('توازن ← استقرار');
    expect(await popup.$eval('#findings-count', (element) => element.textContent)).toBe('5 changes of wording, figures or speakers');
    // An English line around an Arabic quotation reads left to right: the quotation first, isolated, then "is credited to".
    const line = await popup.$eval('#findings li button', (button) => {
      const quotation = button.querySelector('bdi');
      const rest = button.lastChild;
      const after = document.createRange();
      if (rest !== null) after.selectNodeContents(rest);
      return {
        direction: getComputedStyle(button).direction,
        quotation: quotation?.textContent.startsWith('«') === true,
        quotationLeft: quotation?.getBoundingClientRect().left ?? Number.NaN,
        restLeft: after.getClientRects()[0]?.left ?? Number.NaN,
      };
    });
    expect(line).toMatchObject({ direction: 'ltr', quotation: true });
    expect(line.quotationLeft).toBeLessThan(line.restLeft);
    await popup.screenshot({ path: join(artifacts, `popup-changed-${name}-en.png`) });

    // Switching Xi off hides his misattributed quotes with his colours; Putin's changed word stays.
    await popup.click('#speaker-xi');
    await eventually(
      async () => ((await highlightNames(changed)).includes('isnad-misattributed') ? undefined : true),
      'the marks of Xi to go',
    );
    expect(await highlightNames(changed)).toContain('isnad-changed');
    await popup.click('#speaker-xi');
    await eventually(
      async () => ((await highlightNames(changed)).includes('isnad-misattributed') ? true : undefined),
      'the marks of Xi to return',
    );
    await popup.close();
    await changed.close();
  });

  it('screenshots in English: left-to-right, and no horizontal scroll at 360 px', async () => {
    const popup = await driver.open(tab);
    await rendered(popup);
    expect(await popup.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(
      await popup.evaluate(() => ({
        width: document.body.getBoundingClientRect().width,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      })),
    ).toEqual({ width: 360, overflow: 0 });
    await popup.screenshot({ path: join(artifacts, `popup-${name}-en.png`) });
    await popup.close();
  });

  it('screenshots in Arabic: right-to-left throughout', async () => {
    const arabic = await start('ar');
    try {
      const arabicTab = await arabic.articleTab();
      const popup = await arabic.open(arabicTab);
      await rendered(popup);
      const layout = await popup.evaluate(() => {
        const icon = document.querySelector('header img')?.getBoundingClientRect();
        const title = document.querySelector('header h1')?.getBoundingClientRect();
        return {
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          iconRightOfTitle: icon !== undefined && title !== undefined && icon.left > title.left,
          text: document.body.innerText,
        };
      });
      expect(layout).toMatchObject({ dir: 'rtl', lang: 'ar', iconRightOfTitle: true });
      expect(layout.text).toContain(article.title.ar);
      expect(layout.text).toContain(`${article.paragraphs.length} من ${article.paragraphs.length} فقرة`);
      await popup.screenshot({ path: join(artifacts, `popup-${name}-ar.png`) });
      await popup.close();
      const changedTab = await arabic.articleTab('/news/changed');
      // The tooltip over the changed figure, in Arabic.
      await hoverRange(changedTab, { name: 'isnad-changed', text: '300' });
      const tooltip = await shownTooltip(changedTab);
      expect(tooltip).toContain('تقول هذه الصفحة 300، والتقرير يقول 200.');
      await changedTab.screenshot({ path: join(artifacts, `tooltip-changed-${name}-ar.png`) });
      const changedPopup = await arabic.open(changedTab);
      await rendered(changedPopup);
      expect(await changedPopup.$eval('#findings-count', (element) => element.textContent)).toBe(
        'تغييرات في الصياغة أو الأرقام أو المتحدثين: 5',
      );
      await changedPopup.screenshot({ path: join(artifacts, `popup-changed-${name}-ar.png`) });
      await changedPopup.close();
      // What Isnad knows, searched in Arabic: right to left, and no horizontal scroll.
      const elsewhere = await arabic.plainTab(otherUrl());
      const knownPopup = await arabic.open(elsewhere);
      expect(await rendered(knownPopup)).not.toBe('found');
      await knownTitles(knownPopup, Math.min(known, 50));
      expect(await searchTitleWord(knownPopup)).toContain(article.title.ar);
      expect(
        await knownPopup.evaluate(() => ({
          dir: getComputedStyle(document.getElementById('known-list') ?? document.body).direction,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        })),
      ).toEqual({ dir: 'rtl', overflow: 0 });
      await knownPopup.screenshot({ path: join(artifacts, `popup-known-${name}-ar.png`) });
      await knownPopup.close();
    } finally {
      await arabic.close();
    }
  });
}

describeWithBrowser('Popup: Chromium', 'chromium', () => {
  popupSuite('chromium', async (lang) => {
    const profile = mkdtempSync(join(tmpdir(), 'isnad-profile-'));
    const browser = await launchChromium({
      extensionDir: chromeDir,
      loopbackHosts: [host],
      userDataDir: profile,
      debugSwitch: true,
      ...(lang ? { lang } : {}),
    });
    return {
      browser,
      articleTab: async (path) => {
        const page = await browser.newPage();
        await page.goto(articleUrl(path));
        await eventually(async () => ((await highlightNames(page)).length > 0 ? true : undefined), 'the article painted');
        return page;
      },
      plainTab: async (url) => {
        const page = await browser.newPage();
        await page.goto(url);
        return page;
      },
      open: (tab) => openChromiumPopup(browser, tab),
      close: async () => {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  });
});

describeWithBrowser('Popup: Firefox ESR', 'firefox', () => {
  popupSuite('firefox', async (lang) => {
    const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
    const { browser, origin } = await launchFirefox({
      extensionDir: firefoxDir,
      loopbackHosts: [host],
      geckoId,
      debugSwitch: true,
      ...(lang ? { lang } : {}),
    });
    const tabIdOf = async (tab: Page): Promise<number> => {
      const url = tab.url();
      const probe = await browser.newPage();
      // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll instead of awaiting.
      void probe.goto(`${origin}/popup/popup.html`).catch(() => undefined);
      const id = await eventually(
        () =>
          probe.evaluate(async (url) => {
            type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
            const api = (globalThis as unknown as { browser?: TabsApi }).browser;
            if (location.protocol !== 'moz-extension:' || api === undefined) return undefined;
            // A URL with a port is not a match pattern: compare URLs instead of querying by one.
            return (await api.tabs.query({})).find((candidate) => candidate.url === url)?.id;
          }, url),
        'the article tab id',
      );
      await probe.close();
      return id;
    };
    return {
      browser,
      articleTab: async (path) => {
        const page = await browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.goto(articleUrl(path));
        await eventually(async () => ((await highlightNames(page)).length > 0 ? true : undefined), 'the article painted');
        return page;
      },
      plainTab: async (url) => {
        const page = await browser.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        await page.goto(url);
        return page;
      },
      open: async (tab) => {
        // Firefox cannot open the toolbar popup from a test: the popup page, in a tab, bound to the article's tab
        // with ?tab=<id> (see the README).
        const id = await tabIdOf(tab);
        const popup = await browser.newPage();
        await popup.setViewport({ width: 360, height: 600 });
        void popup.goto(`${origin}/popup/popup.html?tab=${id}`).catch(() => undefined);
        await rendered(popup);
        // A Firefox popup panel is as wide as its content plus its vertical scrollbar: so is this tab.
        const scrollbar = await popup.evaluate(() => innerWidth - document.documentElement.clientWidth);
        await popup.setViewport({ width: 360 + scrollbar, height: 600 });
        return popup;
      },
      close: () => browser.close(),
    };
  });
});

describeWithBrowser('Popup: Chromium, across a restart', 'chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'isnad-profile-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  const launch = () => launchChromium({ extensionDir: chromeDir, loopbackHosts: [host], userDataDir: profile });
  it('keeps a speaker switched off after the browser restarts', async () => {
    const first = await launch();
    try {
      const tab = await first.newPage();
      await tab.goto(articleUrl());
      await eventually(async () => ((await highlightNames(tab)).includes('isnad-quote-putin') ? true : undefined), 'the paint');
      const popup = await openChromiumPopup(first, tab);
      await rendered(popup);
      await popup.click('#speaker-putin');
      await eventually(async () => ((await highlightNames(tab)).includes('isnad-quote-putin') ? undefined : true), 'Putin to go');
    } finally {
      await first.close();
    }
    const second = await launch();
    try {
      const tab = await second.newPage();
      await tab.goto(articleUrl());
      await eventually(async () => ((await highlightNames(tab)).includes('isnad-quote-xi') ? true : undefined), 'the paint');
      expect(await highlightNames(tab)).not.toContain('isnad-quote-putin');
    } finally {
      await second.close();
    }
  });
});
