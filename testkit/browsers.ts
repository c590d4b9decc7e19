/// <reference types="chrome" />
/**
 * Starting the browsers with the built extension loaded, for the demo and
 * the browser tests. Uses the machine's Chromium and Firefox ESR (puppeteer's
 * own browser downloads are not used).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type LaunchOptions, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { WELCOME_PAGE } from '../src/background/welcome';
import { eventually } from './eventually';

export const installHint = 'install them with: sudo apt-get install -y chromium firefox-esr chromium-l10n firefox-esr-l10n-ar';

const chromiumCandidates = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium', // Debian's real binary (/usr/bin/chromium is a wrapper script)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const firefoxCandidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

const firstExisting = (candidates: readonly (string | undefined)[]): string | undefined =>
  candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

export const chromiumPath = (): string | undefined => firstExisting(chromiumCandidates);
export const firefoxPath = (): string | undefined => firstExisting(firefoxCandidates);

/** Host names served from this machine instead of the network, so that the manifest's site list applies to local pages. */
export interface LaunchSettings {
  readonly extensionDir: string;
  readonly loopbackHosts: readonly string[];
  readonly headless?: boolean;
  readonly lang?: string;
  /** A profile folder to keep between launches; a fresh temporary one otherwise. */
  readonly userDataDir?: string;
  /**
   * Turns on the extension's debug switch (src/shared/debug.ts) before the launch returns, so before any page the
   * caller loads (in a fresh Firefox profile, from the install's welcome tab, which is open by then): the content
   * script then leaves performance entries and an open tooltip shadow root, which the benchmark and the tests read.
   */
  readonly debugSwitch?: boolean;
  /** Environment variables added to the browser's (the benchmark starts Firefox's profiler this way). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The welcome tab the extension opens when it is installed into a fresh profile. The launch waits for it, so that
   * it cannot come to the front later, over a tab in use, where a background tab gets no animation frames; then
   * closes it, unless 'keep'.
   */
  readonly welcomeTab?: 'close' | 'keep';
}

/** The tabs showing the extension's welcome page, by the address each page reports itself (Firefox's BiDi does not update a tab's URL for moz-extension pages). */
export async function welcomeTabs(browser: Browser): Promise<Page[]> {
  const pages = await browser.pages();
  const addresses = await Promise.all(pages.map((page) => page.evaluate(() => location.href).catch(() => page.url())));
  return pages.filter((_, at) => addresses[at]?.endsWith(`/${WELCOME_PAGE}`));
}

/**
 * Waits for the welcome tab of an install (a browser starting on a busy machine may take a while), runs `before`
 * in it (an extension page), and closes it unless asked to keep it.
 */
async function settleWelcome(browser: Browser, settings: LaunchSettings, before?: (tab: Page) => Promise<unknown>): Promise<void> {
  const [tab] = await eventually(
    async () => {
      const tabs = await welcomeTabs(browser);
      return tabs.length > 0 ? tabs : undefined;
    },
    'the welcome tab of the install',
    30_000,
  );
  if (tab !== undefined) await before?.(tab);
  if (settings.welcomeTab !== 'keep') await tab?.close();
}

/** Whether the extension is installed afresh at this launch: a new profile, or an empty folder for one. */
const freshProfile = (userDataDir: string | undefined): boolean =>
  userDataDir === undefined || !existsSync(userDataDir) || readdirSync(userDataDir).length === 0;

/** The debug switch's storage entry, set from an extension page or the service worker. */
const DEBUG_SWITCH_ON = 'globalThis.chrome.storage.local.set({ debug: true }).then(() => true)';

export async function launchChromium(settings: LaunchSettings): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error(`Chromium not found; ${installHint}`);
  const isRoot = process.getuid?.() === 0;
  const options: LaunchOptions = {
    executablePath,
    headless: settings.headless ?? true,
    pipe: true,
    enableExtensions: [settings.extensionDir],
    defaultViewport: { width: 1200, height: 900 },
    ...(settings.userDataDir === undefined ? {} : { userDataDir: settings.userDataDir }),
    args: [
      ...(isRoot ? ['--no-sandbox'] : []), // Chromium refuses to start sandboxed as root.
      // Keep the browser off the network: these services would call home.
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=${settings.loopbackHosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
      `--lang=${settings.lang ?? 'en'}`,
    ],
    // On Linux the UI language comes from the environment (and needs Debian's chromium-l10n for Arabic).
    env: { ...process.env, LANGUAGE: settings.lang ?? 'en', ...settings.env },
  };
  const fresh = freshProfile(settings.userDataDir);
  const browser = await puppeteer.launch(options);
  const worker = await extensionReady(browser);
  if (settings.debugSwitch === true) await worker.evaluate(DEBUG_SWITCH_ON);
  if (fresh) await settleWelcome(browser, settings);
  return browser;
}

/**
 * The extension's service worker once its extension API is bound. Chromium loads an unpacked extension while the
 * browser starts: a page opened before then gets no content script, and a worker just started may have no
 * `chrome` yet. Asked again, on the worker as it is then, for up to 10 s.
 */
function extensionReady(browser: Browser): Promise<WebWorker> {
  return eventually(async () => {
    const worker = await extensionWorker(browser);
    return (await worker.evaluate(() => 'storage' in globalThis.chrome)) ? worker : undefined;
  }, "the extension service worker's API");
}

export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** The extension's moz-extension:// origin. */
  readonly origin: string;
}

/** Firefox's extension origin is random unless pinned; pinning it lets a test open the extension's pages. */
const firefoxExtensionUuid = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/**
 * A Firefox profile that has started once, made the first time it is asked for on this machine (for this Firefox)
 * and kept in the temporary folder. Firefox fills a new profile at its first start, which takes over a second of
 * each launch; a copy of a filled one starts without it, and is as fresh: it has no extension and no site data.
 */
async function firefoxProfileTemplate(executablePath: string): Promise<string> {
  const template = join(tmpdir(), `isnad-firefox-profile-${Math.round(statSync(executablePath).mtimeMs)}`);
  if (existsSync(template)) return template;
  const made = mkdtempSync(`${template}-`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, userDataDir: made });
  await browser.close();
  try {
    renameSync(made, template);
  } catch {
    rmSync(made, { recursive: true, force: true }); // another launch made it meanwhile
  }
  return template;
}

/** A fresh profile for one launch: a copy of the template, removed once the browser is gone. */
async function freshFirefoxProfile(executablePath: string): Promise<string> {
  const template = await firefoxProfileTemplate(executablePath);
  const profile = mkdtempSync(join(tmpdir(), 'isnad-firefox-'));
  cpSync(template, profile, { recursive: true });
  return profile;
}

export async function launchFirefox(
  settings: LaunchSettings & { readonly geckoId: string; readonly prefs?: Record<string, unknown> },
): Promise<FirefoxWithExtension> {
  const executablePath = firefoxPath();
  if (executablePath === undefined) throw new Error(`Firefox not found; ${installHint}`);
  const ownProfile = settings.userDataDir === undefined;
  const fresh = freshProfile(settings.userDataDir);
  const userDataDir = settings.userDataDir ?? (await freshFirefoxProfile(executablePath));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    userDataDir,
    headless: settings.headless ?? true,
    ...(settings.env === undefined ? {} : { env: { ...process.env, ...settings.env } }),
    args: ['--remote-allow-system-access'], // needed to open moz-extension:// pages over WebDriver BiDi
    extraPrefsFirefox: {
      // An extension whose manifest Firefox warns about is refused, not installed with a warning.
      'extensions.webextensions.warnings-as-errors': true,
      'extensions.webextensions.uuids': JSON.stringify({ [settings.geckoId]: firefoxExtensionUuid }),
      'network.dns.localDomains': settings.loopbackHosts.join(','),
      // Some listed news hosts are HSTS-preloaded: keep them on plain http for the local server.
      'network.stricttransportsecurity.preloadlist': false,
      'dom.security.https_first': false,
      // Arabic needs Debian's firefox-esr-l10n-ar language pack.
      'intl.locale.requested': settings.lang ?? 'en-US',
      ...settings.prefs,
    },
  });
  // Once the browser's process has exited: before, it may still be writing there.
  if (ownProfile) browser.process()?.once('exit', () => rmSync(userDataDir, { recursive: true, force: true }));
  const origin = `moz-extension://${firefoxExtensionUuid}`;
  try {
    await browser.installExtension(settings.extensionDir);
    // The welcome tab of a fresh install is an extension page already open: the debug switch is set there.
    const setDebugIn = (tab: Page): Promise<unknown> =>
      eventually(() => tab.evaluate(DEBUG_SWITCH_ON), 'the debug switch, from the welcome tab');
    if (fresh) await settleWelcome(browser, settings, settings.debugSwitch === true ? setDebugIn : undefined);
    else if (settings.debugSwitch === true) await inExtensionPage(browser, origin, DEBUG_SWITCH_ON);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin };
}

/** Evaluates `expression` (a promise of a value other than undefined) in a page of Firefox's extension, opened for it. */
export async function inExtensionPage(browser: Browser, origin: string, expression: string): Promise<unknown> {
  const page = await browser.newPage();
  try {
    // Firefox over WebDriver BiDi never reports the load of a moz-extension:// page: poll until it answers.
    void page.goto(`${origin}/popup/popup.html`).catch(() => undefined);
    return await eventually(
      () => page.evaluate(`location.protocol === 'moz-extension:' ? (${expression}) : undefined`),
      `the extension page to answer ${expression}`,
    );
  } finally {
    await page.close();
  }
}

/** The extension's service worker in Chromium. */
export async function extensionWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (candidate) => candidate.type() === TargetType.SERVICE_WORKER && candidate.url().startsWith('chrome-extension://'),
  );
  const worker = await target.worker();
  if (worker === null) throw new Error('the extension has no service worker');
  return worker;
}

/**
 * Chromium's real popup, bound to `tab`, as a click on the toolbar button opens it. Opened again (twice at most)
 * where Chromium gave it no messages: just after a launch on a busy machine, a popup once found
 * chrome.i18n.getMessage answering '' to every name, so that it had no direction and no labels, which nothing
 * the popup does could mend.
 */
export async function openChromiumPopup(browser: Browser, tab: Page): Promise<Page> {
  let closed: Target | undefined;
  for (let attempt = 1; ; attempt += 1) {
    await tab.bringToFront();
    await (await extensionWorker(browser)).evaluate(() => chrome.action.openPopup());
    const target = await browser.waitForTarget((candidate) => candidate !== closed && candidate.url().endsWith('/popup/popup.html'));
    const popup = await target.asPage();
    if (attempt === 3 || (await popup.evaluate(() => chrome.i18n.getMessage('@@bidi_dir'))) !== '') return popup;
    closed = target;
    await popup.close();
  }
}
