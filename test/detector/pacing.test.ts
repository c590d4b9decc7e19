/** When the next scan may run: backing off after scans that find nothing, and a bounded share of the main thread however often a page changes. */
import { describe, expect, it } from 'vitest';
import { BACKOFF, MAX_SHARE, Pacing } from '../../src/detector/pacing';
import { DEFAULT_TIMING } from '../../src/detector/watch';
import { STALL, STALL_WINDOW_MS } from '../../testkit/stall';

describe('Pacing.nextScanAt', () => {
  it('lets a scan run at once after one scan that found nothing, then backs off, doubling up to the cap', () => {
    const pacing = new Pacing();
    const waits: number[] = [];
    for (let scan = 0; scan < 10; scan += 1) {
      const now = scan * 100_000;
      pacing.scanned(false, now);
      waits.push(pacing.nextScanAt() - now);
    }
    expect(waits.slice(0, 4)).toEqual([0, BACKOFF.firstMs, 2 * BACKOFF.firstMs, 4 * BACKOFF.firstMs]);
    expect(Math.max(...waits)).toBe(BACKOFF.maxMs);
  });

  it('keeps scanning to a bounded share of the main thread, however often the page changes', () => {
    const pacing = new Pacing();
    // A page that changes forever, with an article (no back-off, only the share applies), its scans taking 30 ms each, run as soon as they are let.
    let now = 0;
    let busy = 0;
    while (now < 60_000) {
      pacing.scanned(true, now, now + 30);
      busy += 30;
      now = pacing.nextScanAt();
    }
    expect(busy / now).toBeLessThanOrEqual(MAX_SHARE + 1e-9);
    expect(MAX_SHARE).toBeLessThanOrEqual(0.05);
  });

  it('starts again from no wait once a scan finds an article', () => {
    const pacing = new Pacing();
    for (let scan = 0; scan < 5; scan += 1) pacing.scanned(false, scan);
    pacing.scanned(true, 10);
    expect(pacing.nextScanAt()).toBe(10);
  });
});

describe('the stall of the hostile-page browser test (testkit/stall.ts)', () => {
  /** Scans in the stall's window of a page that changes all through it, looked at every maxWaitMs, from the end of a load-time scan that found nothing. */
  const scansInWindow = (paced: boolean): number => {
    const pacing = new Pacing();
    pacing.scanned(false, -30, 0);
    let scans = 0;
    for (let now = DEFAULT_TIMING.maxWaitMs; now <= STALL_WINDOW_MS; now += DEFAULT_TIMING.maxWaitMs) {
      if (paced && now < pacing.nextScanAt()) continue;
      pacing.scanned(false, now, now + 30);
      scans += 1;
    }
    return scans;
  };

  it('tells backing off from none: paced, at most its maxScans run; a scan at every look would be more', () => {
    expect(scansInWindow(true)).toBeLessThanOrEqual(STALL.maxScans);
    expect(scansInWindow(false)).toBeGreaterThan(STALL.maxScans);
  });
});
