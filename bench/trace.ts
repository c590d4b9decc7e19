/**
 * Arithmetic on Chromium trace events (the JSON of `Tracing.start`): which
 * thread renders a page, how much of a window that thread spent running
 * script, and how long a service worker took to start. Pure: no browser
 * here, so it can be tested on synthetic event lists.
 */

/** One event of the Trace Event Format, as much of it as is read here. Times in µs. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface Thread {
  readonly pid: number;
  readonly tid: number;
}

/** A stretch of trace time, µs, both ends included. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/**
 * Script on a renderer's main thread: evaluating and compiling scripts (content scripts are compiled on every page
 * load), calls into V8 from the browser (events, callbacks, message handlers), microtasks (promise continuations)
 * and timers. They nest inside one another, so their time is the union of their intervals.
 */
export const SCRIPT_EVENTS: ReadonlySet<string> = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.callFunction',
  'RunMicrotasks',
  'FunctionCall',
  'TimerFire',
  'FireIdleCallback',
]);

/** The categories that record those events and the page's parsing (thread names come with any trace). */
export const SCRIPT_CATEGORIES: readonly string[] = ['devtools.timeline', 'v8', 'v8.execute'];

type Interval = readonly [number, number];

const onThread = (event: TraceEvent, thread: Thread): boolean => event.pid === thread.pid && event.tid === thread.tid;

/**
 * The intervals of the named events on one thread: complete events (`X`) and begin/end pairs (`B`/`E`, matched
 * innermost first, as the format nests them). A begin whose end is not in the trace runs to `openEnd`.
 */
export function intervals(events: readonly TraceEvent[], thread: Thread, names: ReadonlySet<string>, openEnd: number): Interval[] {
  const found: Interval[] = [];
  const open = new Map<string, number[]>();
  const ordered = events.filter((event) => onThread(event, thread) && names.has(event.name)).sort((a, b) => a.ts - b.ts);
  for (const event of ordered) {
    if (event.ph === 'X') found.push([event.ts, event.ts + (event.dur ?? 0)]);
    else if (event.ph === 'B') open.set(event.name, [...(open.get(event.name) ?? []), event.ts]);
    else if (event.ph === 'E') {
      const begins = open.get(event.name);
      const begin = begins?.pop();
      if (begin !== undefined) found.push([begin, event.ts]);
    }
  }
  for (const begins of open.values()) for (const begin of begins) found.push([begin, Math.max(begin, openEnd)]);
  return found;
}

/** Total length of the union of `spans` after clipping each to `window`: time nested or overlapping is counted once. */
export function unionLength(spans: readonly Interval[], window: Window): number {
  const clipped = spans
    .map(([start, end]): Interval => [Math.max(start, window.from), Math.min(end, window.to)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of clipped) {
    if (current === undefined || start > current[1]) {
      if (current !== undefined) total += current[1] - current[0];
      current = [start, end];
    } else current[1] = Math.max(current[1], end);
  }
  return current === undefined ? total : total + current[1] - current[0];
}

/** The time of the `clock_sync` marker stamped with `id` (bench/tracing.ts), µs. */
export function clockSync(events: readonly TraceEvent[], id: string): number | undefined {
  return events.find((event) => event.name === 'clock_sync' && event.args?.sync_id === id)?.ts;
}

/** The window between two clock-sync markers. */
export function markedWindow(events: readonly TraceEvent[], from: string, to: string): Window {
  const [start, end] = [clockSync(events, from), clockSync(events, to)];
  if (start === undefined || end === undefined) throw new Error(`the trace lacks the marker ${start === undefined ? from : to}`);
  return { from: start, to: end };
}

const parsedUrl = (event: TraceEvent): unknown => (event.args?.beginData as { url?: unknown } | undefined)?.url;

/** The thread that parsed the page at `url`: the renderer main thread of the tab that loaded it. */
export function pageMainThread(events: readonly TraceEvent[], url: string): Thread | undefined {
  const parse = events.find((event) => event.name === 'ParseHTML' && parsedUrl(event) === url);
  return parse === undefined ? undefined : { pid: parse.pid, tid: parse.tid };
}

export interface ScriptTime {
  /** The union of the script events' intervals inside the window, ms. */
  readonly ms: number;
  /** Script events that overlap the window. */
  readonly events: number;
  /** Time from the end of the last script event to the end of the window, ms: how long the thread had been quiet. */
  readonly quietMs: number;
}

/** The script time of one thread inside a window. */
export function scriptTime(events: readonly TraceEvent[], thread: Thread, window: Window): ScriptTime {
  const spans = intervals(events, thread, SCRIPT_EVENTS, window.to).filter(([start, end]) => end >= window.from && start <= window.to);
  const lastEnd = spans.reduce((latest, [, end]) => Math.max(latest, Math.min(end, window.to)), window.from);
  return { ms: unionLength(spans, window) / 1000, events: spans.length, quietMs: (window.to - lastEnd) / 1000 };
}

export interface WorkerStart {
  /** From the browser's decision to start the worker to its report that the worker has started (script evaluated), ms. */
  readonly startToReadyMs: number;
  /**
   * Of that, the script events on the worker's own thread (compiling and running its top-level script), ms; null
   * when the trace does not hold that thread (a process launched during a trace misses its first events).
   */
  readonly evaluationMs: number | null;
}

/**
 * A service worker's start, for the worker whose script is `scriptUrl`: from the browser main thread's
 * `ServiceWorkerVersion::StartWorker` to the `ServiceWorkerVersion::StartWorkerFinished` after it, and the script
 * time on the worker's thread (found by its top-level `EvaluateScript`) in between. Undefined when the trace holds
 * no complete start.
 */
export function serviceWorkerStart(events: readonly TraceEvent[], scriptUrl: string): WorkerStart | undefined {
  const start = events.find((event) => event.name === 'ServiceWorkerVersion::StartWorker' && event.args?.Script === scriptUrl);
  if (start === undefined) return undefined;
  const finished = events
    .filter((event) => event.name === 'ServiceWorkerVersion::StartWorkerFinished' && event.pid === start.pid && event.ts >= start.ts)
    .sort((a, b) => a.ts - b.ts)[0];
  if (finished === undefined) return undefined;
  const evaluation = events.find(
    (event) =>
      event.name === 'EvaluateScript' &&
      event.ts >= start.ts &&
      event.ts <= finished.ts &&
      (event.args?.data as { url?: unknown } | undefined)?.url === scriptUrl,
  );
  const window = { from: start.ts, to: finished.ts };
  return {
    startToReadyMs: (finished.ts - start.ts) / 1000,
    evaluationMs: evaluation === undefined ? null : scriptTime(events, { pid: evaluation.pid, tid: evaluation.tid }, window).ms,
  };
}
