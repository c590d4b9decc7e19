/**
 * When the next scan of a page may run. Scans that find nothing back off,
 * so a page that keeps changing and never carries an article costs less and
 * less; and however a page behaves, each scan is followed by a rest long
 * enough that scanning takes at most MAX_SHARE of its main thread.
 */

/** After the second scan in a row that finds nothing, the next waits this long, doubling each time up to `maxMs`. */
export const BACKOFF = { firstMs: 1000, maxMs: 60_000 } as const;

/** The most of the main thread that scanning may take, however often a page changes: after a scan, the next waits for 19 times as long as it ran. */
export const MAX_SHARE = 0.05;

export class Pacing {
  /** Scans in a row that found nothing. */
  #fruitless = 0;
  #lastScanAt = -Infinity;
  /** Until when the last scan's cost keeps the next one waiting. */
  #restUntil = -Infinity;

  /** Records a scan that ran on the page's main thread from `startedAt` to `endedAt`, and whether it found an article. */
  scanned(found: boolean, startedAt: number, endedAt = startedAt): void {
    this.#lastScanAt = startedAt;
    this.#restUntil = endedAt + (endedAt - startedAt) * (1 / MAX_SHARE - 1);
    this.#fruitless = found ? 0 : this.#fruitless + 1;
  }

  /** The earliest time (on the clock `scanned` was given) the next scan may run. */
  nextScanAt(): number {
    const backoff = this.#fruitless < 2 ? 0 : Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** (this.#fruitless - 2));
    return Math.max(this.#lastScanAt + backoff, this.#restUntil);
  }
}
