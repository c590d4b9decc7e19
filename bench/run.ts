/**
 * `npm run bench`: what Isnad costs a reader's browser. The headline is the
 * built extension's cost per page load, cold, against the cold floor
 * (bench/cold.ts); then the warm in-page runs of the engine against the
 * floor and the libraries a page would otherwise use. Writes
 * bench/results/latest.json (Chromium), latest-firefox.json, the charts,
 * and prints the tables and the targets.
 *
 * Options: --browser=chromium or --browser=firefox (default: both, where
 * installed); --sizes=50,1024 (only these page sizes, in KB); --quick (one
 * run or load of everything, to try the harness); --cold-only (the headline
 * alone, written to results/cold*.json); --catalogue N (a catalogue of N
 * synthetic articles built and measured instead of dist/, written to
 * results/catalogue-N*.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { loadArticles } from '../scripts/articles';
import { chromiumPath, firefoxPath, launchChromium, launchFirefox } from '../testkit/browsers';
import { sampleListedHost } from '../scripts/manifest';
import { distDir, projectRoot } from '../scripts/paths';
import { serve, type ServedPage } from '../testkit/serve';
import { backgroundStart } from './background';
import { bundleHarness } from './bundle';
import { buildCatalogue, catalogueScriptMissing, type CatalogueBuild } from './catalogue';
import { coldChromium, withFloorScript, type ColdPlan } from './cold';
import { coldFirefox } from './cold-firefox';
import { backgroundLine, coldPageRecord, coldTable, sizesLines, type ColdResults } from './cold-report';
import { measurePage, TOOLS, type Budget, type PagePlan } from './measure';
import { benchPage, type PageKind } from './pages';
import { folderBytes, packageSizes, type PackageSizes } from './sizes';
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
  type CatalogueRecord,
  type PageRecord,
} from './report';

const KB = 1024;
const MB = 1024 * KB;
const quick = process.argv.includes('--quick');
const coldOnly = process.argv.includes('--cold-only');
/** --catalogue N or --catalogue=N, as written (checked in main). */
const catalogueOption = ((): string | undefined => {
  const index = process.argv.findIndex((arg) => arg === '--catalogue' || arg.startsWith('--catalogue='));
  if (index < 0) return undefined;
  const arg = process.argv[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (process.argv[index + 1] ?? '');
})();
const catalogueArg = catalogueOption === undefined ? undefined : Number(catalogueOption);
const chosen = process.argv.filter((arg) => arg.startsWith('--browser=')).map((arg) => arg.slice('--browser='.length));
const onlySizes = process.argv
  .find((arg) => arg.startsWith('--sizes='))
  ?.slice('--sizes='.length)
  .split(',')
  .map(Number);

/** Page sizes, runs per tool on each page, runs of the stage profile, and fresh loads for the extension's measures. */
const SIZES = [
  { label: '50 KB', bytes: 50 * KB, reps: 7, stageReps: 3, extensionReps: 5 },
  { label: '200 KB', bytes: 200 * KB, reps: 5, stageReps: 3, extensionReps: 5 },
  { label: '1 MB', bytes: MB, reps: 5, stageReps: 3, extensionReps: 3 },
  { label: '4 MB', bytes: 4 * MB, reps: 3, stageReps: 3, extensionReps: 3 },
]
  .filter((size) => onlySizes === undefined || onlySizes.includes(size.bytes / KB))
  .map((size) => (quick ? { ...size, reps: 1, stageReps: 1, extensionReps: 1 } : size));
/** Fresh loads per page for the cold headline, each variant (with the extension, the control, the floor). */
const COLD_LOADS = quick ? 1 : 5;
/** Starts of the background's service worker, each case. */
const BACKGROUND_STARTS = quick ? 1 : 5;
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

/** The results file's name for this run: the full run's, the headline's alone, or a catalogue's. */
const resultsName = catalogueArg !== undefined ? `catalogue-${catalogueArg}` : coldOnly ? 'cold' : 'latest';

async function main(): Promise<void> {
  const started = Date.now();
  // Fail before any work when the catalogue cannot be made.
  const missing =
    catalogueArg === undefined
      ? undefined
      : !Number.isInteger(catalogueArg) || catalogueArg < 0
        ? `--catalogue takes a number of synthetic articles (e.g. --catalogue 10000), not "${catalogueOption ?? ''}"`
        : catalogueScriptMissing();
  if (missing !== undefined) {
    say(`bench: ${missing}`);
    process.exitCode = 1;
    return;
  }
  // The engine measured is the one built now, whatever is committed while the bench runs.
  const engine = engineVersion();
  const article = loadArticles()[0];
  if (article === undefined) throw new Error('no article file');
  let catalogue: CatalogueBuild | undefined;
  if (catalogueArg !== undefined) {
    say(`building a catalogue of ${catalogueArg} synthetic articles…`);
    try {
      catalogue = buildCatalogue(catalogueArg);
    } catch (error) {
      say(`bench: the catalogue could not be made: ${(error as Error).message.split('\n')[0] ?? ''}`);
      process.exitCode = 1;
      return;
    }
    say(
      `catalogue: ${catalogue.articles} articles, built in ${(catalogue.buildMs / 1000).toFixed(1)} s (the bundled articles alone: ${(catalogue.bundledBuildMs / 1000).toFixed(1)} s)`,
    );
  }
  try {
    await measureAll({ article, engine, catalogue, started });
  } finally {
    catalogue?.remove();
  }
}

async function measureAll(run: {
  article: Context['article'];
  engine: BrowserResults['engine'];
  catalogue: CatalogueBuild | undefined;
  started: number;
}): Promise<void> {
  const { article, engine, catalogue } = run;
  const extensionDirs = catalogue?.extensionDirs ?? { chrome: join(distDir, 'chrome'), firefox: join(distDir, 'firefox') };
  const manifest = JSON.parse(readFileSync(join(extensionDirs.chrome, 'manifest.json'), 'utf8')) as Parameters<typeof sampleListedHost>[0];
  const host = sampleListedHost(manifest);
  const geckoId = (
    JSON.parse(readFileSync(join(extensionDirs.firefox, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    }
  ).browser_specific_settings.gecko.id;

  // Cross-origin isolation gives the bench pages fine-grained timers (5 µs in Chromium instead of 100 µs).
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const served = new Map<string, ServedPage>();
  if (!coldOnly) {
    const harness = await bundleHarness(catalogue?.articlesDir);
    served.set('/bench/harness.js', { html: harness, headers: { ...isolated, 'content-type': 'text/javascript; charset=utf-8' } });
  }
  // Where each cold page is served; the port is known once the server listens.
  let port = 0;
  const coldPlans: ColdPlan[] = [];
  for (const [index, size] of SIZES.entries()) {
    for (const kind of KINDS) {
      const options = { article, kind, targetBytes: size.bytes, seed: 0x15_0ad + index };
      const page = benchPage(options);
      if (!coldOnly) {
        served.set(`/bench/${size.bytes}/${kind}`, {
          html: benchPage({ ...options, harness: '/bench/harness.js' }).html,
          headers: isolated,
        });
        if (kind === 'article') served.set(`/news/${size.bytes}`, { html: page.html });
      }
      // The cold pages: as a news site serves them, no script of their own; the floor's page carries the floor's script.
      const path = `/cold/${size.bytes}/${kind}`;
      served.set(path, { html: page.html });
      served.set(`/cold-floor/${size.bytes}/${kind}`, { html: withFloorScript(page.html), headers: isolated });
      coldPlans.push({
        label: size.label,
        kind,
        textBytes: page.textBytes,
        listedUrl: (load) => `http://${host}:${port}${path}?load=${load}`,
        controlUrl: (load) => `http://127.0.0.1:${port}${path}?load=${load}`,
        floorUrl: (load) => `http://127.0.0.1:${port}/cold-floor/${size.bytes}/${kind}?load=${load}`,
      });
    }
  }
  const server = await serve(served);
  port = server.port;
  const sizes = { chrome: await packageSizes(extensionDirs.chrome), firefox: await packageSizes(extensionDirs.firefox) };
  // Other work on the machine skews every figure: say so.
  const loadAtStart = loadavg()[0] ?? 0;
  if (loadAtStart > 1) say(`note: the machine's load average is ${loadAtStart.toFixed(1)} (other work running): figures will be noisy`);
  say(sizesLines(sizes.chrome));

  const browsers = (chosen.length > 0 ? chosen : ['chromium', 'firefox']).filter((name) => {
    const present = (name === 'chromium' ? chromiumPath() : firefoxPath()) !== undefined;
    if (!present) say(`${name}: not installed, skipped (sudo apt-get install -y chromium firefox-esr)`);
    return present;
  });
  mkdirSync(resultsDir, { recursive: true });
  try {
    for (const name of browsers) {
      const key = name === 'chromium' ? 'chrome' : 'firefox';
      try {
        await runBrowser(name as 'chromium' | 'firefox', {
          article,
          host,
          geckoId,
          port: server.port,
          extensionDir: extensionDirs[key],
          sizes: sizes[key],
          coldPlans,
          loadAtStart,
          engine,
          catalogue: catalogue === undefined ? undefined : catalogueRecord(catalogue, sizes[key], key),
        });
      } catch (error) {
        say(`${name}: the bench could not run there: ${(error as Error).message}`);
      }
    }
  } finally {
    await server.close();
  }
  say(`\nbench finished in ${((Date.now() - run.started) / 1000).toFixed(0)} s`);
}

/** The catalogue's figures for one browser's package, against the package of the bundled articles in dist/. */
function catalogueRecord(catalogue: CatalogueBuild, sizes: PackageSizes, key: 'chrome' | 'firefox'): CatalogueRecord {
  const bundledPackageBytes = (() => {
    try {
      return folderBytes(join(distDir, key));
    } catch {
      return Number.NaN; // dist/ not built
    }
  })();
  const bundledArticles = loadArticles().length;
  return {
    synthetic: catalogue.synthetic,
    articles: catalogue.articles,
    buildMs: catalogue.buildMs,
    bundledBuildMs: catalogue.bundledBuildMs,
    packageBytes: sizes.package.bytes,
    bundledPackageBytes,
    bytesPerArticle: sizes.package.bytes / catalogue.articles,
    addedBytesPerArticle: (sizes.package.bytes - bundledPackageBytes) / Math.max(1, catalogue.articles - bundledArticles),
  };
}

interface Context {
  readonly article: NonNullable<ReturnType<typeof loadArticles>[number]>;
  readonly host: string;
  readonly geckoId: string;
  readonly port: number;
  readonly extensionDir: string;
  readonly sizes: PackageSizes;
  readonly coldPlans: readonly ColdPlan[];
  readonly loadAtStart: number;
  readonly engine: BrowserResults['engine'];
  readonly catalogue: CatalogueRecord | undefined;
}

/** The headline in one browser: the cold loads (and, in Chromium, the background's start). */
async function measureCold(name: 'chromium' | 'firefox', context: Context): Promise<ColdResults> {
  say(`\n${name}: cold loads, ${COLD_LOADS} per page (a fresh tab each; the extension without the debug switch)…`);
  const options = { extensionDir: context.extensionDir, host: context.host, reps: COLD_LOADS, say };
  if (name === 'chromium') {
    const measured = await coldChromium(context.coldPlans, options, (browser) => backgroundStart(browser, BACKGROUND_STARTS));
    return {
      browser: measured.browser,
      measure:
        'Chromium: per load, the union of the script events (EvaluateScript, v8.compile, v8.run, v8.callFunction, RunMicrotasks, FunctionCall, TimerFire, FireIdleCallback) on the tab’s renderer main thread, traced from before navigation until the thread had been quiet for 1.5 s after the load.',
      loadsPerPage: COLD_LOADS,
      pages: measured.runs.map(coldPageRecord),
      background: measured.after,
    };
  }
  const measured = await coldFirefox(context.coldPlans, { ...options, geckoId: context.geckoId });
  return {
    browser: measured.browser,
    measure:
      'Firefox: per load, the sampled time (Gecko profiler, 1 ms, JS stacks) of the content process main thread’s stacks holding the extension’s scripts or Firefox’s WebExtensions code, from the start of navigation to 3 s after the load.',
    loadsPerPage: COLD_LOADS,
    pages: measured.runs.map(coldPageRecord),
    background: null,
  };
}

async function runBrowser(name: 'chromium' | 'firefox', context: Context): Promise<void> {
  const browserStarted = Date.now();
  const cold = await measureCold(name, context);
  const pages = coldOnly ? [] : await warmPages(name, context);
  const version = cold.browser;
  writeResults(name, context, version, cold, pages);
  say(`\n${version}: ${((Date.now() - browserStarted) / 1000).toFixed(0)} s`);
}

/** The warm in-page runs of every tool on every page, and the extension's own measure (with the debug switch). */
async function warmPages(name: 'chromium' | 'firefox', context: Context): Promise<PageRecord[]> {
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession | undefined;
  if (name === 'chromium') {
    // The debug switch makes the extension record its own isnad:annotate measure.
    browser = await launchChromium({ extensionDir: context.extensionDir, loopbackHosts: [context.host], debugSwitch: true });
    page = await browser.newPage();
    cdp = await page.createCDPSession();
  } else {
    // Full timer precision: Firefox rounds performance.now() otherwise.
    ({ browser } = await launchFirefox({
      extensionDir: context.extensionDir,
      loopbackHosts: [context.host],
      geckoId: context.geckoId,
      debugSwitch: true,
      prefs: { 'privacy.reduceTimerPrecision': false },
    }));
    const [first] = await browser.pages();
    page = first ?? (await browser.newPage());
  }
  await page.setViewport({ width: 1280, height: 900 });
  say(`\n${await browser.version()}: warm runs in the page…`);
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
  return pages;
}

function writeResults(name: 'chromium' | 'firefox', context: Context, version: string, cold: ColdResults, pages: PageRecord[]): void {
  const list = targets(pages, context.sizes.contentScript.minGzipBytes);
  const results: BrowserResults = {
    browser: version,
    generatedAt: new Date().toISOString(),
    engine: context.engine,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: context.loadAtStart },
    cold,
    pages,
    contentScript: context.sizes.contentScript,
    package: context.sizes.package,
    ...(context.catalogue === undefined ? {} : { catalogue: context.catalogue }),
    growth: growthTable(pages),
    targets: list,
    notes: [
      `cold: ${cold.measure} Median of ${cold.loadsPerPage} fresh loads per page, each in a new tab, of the built extension without the debug switch, the page served under a listed news host; controlMs: the same page under an unlisted host, measured the same way; floorMs: one TreeWalker pass over the body’s text, timed with performance.now() in a fresh page on an unlisted host. See bench/README.md for what each figure leaves out.`,
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
  const file = `${resultsName}${suffix}.json`;
  writeFileSync(join(resultsDir, file), `${JSON.stringify(results, null, 2)}\n`);
  // The chart is of the warm runs of the bundled articles.
  const charted = pages.length > 0 && resultsName === 'latest';
  if (charted) writeFileSync(join(resultsDir, `chart${suffix}.svg`), chart(results));
  printResults(results, context.article);
  say(`\nwrote bench/results/${file}${charted ? ` and chart${suffix}.svg` : ''}`);
}

function printResults(results: BrowserResults, article: Context['article']): void {
  const { engine, cold } = results;
  const expected = {
    quotes: article.annotations.filter((annotation) => annotation.kind === 'quote').length,
    claims: article.annotations.filter((annotation) => annotation.kind === 'claim').length,
  };
  say(
    `\n${cold.browser}, engine at ${engine.commit}${engine.srcModified ? ' with src/ modified' : ''} — the extension's cost per page load, cold (median ms of the main thread per fresh load; "control": the same page on an unlisted host; "painted": what every load left painted, quotes · claims)`,
  );
  say(coldTable(cold, expected));
  say(backgroundLine(cold.background));
  say(sizesLines({ contentScript: results.contentScript, package: results.package }));
  const { catalogue } = results;
  if (catalogue !== undefined) {
    say(
      `catalogue: ${catalogue.articles} articles (${catalogue.synthetic} synthetic); build ${(catalogue.buildMs / 1000).toFixed(1)} s (bundled articles alone ${(catalogue.bundledBuildMs / 1000).toFixed(1)} s); package ${(catalogue.packageBytes / 1024).toFixed(0)} KB, ${catalogue.bytesPerArticle.toFixed(0)} bytes per article, ${catalogue.addedBytesPerArticle.toFixed(0)} bytes per article added`,
    );
  }
  if (results.pages.length === 0) return;
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
  say('\ntargets:');
  say(targetLines(results.targets));
}

await main();
