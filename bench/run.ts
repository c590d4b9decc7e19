/**
 * `npm run bench`: what Isnad costs a reader's browser, how that grows with
 * the page, and how it compares with the floor and with the libraries a
 * page would otherwise use, side by side in one run. Writes
 * bench/results/latest.json (Chromium), latest-firefox.json, the charts,
 * and prints the tables and the targets.
 *
 * Options: --browser=chromium or --browser=firefox (default: both, where
 * installed); --sizes=50,1024 (only these page sizes, in KB); --quick (one
 * run of everything, to try the harness).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { loadArticles } from '../scripts/articles';
import { chromiumPath, firefoxPath, launchChromium, launchFirefox } from '../testkit/browsers';
import { sampleListedHost } from '../scripts/manifest';
import { distDir, projectRoot } from '../scripts/paths';
import { serve, type ServedPage } from '../testkit/serve';
import { bundleHarness } from './bundle';
import { measurePage, TOOLS, type Budget, type PagePlan } from './measure';
import { benchPage, type PageKind } from './pages';
import type { ToolName } from './protocol';
import {
  chart,
  growthTable,
  pageRecord,
  placementsTable,
  stagesTable,
  targetLines,
  targets,
  timesTable,
  type BrowserResults,
  type PageRecord,
} from './report';

const KB = 1024;
const MB = 1024 * KB;
const quick = process.argv.includes('--quick');
const chosen = process.argv.filter((arg) => arg.startsWith('--browser=')).map((arg) => arg.slice('--browser='.length));
const onlySizes = process.argv
  .find((arg) => arg.startsWith('--sizes='))
  ?.slice('--sizes='.length)
  .split(',')
  .map(Number);

/** Page sizes, runs per tool on each page, and runs of the stage profile. */
const SIZES = [
  { label: '50 KB', bytes: 50 * KB, reps: 7, stageReps: 3, extensionReps: 5 },
  { label: '200 KB', bytes: 200 * KB, reps: 5, stageReps: 3, extensionReps: 5 },
  { label: '1 MB', bytes: MB, reps: 5, stageReps: 3, extensionReps: 3 },
  { label: '4 MB', bytes: 4 * MB, reps: 3, stageReps: 3, extensionReps: 3 },
]
  .filter((size) => onlySizes === undefined || onlySizes.includes(size.bytes / KB))
  .map((size) => (quick ? { ...size, reps: 1, stageReps: 1, extensionReps: 1 } : size));
const KINDS: readonly PageKind[] = ['article', 'other'];
/** A tool's runs on one page stop once they add up to this (at least one run): the slow peers take up to half a minute a run on 4 MB pages. */
const BUDGET: Budget = { perToolPageMs: 6000 };
/** A tool whose run on the article page of a size took longer than this is not run on the other page of that size. */
const SLOW_RUN_MS = 10_000;
/** Heap readings (Chromium; each costs a layout of the page): the floor and Isnad on every page, every tool on the 1 MB article page. */
const heapTools = (bytes: number, kind: PageKind): ToolName[] => (bytes === MB && kind === 'article' ? [...TOOLS] : ['floor', 'isnad']);

const resultsDir = join(projectRoot, 'bench', 'results');
const say = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

/** The commit the engine was measured at, and whether src/ had changes not yet committed. */
function engineVersion(): BrowserResults['engine'] {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', srcModified: git('status', '--porcelain', '--', 'src') !== '' };
}

async function contentScriptSize(): Promise<BrowserResults['contentScript']> {
  const code = readFileSync(join(distDir, 'chrome', 'content.js'), 'utf8');
  const minified = await esbuild.transform(code, { minify: true, loader: 'js', charset: 'utf8', legalComments: 'none' });
  return {
    bytes: Buffer.byteLength(code),
    minBytes: Buffer.byteLength(minified.code),
    gzipBytes: gzipSync(Buffer.from(minified.code), { level: 9 }).length,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  // The engine measured is the one built now, whatever is committed while the bench runs.
  const engine = engineVersion();
  const article = loadArticles()[0];
  if (article === undefined) throw new Error('no article file');
  const manifest = JSON.parse(readFileSync(join(distDir, 'chrome', 'manifest.json'), 'utf8')) as Parameters<typeof sampleListedHost>[0];
  const host = sampleListedHost(manifest);
  const geckoId = (
    JSON.parse(readFileSync(join(distDir, 'firefox', 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }
  ).browser_specific_settings.gecko.id;

  // Cross-origin isolation gives the bench pages fine-grained timers (5 µs in Chromium instead of 100 µs).
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const served = new Map<string, ServedPage>([
    ['/bench/harness.js', { html: await bundleHarness(), headers: { ...isolated, 'content-type': 'text/javascript; charset=utf-8' } }],
  ]);
  for (const [index, size] of SIZES.entries()) {
    for (const kind of KINDS) {
      const options = { article, kind, targetBytes: size.bytes, seed: 0x15_0ad + index };
      served.set(`/bench/${size.bytes}/${kind}`, { html: benchPage({ ...options, harness: '/bench/harness.js' }).html, headers: isolated });
      if (kind === 'article') served.set(`/news/${size.bytes}`, { html: benchPage(options).html });
    }
  }
  const server = await serve(served);
  const contentScript = await contentScriptSize();
  // Other work on the machine skews every figure: say so.
  const loadAtStart = loadavg()[0] ?? 0;
  if (loadAtStart > 1) say(`note: the machine's load average is ${loadAtStart.toFixed(1)} (other work running): figures will be noisy`);
  say(`content script: ${contentScript.bytes} bytes, ${contentScript.minBytes} minified, ${contentScript.gzipBytes} gzipped`);

  const browsers = (chosen.length > 0 ? chosen : ['chromium', 'firefox']).filter((name) => {
    const present = (name === 'chromium' ? chromiumPath() : firefoxPath()) !== undefined;
    if (!present) say(`${name}: not installed, skipped (sudo apt-get install -y chromium firefox-esr)`);
    return present;
  });
  mkdirSync(resultsDir, { recursive: true });
  try {
    for (const name of browsers) {
      try {
        await runBrowser(name as 'chromium' | 'firefox', { article, host, geckoId, port: server.port, contentScript, loadAtStart, engine });
      } catch (error) {
        say(`${name}: the bench could not run there: ${(error as Error).message}`);
      }
    }
  } finally {
    await server.close();
  }
  say(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface Context {
  readonly article: NonNullable<ReturnType<typeof loadArticles>[number]>;
  readonly host: string;
  readonly geckoId: string;
  readonly port: number;
  readonly contentScript: BrowserResults['contentScript'];
  readonly loadAtStart: number;
  readonly engine: BrowserResults['engine'];
}

async function runBrowser(name: 'chromium' | 'firefox', context: Context): Promise<void> {
  const browserStarted = Date.now();
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession | undefined;
  if (name === 'chromium') {
    // The debug switch makes the extension record its own isnad:annotate measure.
    browser = await launchChromium({ extensionDir: join(distDir, 'chrome'), loopbackHosts: [context.host], debugSwitch: true });
    page = await browser.newPage();
    cdp = await page.createCDPSession();
  } else {
    // Full timer precision: Firefox rounds performance.now() otherwise.
    ({ browser } = await launchFirefox({
      extensionDir: join(distDir, 'firefox'),
      loopbackHosts: [context.host],
      geckoId: context.geckoId,
      debugSwitch: true,
      prefs: { 'privacy.reduceTimerPrecision': false },
    }));
    const [first] = await browser.pages();
    page = first ?? (await browser.newPage());
  }
  await page.setViewport({ width: 1280, height: 900 });
  const version = await browser.version();
  say(`\n${version}: measuring…`);
  const pages: PageRecord[] = [];
  try {
    for (const size of SIZES) {
      const slow = new Set<ToolName>();
      for (const kind of KINDS) {
        const plan: PagePlan = {
          label: size.label,
          kind,
          benchUrl: `http://127.0.0.1:${context.port}/bench/${size.bytes}/${kind}`,
          ...(kind === 'article' ? { extensionUrl: `http://${context.host}:${context.port}/news/${size.bytes}` } : {}),
          reps: size.reps,
          stageReps: size.stageReps,
          extensionReps: size.extensionReps,
          heapTools: heapTools(size.bytes, kind),
          skip: new Set(slow),
        };
        const measured = await measurePage(page, cdp, plan, context.article, BUDGET);
        for (const [tool, runs] of Object.entries(measured.tools)) if (Math.min(...runs.ms) > SLOW_RUN_MS) slow.add(tool as ToolName);
        pages.push(pageRecord(size.label, kind, measured, [...plan.skip]));
      }
    }
  } finally {
    await browser.close();
  }

  const list = targets(pages, context.contentScript.gzipBytes);
  const results: BrowserResults = {
    browser: version,
    generatedAt: new Date().toISOString(),
    engine: context.engine,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: context.loadAtStart },
    pages,
    contentScript: context.contentScript,
    growth: growthTable(pages),
    targets: list,
    notes: [
      'Times are medians. Before each run the page body is rebuilt from the HTML it was served with and its style computed; the harness stays loaded, so most runs are of warm code.',
      'isnadMs: the content script’s own scan (Annotator.scan: scanPage, ranges, CSS.highlights) run in the page. extensionMs: the built extension’s own isnad:annotate measure, the first scan after a fresh load of the page under a listed host. rescanMs: after a scan, judging a change that adds about 1 KB of text outside the story. retainedHeapBytes: V8 heap growth after annotating, after a forced GC (Chromium).',
      `Runs per page: ${SIZES.map((size) => `${size.label} ${size.reps} (the extension ${size.extensionReps})`).join(', ')}; a tool’s runs on one page stop once they add up to ${BUDGET.perToolPageMs / 1000} s (the count is in pages[].runs), and a tool whose run on the article page took over ${SLOW_RUN_MS / 1000} s is not run on the other page of that size (pages[].skipped).`,
      'placed: quotes (of 12) placed in the story element with exactly their text, compared after Isnad’s normalisation; wrong: quotes placed anywhere else, with other text, or more than once.',
      name === 'firefox'
        ? 'Heap growth is not measured in Firefox (no CDP there).'
        : 'heap: growth after annotating, each reading after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage).',
    ],
  };
  const suffix = name === 'chromium' ? '' : `-${name}`;
  writeFileSync(join(resultsDir, `latest${suffix}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, `chart${suffix}.svg`), chart(results));
  printResults(results);
  say(
    `\n${version}: ${((Date.now() - browserStarted) / 1000).toFixed(0)} s; wrote bench/results/latest${suffix}.json and chart${suffix}.svg`,
  );
}

function printResults(results: BrowserResults): void {
  const { engine } = results;
  say(
    `\n${results.browser}, engine at ${engine.commit}${engine.srcModified ? ' with src/ modified' : ''} — time per page (median ms; "first": Isnad's first, cold run on the page load), and each tool against Isnad`,
  );
  say(timesTable(results.pages));
  say(`\nplaced correctly: quotes of 12 · claims of 9 (+n✗: placed wrong)`);
  say(placementsTable(results.pages));
  say(`\ngrowth exponent, 50 KB → 4 MB (1 = linear):`);
  for (const kind of ['article', 'other'] as const) {
    say(
      `  ${kind}: ${Object.entries(results.growth[kind])
        .map(([tool, value]) => `${tool} ${value.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  say(
    `\nIsnad's stages (scanPage, median ms of the stage runs: native text, pre-check, locating the probes' clusters, reading them with styles, normalise + detect + anchor, DOM ranges; "read chars": visible text read of the page's native text; "rescan": judging a 1 KB change after the scan)`,
  );
  say(stagesTable(results.pages));
  const heap = results.pages.filter((page) => Object.keys(page.heap).length > 0);
  if (heap.length > 0) {
    say(
      '\nJS heap growth after annotating (KB, after a forced GC: what the run keeps alive; "RegExp state": of it, the last string a regex ran on, which RegExp keeps until another regex runs):',
    );
    for (const page of heap) {
      const cells = Object.entries(page.heap).map(
        ([tool, growth]) =>
          `${tool} ${(growth.jsBytes / 1024).toFixed(0)}${growth.regexpBytes > 64 * 1024 ? ` (RegExp state ${(growth.regexpBytes / 1024).toFixed(0)})` : ''}`,
      );
      say(`  ${page.size} ${page.kind}: ${cells.join(', ')}`);
    }
  }
  const { contentScript } = results;
  say(
    `\ncontent script: ${(contentScript.bytes / 1024).toFixed(1)} KB as built, ${(contentScript.minBytes / 1024).toFixed(1)} KB minified, ${(contentScript.gzipBytes / 1024).toFixed(1)} KB gzipped`,
  );
  say('\ntargets:');
  say(targetLines(results.targets));
}

await main();
