/**
 * Drives one browser through the bench pages: each tool run on a body
 * rebuilt from the served HTML, Isnad's stages, the heap after annotating
 * (Chromium), and the built extension's own `isnad:annotate` measure on
 * the article pages served under a listed news host.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { normalize } from '../src/engine/normalize';
import type { Article } from '../src/article/schema';
import type { IsnadBench, PageInfo, Placements, RescanResult, RunResult, Stages, ToolName } from './protocol';
import { STORY_ID } from './story-id';
import { eventually } from '../testkit/eventually';

export const TOOLS: readonly ToolName[] = ['floor', 'isnad', 'hypothesis', 'apache-annotator', 'mark.js'];

export interface PagePlan {
  readonly label: string;
  readonly kind: 'article' | 'other';
  /** Where the page with the harness is served. */
  readonly benchUrl: string;
  /** Where the page without it is served under a listed news host, for the extension (article pages only). */
  readonly extensionUrl?: string;
  readonly reps: number;
  readonly stageReps: number;
  /** Fresh loads of the page for the extension's own measure. */
  readonly extensionReps: number;
  /** Heap readings for these tools (Chromium). */
  readonly heapTools: readonly ToolName[];
  /** Tools not run on this page (too slow for the bench's time: see run.ts). */
  readonly skip: ReadonlySet<ToolName>;
}

export interface ToolRuns {
  readonly ms: number[];
  readonly placements: Placements;
}

export interface HeapGrowth {
  /** Growth of V8's used heap after a forced GC, bytes: what the run keeps, JS wrappers of the DOM nodes it touched included. */
  readonly jsBytes: number;
  /** Of it, what RegExp's last-match state keeps alive (the last string a regex ran on): freed once any other regex runs. */
  readonly regexpBytes: number;
}

export interface ExtensionRuns {
  readonly ms: number[];
  readonly quotesCorrect: number;
  readonly claimsCorrect: number;
  readonly ranges: number;
}

export interface PageMeasurement {
  readonly info: PageInfo;
  readonly tools: Partial<Record<ToolName, ToolRuns>>;
  readonly stages: Stages[];
  readonly rescans: RescanResult[];
  readonly heap: Partial<Record<ToolName, HeapGrowth>>;
  readonly extension?: ExtensionRuns;
}

export interface Budget {
  /** A tool's runs on one page stop once they add up to this (at least one run). */
  readonly perToolPageMs: number;
}

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function gc(cdp: CDPSession | undefined): Promise<void> {
  if (cdp !== undefined) await cdp.send('HeapProfiler.collectGarbage');
}

/** V8's used heap after a forced GC. (Blink's own heap, where DOM nodes live, is left out: its readings swing by hundreds of KB from one GC to the next.) */
async function heapUsage(cdp: CDPSession): Promise<number> {
  // Several passes: a detached DOM and its JS wrappers can take more than one collection to go.
  for (let pass = 0; pass < 3; pass += 1) await gc(cdp);
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One measured run of a tool: rebuild, run, check, empty, all inside the page in one task. */
function runTool(page: Page, tool: ToolName): Promise<RunResult> {
  return page.evaluate(async (name) => {
    const bench = globalThis.isnadBench;
    if (bench === undefined) throw new Error('the bench harness is not loaded');
    bench.reset();
    try {
      if (name === 'floor') {
        const { ms } = bench.floor();
        return { ms, quotesCorrect: 0, quotesWrong: 0, claimsCorrect: 0, claimsWrong: 0 };
      }
      return await bench[name]();
    } finally {
      bench.empty();
    }
  }, tool);
}

/** One of the harness's diagnostic calls, on a body rebuilt before it and emptied after it. */
function runOnRebuiltPage<Name extends 'stages' | 'rescan'>(page: Page, name: Name): Promise<ReturnType<IsnadBench[Name]>> {
  return page.evaluate((call) => {
    const bench = globalThis.isnadBench;
    if (bench === undefined) throw new Error('the bench harness is not loaded');
    bench.reset();
    try {
      return bench[call]() as ReturnType<IsnadBench[Name]>;
    } finally {
      bench.empty();
    }
  }, name);
}

export async function measurePage(
  page: Page,
  cdp: CDPSession | undefined,
  plan: PagePlan,
  article: Article,
  budget: Budget,
): Promise<PageMeasurement> {
  // Where the bench's own time goes on this page, for the progress line.
  const phases: string[] = [];
  let lapStart = Date.now();
  const phase = (name: string): void => {
    phases.push(`${name} ${((Date.now() - lapStart) / 1000).toFixed(1)}`);
    lapStart = Date.now();
  };
  await page.goto(plan.benchUrl, { waitUntil: 'load', timeout: 120_000 });
  const info = await page.evaluate(() => {
    const bench = globalThis.isnadBench;
    if (bench === undefined) throw new Error('the bench harness is not loaded');
    bench.reset();
    const found = bench.info();
    bench.empty();
    return found;
  });

  phase('load');
  const tools: Partial<Record<ToolName, { ms: number[]; placements: Placements }>> = {};
  const spent = new Map<ToolName, number>();
  for (let rep = 0; rep < plan.reps; rep += 1) {
    // Each round in another order, so that no tool always follows the same one.
    const order = TOOLS.map((_, index) => TOOLS[(index + rep) % TOOLS.length]).filter((tool): tool is ToolName => tool !== undefined);
    for (const tool of order) {
      if (plan.skip.has(tool) || (spent.get(tool) ?? 0) >= budget.perToolPageMs) continue;
      await gc(cdp);
      const result = await runTool(page, tool);
      spent.set(tool, (spent.get(tool) ?? 0) + result.ms);
      const { ms, ...placements } = result;
      const entry = (tools[tool] ??= { ms: [], placements });
      entry.ms.push(ms);
      entry.placements = placements;
    }
  }
  const shown = TOOLS.map((tool) =>
    plan.skip.has(tool) ? `${tool} skipped` : `${tool} ${median(tools[tool]?.ms ?? []).toFixed(1)} ms ×${tools[tool]?.ms.length ?? 0}`,
  );
  const progress = `  ${plan.label} ${plan.kind}: ${shown.join(', ')}`;

  phase('runs');
  const stages: Stages[] = [];
  for (let rep = 0; rep < plan.stageReps; rep += 1) {
    await gc(cdp);
    stages.push(await runOnRebuiltPage(page, 'stages'));
  }

  phase('stages');
  const rescans: RescanResult[] = [];
  for (let rep = 0; rep < plan.reps; rep += 1) {
    await gc(cdp);
    rescans.push(await runOnRebuiltPage(page, 'rescan'));
  }
  phase('rescans');
  // Heap growth: readings before and after a run on a rebuilt page, each after a forced GC; what the run keeps stays alive.
  const heap: Partial<Record<ToolName, HeapGrowth>> = {};
  if (cdp !== undefined) {
    for (const tool of plan.heapTools) {
      await page.evaluate(() => globalThis.isnadBench?.reset());
      const before = await heapUsage(cdp);
      await page.evaluate(async (name) => {
        const bench = globalThis.isnadBench;
        if (bench === undefined) return;
        if (name === 'floor') bench.floor();
        else await bench[name]();
      }, tool);
      const after = await heapUsage(cdp);
      await page.evaluate(() => /^/.test(''));
      const released = await heapUsage(cdp);
      heap[tool] = { jsBytes: after - before, regexpBytes: after - released };
      await page.evaluate(() => globalThis.isnadBench?.empty());
    }
  }

  phase('heap');
  say(`${progress} [bench time: ${phases.join(', ')} s]`);
  const measurement: PageMeasurement = { info, tools, stages, rescans, heap };
  if (plan.extensionUrl === undefined) return measurement;
  return { ...measurement, extension: await measureExtension(page, plan, article) };
}

/** The built extension on a fresh load of the page under a listed host: its own measure, and what it painted. */
async function measureExtension(page: Page, plan: PagePlan, article: Article): Promise<ExtensionRuns> {
  const ms: number[] = [];
  let painted: { name: string; text: string; inStory: boolean }[] = [];
  for (let rep = 0; rep < plan.extensionReps; rep += 1) {
    await page.goto(plan.extensionUrl ?? '', { waitUntil: 'load', timeout: 120_000 });
    const duration = await eventually(
      () => page.evaluate(() => performance.getEntriesByName('isnad:annotate')[0]?.duration),
      `the extension's isnad:annotate on ${plan.extensionUrl ?? ''}`,
      60_000,
    );
    ms.push(duration);
    painted = await page.evaluate(
      (storyId) =>
        [...CSS.highlights]
          .filter(([name]) => name.startsWith('isnad-'))
          .flatMap(([name, highlight]) =>
            [...highlight].map((range) => ({
              name,
              text: range instanceof Range ? range.toString() : '',
              inStory: document.getElementById(storyId)?.contains(range.startContainer) === true,
            })),
          ),
      STORY_ID,
    );
  }
  const norm = (text: string): string => normalize(text).text.trim();
  const correct = (kind: 'quote' | 'claim'): number =>
    article.annotations.filter(
      (annotation) =>
        annotation.kind === kind &&
        painted.some(
          (range) =>
            range.inStory &&
            range.name.startsWith(kind === 'quote' ? 'isnad-quote-' : 'isnad-claim') &&
            norm(range.text) === norm(annotation.target.exact),
        ),
    ).length;
  say(`  ${plan.label} article: extension's isnad:annotate ${median(ms).toFixed(1)} ms ×${ms.length}`);
  return { ms, quotesCorrect: correct('quote'), claimsCorrect: correct('claim'), ranges: painted.length };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
