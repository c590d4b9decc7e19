/**
 * What a reader pays per page load, cold: the built extension (without the
 * debug switch) on fresh tabs of a bench page served under a listed news
 * host, the same page under an unlisted host as the control, and the cold
 * floor. This module holds what both browsers share and Chromium's way of
 * measuring: a trace of each load, from before navigation until the tab's
 * main thread has been quiet for a while.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../testkit/browsers';
import { eventually } from '../testkit/eventually';
import type { PageKind } from './pages';
import { markedWindow, pageMainThread, SCRIPT_CATEGORIES, scriptTime } from './trace';
import { endTrace, markTrace, startTrace } from './tracing';

/** One page of the cold table, and where each of its variants is served. `load` makes each load's URL its own. */
export interface ColdPlan {
  readonly label: string;
  readonly kind: PageKind;
  /** UTF-8 bytes of the page's text, as generated. */
  readonly textBytes: number;
  /** The page under a listed news host: the extension runs there. */
  readonly listedUrl: (load: number) => string;
  /** The same page under a host the extension does not list: whatever is counted there is not the extension's. */
  readonly controlUrl: (load: number) => string;
  /** The same page with the floor's script in it, on an unlisted host. */
  readonly floorUrl: (load: number) => string;
}

/** One fresh load, as measured. */
export interface ColdLoad {
  /** The extension's main-thread time on the load, ms. */
  readonly ms: number;
  /** How long the counted work had been over when the measuring window closed, ms. */
  readonly quietMs: number;
  /** The renderer (content) process that loaded the page. */
  readonly process: number | string;
  /** Quotes and claims the page could read as painted after the load (`isnad-` highlights' sizes). */
  readonly quotes: number;
  readonly claims: number;
}

export interface ColdRuns {
  readonly plan: ColdPlan;
  readonly extension: ColdLoad[];
  readonly control: ColdLoad[];
  /** The cold floor of each fresh load, ms. */
  readonly floor: number[];
}

/** The window closes once the counted work has been over this long: the scans run at document_idle, and what the background injects after them comes a little later. */
export const QUIET_MS = 1500;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The cold floor, in the page's own world: one TreeWalker pass collecting the text of every text node of the body,
 * timed with performance.now() around it, once the page has loaded (as the content script starts at document_idle).
 * Its compiling and the call into it are outside the clock.
 */
export const FLOOR_SCRIPT = `addEventListener('load', () => setTimeout(() => {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.data);
  const text = parts.join('');
  window.benchFloor = { ms: performance.now() - started, chars: text.length };
}));`;

/** A page's HTML with the floor's script in its head (the body, and so its text, stays as it is). */
export const withFloorScript = (html: string): string => html.replace('</head>', `<script>${FLOOR_SCRIPT}</script>\n</head>`);

/** What the page world sees painted: the sizes of the `isnad-quote-*` highlights, and of `isnad-claim`. */
export function paintedCounts(page: Page): Promise<{ quotes: number; claims: number }> {
  return page.evaluate(() => {
    let quotes = 0;
    let claims = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('isnad-quote-')) quotes += highlight.size;
      else if (name === 'isnad-claim') claims += highlight.size;
    }
    return { quotes, claims };
  });
}

/** The floor's time on a fresh load of its page, in a new tab. */
export async function floorLoad(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await eventually(
      () => page.evaluate(() => (globalThis as { benchFloor?: { ms: number } }).benchFloor?.ms),
      `the floor on ${url}`,
      60_000,
    );
  } finally {
    await page.close();
  }
}

/** Waits after the load event, growing when the tab was still busy at the end of the window; bounded. */
const SETTLE_MS = [2500, 6000, 15_000] as const;

/**
 * One fresh load in a new tab, traced from just before navigation until `settle` ms after the load event (both ends
 * marked in the trace); then what the page can see painted. Every script event on the tab's renderer main thread in
 * that window counts.
 */
async function tracedLoad(browser: Browser, url: string, settle: number): Promise<ColdLoad> {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await startTrace(cdp, SCRIPT_CATEGORIES);
    await markTrace(cdp, 'navigation');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(settle);
    await markTrace(cdp, 'end');
    const events = await endTrace(cdp);
    const thread = pageMainThread(events, url);
    if (thread === undefined) throw new Error(`no main thread parsed ${url} in the trace`);
    const time = scriptTime(events, thread, markedWindow(events, 'navigation', 'end'));
    return { ms: time.ms, quietMs: time.quietMs, process: thread.pid, ...(await paintedCounts(page)) };
  } finally {
    await page.close();
  }
}

/** A traced load, redone with a longer wait (a fresh load again) while the thread was busy at the end of the window. */
async function settledLoad(browser: Browser, url: string): Promise<ColdLoad> {
  let load: ColdLoad | undefined;
  for (const settle of SETTLE_MS) {
    load = await tracedLoad(browser, url, settle);
    if (load.quietMs >= QUIET_MS) return load;
  }
  if (load === undefined) throw new Error('no settle time');
  return load; // still busy after the longest wait: kept, and counted as unsettled in the report
}

export interface ColdOptions {
  readonly extensionDir: string;
  readonly host: string;
  readonly reps: number;
  readonly say: (text: string) => void;
}

/** Lets a browser just started finish its own start-up work (the launch closed the extension's welcome tab). */
export async function quietStart(): Promise<void> {
  await sleep(3000);
}

/** Measures the cold loads of every plan in one Chromium, then runs `after` (the background's start) in it. */
export async function coldChromium<T>(
  plans: readonly ColdPlan[],
  options: ColdOptions,
  after: (browser: Browser) => Promise<T>,
): Promise<{ browser: string; runs: ColdRuns[]; after: T }> {
  // No debug switch: the extension as a reader has it, leaving no performance entries.
  const browser = await launchChromium({ extensionDir: options.extensionDir, loopbackHosts: [options.host] });
  try {
    const version = await browser.version();
    await quietStart();
    const first = plans[0];
    // The browser's first load of a site pays for what the browser sets up once (network, caches): not counted.
    if (first !== undefined) {
      await tracedLoad(browser, first.listedUrl(0), 500);
      await tracedLoad(browser, first.controlUrl(0), 500);
    }
    const runs: ColdRuns[] = [];
    let load = 1;
    for (const plan of plans) {
      const run: ColdRuns = { plan, extension: [], control: [], floor: [] };
      for (let rep = 0; rep < options.reps; rep += 1, load += 1) {
        run.extension.push(await settledLoad(browser, plan.listedUrl(load)));
        run.control.push(await settledLoad(browser, plan.controlUrl(load)));
        run.floor.push(await floorLoad(browser, plan.floorUrl(load)));
      }
      options.say(progressLine(run));
      runs.push(run);
    }
    return { browser: version, runs, after: await after(browser) };
  } finally {
    await browser.close();
  }
}

export function progressLine(run: ColdRuns): string {
  const list = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(' ');
  return `  ${run.plan.label} ${run.plan.kind}: extension ${list(run.extension.map((load) => load.ms))} ms; control ${list(run.control.map((load) => load.ms))}; floor ${list(run.floor)}`;
}
