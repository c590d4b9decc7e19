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
  /** The fewest looks at the changes in that time (one comes every maxWaitMs or so while the page changes: 6 or 7). */
  minLooks: 2,
  /**
   * The most text the looks may read in that time, as a share of the page's text: they read what the changes added,
   * a quarter of the page in all; one look that read the page again would read all of it.
   */
  maxReadShare: 1,
} as const;

/** From the first change to the end of the wait. */
export const STALL_WINDOW_MS = STALL.changesForMs + STALL.settleMs;
