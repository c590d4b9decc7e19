/**
 * Firefox's cold loads. Firefox has no trace of script events for a page;
 * its profiler, started with the browser (MOZ_PROFILER_STARTUP), samples
 * every process's main thread every millisecond with JS stacks, and writes
 * the profile when the browser quits (MOZ_PROFILER_SHUTDOWN). Each load's
 * figure is the sampled time of the stacks holding the extension's code or
 * Firefox's WebExtensions code on the main thread of the content process
 * that loaded the page, between the start of navigation and the end of the
 * wait after the load (bench/gecko.ts). One browser per page keeps each
 * profile small enough to be written before the launcher gives up on the
 * browser's exit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '../testkit/browsers';
import { eventually } from '../testkit/eventually';
import {
  floorLoad,
  paintedCounts,
  progressLine,
  quietStart,
  sleep,
  type ColdLoad,
  type ColdOptions,
  type ColdPlan,
  type ColdRuns,
} from './cold';
import { mainThreadOf, processOfPage, sampledTime, type EpochWindow, type GeckoProfile } from './gecko';

/** The profiler as started with the browser: main threads only, JS stacks, no stacks on markers (a smaller profile). */
const profilerEnv = (file: string): Record<string, string> => ({
  MOZ_PROFILER_STARTUP: '1',
  MOZ_PROFILER_SHUTDOWN: file,
  MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
  MOZ_PROFILER_STARTUP_FEATURES: 'js,nomarkerstacks',
  MOZ_PROFILER_STARTUP_INTERVAL: '1',
});

/** The wait after the load event; the profile is read only after the browser quits, so a busy end cannot be retried. */
const SETTLE_MS = 3000;

interface PendingLoad {
  readonly url: string;
  readonly window: EpochWindow;
  readonly quotes: number;
  readonly claims: number;
}

/** A fresh load in a new tab: its window on the wall clock (the profile's time base), and what was painted. */
async function windowedLoad(browser: Browser, url: string, settle = SETTLE_MS): Promise<PendingLoad> {
  const page: Page = await browser.newPage();
  try {
    const from = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await sleep(settle);
    const to = Date.now();
    return { url, window: { from, to }, ...(await paintedCounts(page)) };
  } finally {
    await page.close();
  }
}

function fromProfile(profile: GeckoProfile, load: PendingLoad): ColdLoad {
  const process = processOfPage(profile, load.url);
  const thread = process === undefined ? undefined : mainThreadOf(process);
  if (process === undefined || thread === undefined) throw new Error(`the profile has no content process that loaded ${load.url}`);
  const time = sampledTime(process, thread, load.window);
  return { ms: time.ms, quietMs: time.quietMs, process: thread.pid ?? 'unknown', quotes: load.quotes, claims: load.claims };
}

/** Waits for the profile written at shutdown to be complete (its size stops changing). */
async function writtenProfile(file: string): Promise<GeckoProfile> {
  let size = -1;
  await eventually(
    () => {
      const now = existsSync(file) ? statSync(file).size : -1;
      const stable = now > 0 && now === size;
      size = now;
      return Promise.resolve(stable ? true : undefined);
    },
    'Firefox to write its profile at shutdown',
    60_000,
  );
  return JSON.parse(readFileSync(file, 'utf8')) as GeckoProfile;
}

/** One profiled Firefox for one page: its loads with the extension, the control loads and the floor loads. */
async function coldFirefoxPage(plan: ColdPlan, options: FirefoxOptions): Promise<{ browser: string; run: ColdRuns }> {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-bench-profile-'));
  const file = join(dir, 'profile.json');
  try {
    const { browser } = await launchFirefox({
      extensionDir: options.extensionDir,
      loopbackHosts: [options.host],
      geckoId: options.geckoId,
      // Full timer precision for the floor: Firefox rounds performance.now() otherwise.
      prefs: { 'privacy.reduceTimerPrecision': false },
      env: profilerEnv(file),
    });
    let version = '';
    const pending: PendingLoad[] = [];
    const control: PendingLoad[] = [];
    const floor: number[] = [];
    try {
      version = await browser.version();
      await quietStart();
      // The browser's first load of a site pays for what the browser sets up once: not counted.
      await windowedLoad(browser, plan.listedUrl(0), 500);
      await windowedLoad(browser, plan.controlUrl(0), 500);
      for (let load = 1; load <= options.reps; load += 1) {
        pending.push(await windowedLoad(browser, plan.listedUrl(load)));
        control.push(await windowedLoad(browser, plan.controlUrl(load)));
        floor.push(await floorLoad(browser, plan.floorUrl(load)));
      }
    } finally {
      await browser.close();
    }
    const profile = await writtenProfile(file);
    const run: ColdRuns = {
      plan,
      extension: pending.map((load) => fromProfile(profile, load)),
      control: control.map((load) => fromProfile(profile, load)),
      floor,
    };
    options.say(progressLine(run));
    return { browser: version, run };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type FirefoxOptions = ColdOptions & { readonly geckoId: string };

export async function coldFirefox(plans: readonly ColdPlan[], options: FirefoxOptions): Promise<{ browser: string; runs: ColdRuns[] }> {
  const runs: ColdRuns[] = [];
  let browser = '';
  for (const plan of plans) {
    const measured = await coldFirefoxPage(plan, options);
    browser = measured.browser;
    runs.push(measured.run);
  }
  return { browser, runs };
}
