/** The cold figures: the results file's records and the headline table. */
import type { BackgroundStart } from './background';
import type { ColdRuns } from './cold';
import { QUIET_MS } from './cold';
import { median } from './measure';
import type { PageKind } from './pages';
import type { PackageSizes } from './sizes';

export interface ColdPageRecord {
  readonly size: string;
  readonly kind: PageKind;
  readonly textBytes: number;
  /** Median over fresh loads of the extension's main-thread time per page load, ms; each load's in `extensionRuns`. */
  readonly extensionMs: number;
  readonly extensionRuns: number[];
  /** The same page under an unlisted host, measured the same way: what the measure counts that is not the extension (0 expected). */
  readonly controlMs: number;
  readonly controlRuns: number[];
  /** The cold floor: one TreeWalker pass over the body's text in a fresh page, median ms. */
  readonly floorMs: number;
  readonly floorRuns: number[];
  /** What each load with the extension left painted, as the page reads it: `isnad-quote-*` and `isnad-claim` highlight sizes. */
  readonly quotesPainted: number[];
  readonly claimsPainted: number[];
  /** Loads whose window closed less than QUIET_MS after the counted work (after the longest wait). */
  readonly unsettledLoads: number;
  /** Distinct renderer (content) processes among the loads with the extension: as many as loads means each was a fresh process. */
  readonly processes: number;
}

export interface ColdResults {
  readonly browser: string;
  /** What a load's figure counts, in one sentence. */
  readonly measure: string;
  readonly loadsPerPage: number;
  readonly pages: ColdPageRecord[];
  /** Chromium: the service worker's start; null where not measured. */
  readonly background: BackgroundStart | null;
}

export function coldPageRecord(run: ColdRuns): ColdPageRecord {
  const extension = run.extension.map((load) => load.ms);
  const control = run.control.map((load) => load.ms);
  return {
    size: run.plan.label,
    kind: run.plan.kind,
    textBytes: run.plan.textBytes,
    extensionMs: median(extension),
    extensionRuns: extension,
    controlMs: median(control),
    controlRuns: control,
    floorMs: median(run.floor),
    floorRuns: run.floor,
    quotesPainted: run.extension.map((load) => load.quotes),
    claimsPainted: run.extension.map((load) => load.claims),
    unsettledLoads: [...run.extension, ...run.control].filter((load) => load.quietMs < QUIET_MS).length,
    processes: new Set(run.extension.map((load) => load.process)).size,
  };
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ratio = (value: number): string => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×` : '–');
const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;

/** Whether every load painted what the page should have: all of the article's annotations, or nothing. */
function paintedCell(page: ColdPageRecord, expected: { quotes: number; claims: number }): string {
  const want = page.kind === 'article' ? expected : { quotes: 0, claims: 0 };
  const right = page.quotesPainted.every((count) => count === want.quotes) && page.claimsPainted.every((count) => count === want.claims);
  if (page.kind === 'other') return right ? 'nothing' : `✗ ${page.quotesPainted.join('/')} quotes`;
  const least = (counts: readonly number[]): number => Math.min(...counts);
  return `${least(page.quotesPainted)}/${want.quotes} · ${least(page.claimsPainted)}/${want.claims}${right ? '' : ' ✗'}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The headline: per page load, cold, against the cold floor, with the control and what was painted. */
export function coldTable(results: ColdResults, expected: { quotes: number; claims: number }): string {
  const header = ['text', 'kind', 'Isnad ms/load', 'min–max', 'cold floor ms', '×floor', 'control ms (max)', 'painted', 'loads'];
  const rows = results.pages.map((page) => [
    size(page.textBytes),
    page.kind,
    fixed(page.extensionMs),
    `${fixed(Math.min(...page.extensionRuns))}–${fixed(Math.max(...page.extensionRuns))}`,
    fixed(page.floorMs, 2),
    ratio(page.extensionMs / page.floorMs),
    fixed(Math.max(...page.controlRuns)),
    paintedCell(page, expected),
    `${page.extensionRuns.length}${page.unsettledLoads > 0 ? ` (${page.unsettledLoads} unsettled)` : ''}${page.processes < page.extensionRuns.length ? ` (${page.processes} processes)` : ''}`,
  ]);
  return table(header, rows);
}

export function backgroundLine(background: BackgroundStart | null): string {
  if (background === null) return 'background start: not measured in this browser';
  return `background start (service worker, median of ${background.runs.length}): ${fixed(background.startToReadyMs)} ms start to ready in a running extension process, of which ${fixed(background.evaluationMs)} ms its script on the worker's thread; ${fixed(background.withProcessLaunchMs)} ms when the extension's process must be launched first`;
}

export function sizesLines(sizes: PackageSizes): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const { contentScript, package: built } = sizes;
  return [
    `always-injected content script (${contentScript.files.join(', ') || 'none'}): ${kb(contentScript.bytes)} as built, ${kb(contentScript.gzipBytes)} gzipped; minified ${kb(contentScript.minBytes)}, ${kb(contentScript.minGzipBytes)} gzipped`,
    `package: ${built.files} files, ${kb(built.bytes)}, store zip ${kb(built.zipBytes)}`,
  ].join('\n');
}
