/**
 * The highlights shortcut (Alt+Shift+H) in both browsers, over two tabs
 * showing the article: the command switches every tab's highlights off and
 * back on, and the stored preference with them. Key presses sent by the
 * test tools do not reach extension shortcuts, so the command is run where
 * the browser would run it: in Chromium by dispatching `commands.onCommand`
 * in the service worker, which calls the background's own listener; in
 * Firefox by running the command of the <key> element Firefox built in its
 * window from the manifest's suggested key (Alt+Shift+H), which is what a
 * key press runs.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionWorker, inExtensionPage, launchChromium, launchFirefox } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { PREFERENCES_KEY } from '../../src/shared/preferences';
import { builtManifest, chromeDir, describeWithBrowser, eventually, firefoxDir, listedHost, bundledArticle, servePages } from './support';

const article = bundledArticle;
const host = listedHost();

const served = servePages(new Map([['/news/article', { html: demoPage(article) }]]));

const highlightCount = (page: Page): Promise<number> =>
  page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('isnad-')).length);

/** Waits until every tab is painted (`painted`) or bare. */
const allTabs = (tabs: readonly Page[], painted: boolean): Promise<true> =>
  eventually(
    async () => {
      const counts = await Promise.all(tabs.map(highlightCount));
      return counts.every((count) => count > 0 === painted) ? true : undefined;
    },
    painted ? 'the highlights back in every tab' : 'the highlights gone from every tab',
  );

/** The stored master switch, read in an extension context (`chrome` or `browser`, whichever there is). */
const STORED_SWITCH = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const stored = (await api.storage.sync.get('${PREFERENCES_KEY}'))['${PREFERENCES_KEY}'];
  return stored === undefined ? 'unset' : stored.highlights;
})()`;

/**
 * Runs the command of the extension's <key> element for `keys` in Firefox's browser window (a chrome context,
 * reachable over WebDriver BiDi with system access), as the key press would; fails if no such key is bound.
 */
async function runFirefoxShortcut(browser: Browser, geckoId: string, keys: { modifiers: string; key: string }): Promise<void> {
  interface BidiConnection {
    send(
      method: string,
      params: object,
    ): Promise<{ result: { contexts?: { context: string; url: string }[]; result?: { value?: unknown } } }>;
  }
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = tree.result.contexts?.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (window === undefined) throw new Error('no Firefox browser window');
  const keyset = `ext-keyset-id-${geckoId.replace(/[^a-z0-9_-]/gi, '_')}`;
  const answer = await connection.send('script.evaluate', {
    expression: `(() => {
      const key = document.querySelector('#${keyset} key[modifiers="${keys.modifiers}"][key="${keys.key}"]');
      if (key === null) return 'unbound';
      key.doCommand();
      return 'ran';
    })()`,
    target: { context: window.context },
    awaitPromise: false,
  });
  expect(answer.result.result?.value).toBe('ran');
}

interface ShortcutDriver {
  readonly browser: Browser;
  /** Runs the highlights command once. */
  press(): Promise<void>;
  storedSwitch(): Promise<unknown>;
  articleTab(): Promise<Page>;
}

function shortcutSuite(start: () => Promise<ShortcutDriver>): void {
  let driver: ShortcutDriver;
  beforeAll(async () => {
    driver = await start();
  });
  afterAll(async () => {
    await driver.browser.close();
  });

  it('switches the highlights off in every open tab and back on, and stores the switch', async () => {
    const tabs = [await driver.articleTab(), await driver.articleTab()];
    await allTabs(tabs, true);
    expect(await driver.storedSwitch()).toBe('unset');

    await driver.press();
    await allTabs(tabs, false);
    expect(await driver.storedSwitch()).toBe(false);

    await driver.press();
    await allTabs(tabs, true);
    expect(await driver.storedSwitch()).toBe(true);
  });
}

describeWithBrowser('Highlights shortcut: Chromium', 'chromium', () => {
  shortcutSuite(async () => {
    const browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host] });
    const worker = await extensionWorker(browser);
    return {
      browser,
      // The handler path: the browser's own event, dispatched to the listeners the background registered.
      press: async () => {
        await worker.evaluate(`globalThis.chrome.commands.onCommand.dispatch('toggle-highlights')`);
      },
      storedSwitch: () => worker.evaluate(STORED_SWITCH),
      articleTab: async () => {
        const page = await browser.newPage();
        await page.goto(served.url('/news/article'));
        return page;
      },
    };
  });
});

describeWithBrowser('Highlights shortcut: Firefox ESR', 'firefox', () => {
  shortcutSuite(async () => {
    const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
    const { browser, origin } = await launchFirefox({ extensionDir: firefoxDir, loopbackHosts: [host], geckoId });
    return {
      browser,
      press: () => runFirefoxShortcut(browser, geckoId, { modifiers: 'alt,shift', key: 'H' }),
      storedSwitch: () => inExtensionPage(browser, origin, STORED_SWITCH),
      articleTab: async () => {
        const page = await browser.newPage();
        await page.goto(served.url('/news/article'));
        return page;
      },
    };
  });
});
