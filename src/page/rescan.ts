/**
 * Whether a change to a page where no article was found calls for a new
 * scan, and when the next scan may run. A change is judged by what it added:
 * that text is looked at for the articles' probes, never the page; the page
 * is scanned again only when the probes seen on it reach an article's
 * pre-check threshold. Scans that find nothing back off, so a page that
 * keeps changing and never carries the article costs less and less.
 */
import type { ArticleIndex } from '../engine/article-index';
import { scanProbes } from '../engine/probes';
import type { Scan } from './scan';
import type { PageChanges } from './watch';
import { itemAt } from '../engine/item-at';

/** After the second scan in a row that finds nothing, the next waits this long, doubling each time up to `maxMs`. */
export const BACKOFF = { firstMs: 1000, maxMs: 60_000 } as const;

/** The most of the main thread that scanning may take, however often a page changes: after a scan, the next waits for 19 times as long as it ran. */
export const MAX_SHARE = 0.05;

export class Rescans {
  readonly #indexes: readonly ArticleIndex[];
  /** Per article, the probes seen on the page: at the last scan, and in what was added since. */
  #seen: Uint8Array[];
  /** Scans in a row that found nothing. */
  #fruitless = 0;
  #lastScanAt = -Infinity;
  /** Until when the last scan's cost keeps the next one waiting. */
  #restUntil = -Infinity;

  constructor(indexes: readonly ArticleIndex[]) {
    this.#indexes = indexes;
    this.#seen = indexes.map((index) => new Uint8Array(index.probes.phrases.length));
  }

  /** Records a scan that ran from `startedAt` to `endedAt`: what the page held, and whether it found an article. */
  scanned(scan: Scan, startedAt: number, endedAt = startedAt): void {
    this.#lastScanAt = startedAt;
    this.#restUntil = endedAt + (endedAt - startedAt) * (1 / MAX_SHARE - 1);
    this.#seen = this.#indexes.map((index, at) => {
      const seen = new Uint8Array(index.probes.phrases.length);
      const held = scan.probesSeen[at];
      if (held !== undefined && held.length === seen.length) seen.set(held);
      return seen;
    });
    this.#fruitless = scan.found === null ? this.#fruitless + 1 : 0;
  }

  /** The earliest time (on the clock `scanned` was given) the next scan may run. */
  nextScanAt(): number {
    const backoff = this.#fruitless < 2 ? 0 : Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** (this.#fruitless - 2));
    return Math.max(this.#lastScanAt + backoff, this.#restUntil);
  }

  /**
   * Whether these changes may have brought an article: their text is looked
   * at, never the page's. Where too much changed to keep, a scan is called
   * for, which waits its turn (`nextScanAt`): judging the whole page at
   * every change would cost without bound.
   */
  worthScanning(changes: PageChanges): boolean {
    if (changes.overflow) return true;
    let worth = false;
    for (const node of changes.nodes) {
      if (!node.isConnected) continue;
      const text = node.textContent ?? '';
      this.#indexes.forEach((index, at) => {
        const hits = scanProbes(index.probes, text);
        const seen = this.#seen[at];
        if (hits.distinct === 0 || seen === undefined) return;
        let count = 0;
        for (let probe = 0; probe < seen.length; probe += 1) {
          if (hits.found[probe] === 1) seen[probe] = 1;
          count += itemAt(seen, probe);
        }
        worth ||= count >= index.probes.needed;
      });
    }
    return worth;
  }
}
