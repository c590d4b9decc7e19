/**
 * The background's start in Chromium: the extension's service worker
 * stopped, then started again, traced. A reader's browser stops an idle
 * worker after 30 s and starts it for the next event (a listed page's
 * message, a click on the toolbar button), so this is paid again and again:
 * with the extension's process still running when one of its pages is
 * open, and with that process to launch first when none is.
 */
import type { Browser, CDPSession } from 'puppeteer-core';
import { extensionWorker } from '../testkit/browsers';
import { eventually } from '../testkit/eventually';
import { median } from './measure';
import { serviceWorkerStart, SCRIPT_CATEGORIES, type WorkerStart } from './trace';
import { endTrace, startTrace } from './tracing';

export interface BackgroundStart {
  /** In a running extension process, medians: the start to the worker reported started, and the worker thread's script in it. */
  readonly startToReadyMs: number;
  readonly evaluationMs: number;
  /** Median start to ready when the extension's process had to be launched first (no page of the extension open). */
  readonly withProcessLaunchMs: number;
  readonly runs: { readonly live: WorkerStart; readonly launched: WorkerStart }[];
}

/** Runs of the worker's start, alternating the two cases. */
export async function backgroundStart(browser: Browser, reps: number): Promise<BackgroundStart> {
  const worker = await extensionWorker(browser);
  const scriptUrl = worker.url();
  const page = await browser.newPage();
  // A worker restarted while a DevTools session is attached waits for that session to let it run: detach the
  // launcher's, and let targets started from now on run at once (the launcher's auto-attach, without the wait), so
  // that no round trip to this process is timed.
  await worker.client.detach();
  await (await browser.target().createCDPSession()).connection()?.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: true,
    filter: [{ type: 'page', exclude: true }, {}],
  });
  try {
    const cdp = await page.createCDPSession();
    let status = '';
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      const version = event.versions.find((each) => each.scriptURL === scriptUrl);
      if (version !== undefined) status = version.runningStatus;
    });
    await cdp.send('ServiceWorker.enable');
    const reached = (wanted: string): Promise<true> =>
      eventually(() => Promise.resolve(status === wanted ? true : undefined), `the service worker ${wanted}`);
    const once = async (settle: number): Promise<WorkerStart> => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await reached('stopped');
      await new Promise((resolve) => setTimeout(resolve, settle));
      return tracedStart(cdp, scriptUrl, () => reached('running'));
    };
    const runs: BackgroundStart['runs'][number][] = [];
    for (let rep = 0; rep < reps; rep += 1) {
      // No page of the extension open: once its worker stops, the browser ends the extension's process.
      const launched = await once(2000);
      // A page of the extension's origin (its manifest, which every extension has) keeps the process running.
      const keeper = await browser.newPage();
      await keeper.goto(new URL('/manifest.json', scriptUrl).href);
      const live = await once(500);
      await keeper.close();
      runs.push({ live, launched });
    }
    const evaluations = runs.map((run) => run.live.evaluationMs).filter((ms): ms is number => ms !== null);
    return {
      startToReadyMs: median(runs.map((run) => run.live.startToReadyMs)),
      evaluationMs: median(evaluations),
      withProcessLaunchMs: median(runs.map((run) => run.launched.startToReadyMs)),
      runs,
    };
  } finally {
    await page.close();
  }
}

async function tracedStart(cdp: CDPSession, scriptUrl: string, running: () => Promise<unknown>): Promise<WorkerStart> {
  await startTrace(cdp, [...SCRIPT_CATEGORIES, 'ServiceWorker']);
  await cdp.send('ServiceWorker.startWorker', { scopeURL: new URL('/', scriptUrl).href });
  await running();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const start = serviceWorkerStart(await endTrace(cdp), scriptUrl);
  if (start === undefined) throw new Error('the trace holds no complete start of the service worker');
  return start;
}
