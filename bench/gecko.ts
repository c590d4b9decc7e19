/**
 * Arithmetic on a Gecko profile (what Firefox's profiler writes at shutdown
 * with MOZ_PROFILER_SHUTDOWN): which content process loaded a page, and
 * how much of a window its main thread spent in stacks of the extension.
 * Pure: no browser here, so it can be tested on synthetic profiles.
 */

interface Table {
  readonly schema: Readonly<Record<string, number>>;
  readonly data: readonly (readonly unknown[])[];
}

export interface GeckoThread {
  readonly name: string;
  readonly pid?: number | string;
  readonly samples: Table;
  readonly stackTable: Table;
  readonly frameTable: Table;
  readonly stringTable: readonly string[];
}

/** A process's profile; the parent's holds its children's in `processes`. Times are ms from `meta.startTime` (ms since the epoch). */
export interface GeckoProfile {
  readonly meta: { readonly startTime: number };
  readonly pages?: readonly { readonly url: string }[];
  readonly threads: readonly GeckoThread[];
  readonly processes?: readonly GeckoProfile[];
}

/** Stretch of wall-clock time, ms since the epoch. */
export interface EpochWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * A frame of the extension's work in a content process: the extension's own scripts (moz-extension://), or
 * Firefox's WebExtensions code that runs for it there (injecting and compiling content scripts, the extension API's
 * child side, storage). None of these runs in a page without a content script: the control page's count is 0.
 */
export function isExtensionFrame(location: string): boolean {
  return (
    location.includes('moz-extension://') ||
    /resource:\/\/gre\/modules\/Extension[A-Za-z]*\.sys\.mjs/.test(location) ||
    location.includes('chrome://extensions/content/')
  );
}

/** The process that loaded `url` (it lists the page in its `pages`), searched through the parent's children. */
export function processOfPage(profile: GeckoProfile, url: string): GeckoProfile | undefined {
  if (profile.pages?.some((page) => page.url === url) === true) return profile;
  for (const child of profile.processes ?? []) {
    const found = processOfPage(child, url);
    if (found !== undefined) return found;
  }
  return undefined;
}

const column = (table: Table, name: string): number => {
  const index = table.schema[name];
  if (index === undefined) throw new Error(`Gecko profile: no column "${name}"`);
  return index;
};

export interface SampledTime {
  /** Wall time of the samples that count, each lasting until the next sample of the thread, ms. */
  readonly ms: number;
  readonly samples: number;
  /** From the last sample that counts to the end of the window, ms: how long the extension had been quiet. */
  readonly quietMs: number;
}

/**
 * The sampled time of a thread's stacks holding a frame that `counts`, inside `window`. Each sample stands for the
 * time until the thread's next sample (the sampler can lag behind its interval on a busy machine).
 */
export function sampledTime(
  process: GeckoProfile,
  thread: GeckoThread,
  window: EpochWindow,
  counts: (location: string) => boolean = isExtensionFrame,
): SampledTime {
  const [stackColumn, timeColumn] = [column(thread.samples, 'stack'), column(thread.samples, 'time')];
  const [prefixColumn, frameColumn] = [column(thread.stackTable, 'prefix'), column(thread.stackTable, 'frame')];
  const locationColumn = column(thread.frameTable, 'location');
  // Whether a stack counts, memoised: stacks share their prefixes.
  const memo = new Map<number, boolean>();
  const stackCounts = (stack: number): boolean => {
    const known = memo.get(stack);
    if (known !== undefined) return known;
    const row = thread.stackTable.data[stack];
    const frame = thread.frameTable.data[row?.[frameColumn] as number];
    const location = thread.stringTable[frame?.[locationColumn] as number] ?? '';
    const prefix = row?.[prefixColumn];
    const result = counts(location) || (typeof prefix === 'number' && stackCounts(prefix));
    memo.set(stack, result);
    return result;
  };
  const base = process.meta.startTime;
  const rows = thread.samples.data;
  let ms = 0;
  let samples = 0;
  let last = window.from;
  for (const [index, row] of rows.entries()) {
    const time = base + (row[timeColumn] as number);
    if (time < window.from || time > window.to) continue;
    const stack = row[stackColumn];
    if (typeof stack !== 'number' || !stackCounts(stack)) continue;
    const next = rows[index + 1];
    const end = Math.min(next === undefined ? time : base + (next[timeColumn] as number), window.to);
    ms += end - time;
    samples += 1;
    last = Math.max(last, end);
  }
  return { ms, samples, quietMs: window.to - last };
}

/** The main thread of a process. */
export const mainThreadOf = (process: GeckoProfile): GeckoThread | undefined =>
  process.threads.find((thread) => thread.name === 'GeckoMain');
