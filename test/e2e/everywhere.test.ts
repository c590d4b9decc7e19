/**
 * Detection on all sites, in real browsers: a real click on the popup's
 * switch grants the optional host permission, the background registers the
 * all-sites content script and it runs on a site outside the list; a click
 * off withdraws both. And what the popup says when the browser refuses: a
 * permission asked for outside a click, a scan where Isnad may not run.
 */
import { TargetType, type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import en from '../../_locales/en/messages.json';
import { extensionWorker, launchChromium, launchFirefox, openChromiumPopup } from '../../testkit/browsers';
import { demoPage } from '../../testkit/demo-page';
import { builtManifest, chromeDir, describeWithBrowser, eventually, firefoxDir, listedHost, bundledArticle, servePages } from './support';

const article = bundledArticle;
const host = listedHost();

const served = servePages(new Map([['/news/article', { html: demoPage(article) }]]));
/** The article on a host outside the manifest's list. */
const unlistedUrl = (): string => `http://127.0.0.1:${served.server.port}/news/article`;

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Evaluates `expression` (which may use `api`, the extension API) in an extension context, and how it settled. */
const settledIn = (context: Page | WebWorker, expression: string): Promise<Settled> =>
  context.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    try { return { ok: true, value: await (${expression}) }; } catch (error) { return { ok: false, error: String(error) }; }
  })()`) as Promise<Settled>;

async function valueIn(context: Page | WebWorker, expression: string): Promise<unknown> {
  const settled = await settledIn(context, expression);
  if (!settled.ok) throw new Error(`${expression}: ${settled.error}`);
  return settled.value;
}

/** What the popup shows: its all-sites switch and its alert line. */
const popupState = (popup: Page): Promise<{ checked: boolean; disabled: boolean; notice: string }> =>
  popup.evaluate(() => {
    const toggle = document.getElementById('everywhere') as HTMLInputElement;
    return { checked: toggle.checked, disabled: toggle.disabled, notice: document.getElementById('notice')?.textContent ?? '' };
  });

/** Closes a popup, which Chromium may already have closed as another tab took the focus. */
const closePopup = (popup: Page): Promise<void> => popup.close().catch(() => undefined);

const rendered = (popup: Page): Promise<string> =>
  eventually(() => popup.evaluate(() => document.getElementById('page-status')?.dataset.state), 'the popup to render');

interface Driver {
  /** An extension context in which to call the extension API. */
  extension(): Promise<Page | WebWorker>;
  /** A new tab at `url`, and its id. */
  openTab(url: string): Promise<number>;
  /** The popup bound to tab `tabId`. */
  popup(tabId: number): Promise<Page>;
  /** Clicks the all-sites switch from script, when the browser no longer counts it as the reader's gesture. */
  clickWithoutGesture(popup: Page): Promise<void>;
  /** Whatever the browser needs so that a request from a real click is granted without its prompt. */
  allowPermissionPrompt(): Promise<void>;
  close(): Promise<void>;
}

function everywhereSuite(start: () => Promise<Driver>, scanRefusal: { url: () => string; message: string; detail?: RegExp }): void {
  let driver: Driver;
  beforeAll(async () => {
    driver = await start();
  });
  afterAll(async () => {
    await driver.close();
  });

  const registered = async (): Promise<unknown[]> =>
    (await valueIn(await driver.extension(), `api.scripting.getRegisteredContentScripts()`)) as unknown[];
  const pageStatus = async (tabId: number): Promise<Settled> =>
    settledIn(await driver.extension(), `api.tabs.sendMessage(${tabId}, { type: 'page-status' })`);
  /** Waits until tab `tabId` has loaded, and a moment more for a content script at document_idle. */
  const loaded = async (tabId: number): Promise<void> => {
    await eventually(
      async () =>
        (await valueIn(await driver.extension(), `api.tabs.get(${tabId}).then((tab) => tab.status)`)) === 'complete' ? true : undefined,
      'the tab to load',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
  };

  it('Scan this page where Isnad may not run says why', async () => {
    const tabId = await driver.openTab(scanRefusal.url());
    const popup = await driver.popup(tabId);
    expect(await rendered(popup)).toBe('inactive');
    expect((await popupState(popup)).notice).toBe('');
    await popup.click('#scan-page');
    const notice = await eventually(async () => (await popupState(popup)).notice || undefined, 'the alert');
    expect(notice.startsWith(scanRefusal.message), notice).toBe(true);
    if (scanRefusal.detail !== undefined) expect(notice).toMatch(scanRefusal.detail);
    expect(await popup.$eval('#notice', (region) => region.getAttribute('role'))).toBe('alert');
    await closePopup(popup);
  });

  it('a permission request outside a real click fails: the switch stays off and the popup says so', async () => {
    const tabId = await driver.openTab(unlistedUrl());
    const popup = await driver.popup(tabId);
    await rendered(popup);
    await eventually(async () => ((await popupState(popup)).disabled ? undefined : true), 'the switch to show the permission');
    // A click from script is not the reader's: the browser refuses to ask.
    await driver.clickWithoutGesture(popup);
    const state = await eventually(async () => {
      const shown = await popupState(popup);
      return shown.notice === '' ? undefined : shown;
    }, 'the alert');
    expect(state.checked).toBe(false);
    expect(state.notice.startsWith(en.popupEverywhereFailed.message)).toBe(true);
    expect(await valueIn(await driver.extension(), `api.permissions.contains({ origins: ['*://*/*'] })`)).toBe(false);
    expect(await registered()).toEqual([]);
    await closePopup(popup);
  });

  it('a real click grants all sites: the script is registered and runs on an unlisted host; off withdraws it', async () => {
    await driver.allowPermissionPrompt();
    const before = await driver.openTab(unlistedUrl());
    await loaded(before);
    expect((await pageStatus(before)).ok).toBe(false); // no content script outside the list

    const popup = await driver.popup(before);
    await rendered(popup);
    await eventually(async () => ((await popupState(popup)).disabled ? undefined : true), 'the switch to show the permission');
    expect((await popupState(popup)).checked).toBe(false);
    await popup.click('#everywhere');
    await eventually(async () => ((await popupState(popup)).checked ? true : undefined), 'the switch on');
    expect((await popupState(popup)).notice).toBe('');

    const [script] = (await eventually(async () => {
      const scripts = await registered();
      return scripts.length > 0 ? scripts : undefined;
    }, 'the all-sites script registered')) as Record<string, unknown>[];
    expect(script).toMatchObject({ id: 'isnad-everywhere', matches: ['*://*/*'], js: ['detector.js'] });
    expect((script?.css as unknown[] | undefined) ?? []).toEqual([]);

    const after = await driver.openTab(unlistedUrl());
    // The detector answers as soon as it runs; the article is found once the background has read its keys.
    const answer = await eventually(async () => {
      const status = await pageStatus(after);
      return status.ok && ((status.value as { found?: unknown[] } | undefined)?.found?.length ?? 0) > 0 ? status.value : undefined;
    }, 'the article found by the content script on the unlisted host');
    expect(answer).toMatchObject({ found: [{ articleId: article.id }] });
    // Opening a tab took the focus, which closes Chromium's popup.
    await closePopup(popup);

    // A popup opened again shows the permission as granted; a click turns it off.
    const again = await driver.popup(before);
    await rendered(again);
    expect(
      await eventually(async () => ((await popupState(again)).disabled ? undefined : (await popupState(again)).checked), 'the switch'),
    ).toBe(true);
    await again.click('#everywhere');
    await eventually(async () => ((await popupState(again)).checked ? undefined : true), 'the switch off');
    expect((await popupState(again)).notice).toBe('');
    await eventually(async () => ((await registered()).length === 0 ? true : undefined), 'the all-sites script unregistered');
    expect(await valueIn(await driver.extension(), `api.permissions.contains({ origins: ['*://*/*'] })`)).toBe(false);
    const off = await driver.openTab(unlistedUrl());
    await loaded(off);
    expect((await pageStatus(off)).ok).toBe(false);
    await closePopup(again);
  });
}

describeWithBrowser('All sites: Chromium', 'chromium', () => {
  everywhereSuite(
    async () => {
      const browser: Browser = await launchChromium({ extensionDir: chromeDir, loopbackHosts: [host] });
      const worker = await extensionWorker(browser);
      /** Puppeteer's page for each tab the test opened, by tab id, to bring it to the front under the popup. */
      const pages = new Map<number, Page>();
      return {
        extension: () => Promise.resolve(worker),
        openTab: async (url) => {
          // Opened by the extension, which learns its id; a fragment of its own tells puppeteer which tab it is.
          const unique = `${url}#tab-${pages.size}`;
          const id = (await valueIn(worker, `api.tabs.create({ url: ${JSON.stringify(unique)} }).then((tab) => tab.id)`)) as number;
          const target = await browser.waitForTarget(
            (candidate) => candidate.type() === TargetType.PAGE && candidate.url().endsWith(`#tab-${pages.size}`),
          );
          const page = await target.asPage();
          await page.waitForFunction(() => document.readyState === 'complete', { polling: 100 });
          pages.set(id, page);
          return id;
        },
        popup: async (tabId) => {
          const page = pages.get(tabId);
          if (page === undefined) throw new Error(`no page for tab ${tabId}`);
          return openChromiumPopup(browser, page);
        },
        clickWithoutGesture: async (popup) => {
          // Puppeteer's evaluate counts as a user gesture, and Chromium keeps one for 5 s: click once it has lapsed.
          await popup.evaluate(() => void setTimeout(() => document.getElementById('everywhere')?.click(), 5_500));
          await new Promise((resolve) => setTimeout(resolve, 6_000));
        },
        allowPermissionPrompt: async () => {
          // Headless Chromium cannot answer its permission prompt (the popup closes under it). Granting all sites
          // in chrome://extensions, as a reader can, lets the popup's request be granted without one.
          const page = await browser.newPage();
          try {
            await page.goto('chrome://extensions');
            const id = new URL(worker.url()).host;
            await page.evaluate((id) => chrome.developerPrivate.addHostPermission(id, '*://*/*'), id);
          } finally {
            await page.close();
          }
        },
        close: () => browser.close(),
      };
    },
    // Chromium hides a browser page's address from the extension, and names the refusal in its words.
    { url: () => 'chrome://version', message: en.popupScanBrowserPage.message },
  );
});

describeWithBrowser('All sites: Firefox ESR', 'firefox', () => {
  everywhereSuite(
    async () => {
      const geckoId = builtManifest(firefoxDir).browser_specific_settings.gecko.id;
      const { browser, origin } = await launchFirefox({
        extensionDir: firefoxDir,
        loopbackHosts: [host],
        geckoId,
        // Grant optional permissions asked for in a real click without showing the browser's prompt.
        prefs: { 'extensions.webextOptionalPermissionPrompts': false },
      });
      /** An extension page of its own, to call the extension API from. */
      const openExtensionPage = async (path: string): Promise<Page> => {
        const page = await browser.newPage();
        await page.setViewport({ width: 360, height: 600 });
        // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll instead of awaiting.
        void page.goto(`${origin}${path}`).catch(() => undefined);
        await rendered(page);
        return page;
      };
      const extension = await openExtensionPage('/popup/popup.html');
      return {
        extension: () => Promise.resolve(extension),
        openTab: async (url) =>
          (await valueIn(extension, `api.tabs.create({ url: ${JSON.stringify(url)}, active: false }).then((tab) => tab.id)`)) as number,
        // Firefox cannot open the toolbar popup from a test: the popup page in a tab, bound to the tab with ?tab=<id>.
        popup: (tabId) => openExtensionPage(`/popup/popup.html?tab=${tabId}`),
        clickWithoutGesture: async (popup) => {
          await popup.evaluate(() => document.getElementById('everywhere')?.click());
        },
        // The pref set at launch grants a request from a real click without the prompt.
        allowPermissionPrompt: () => Promise.resolve(),
        close: () => browser.close(),
      };
    },
    // Without the toolbar click there is no activeTab grant: the browser refuses the injection on an unlisted host.
    { url: unlistedUrl, message: en.popupScanRefused.message, detail: /Missing host permission/ },
  );
});
