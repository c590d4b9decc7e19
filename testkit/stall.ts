/**
 * The stall of the hostile-page browser test: a page without the article that keeps changing. Its window is
 * short yet tells backing off from none: the detector looks at a changing page at most every maxWaitMs of its
 * watch (half a second), so without backing off it would scan at every look, 9 times in this window; backing off
 * lets at most `maxScans` run (test/detector/pacing.test.ts counts both).
 */
export const STALL = {
  /** How long the page keeps changing, and how often. */
  changesForMs: 3_000,
  changeEveryMs: 100,
  /** How long the test waits after the last change, for the last debounced look. */
  settleMs: 1_500,
  /** The most scans allowed from the first change to the end of the wait. */
  maxScans: 3,
} as const;

/** From the first change to the end of the wait. */
export const STALL_WINDOW_MS = STALL.changesForMs + STALL.settleMs;

/** The most extra script time allowed over the window: 3% of the main thread, under the twentieth rescans are bounded to. */
export const STALL_MAX_EXTRA_SECONDS = (0.03 * STALL_WINDOW_MS) / 1000;
