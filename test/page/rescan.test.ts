/**
 * Judging a change to a page where no article was found: by the text it
 * added, never by reading the page; and backing off after scans that find
 * nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF, MAX_SHARE, Rescans } from '../../src/page/rescan';
import { scanPage } from '../../src/page/scan';
import { ChangeCollector, MAX_CHANGED_NODES } from '../../src/detector/watch';
import { buildTextPage, indexOf, putinXi } from '../support/article-page';
import { DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

const indexes = [indexOf(putinXi)];

/** A page of news without the article, scanned; and what judging reads of the page from then on. */
function scannedPage(): { rescans: Rescans; pageReads: () => number; styleReads: () => number } {
  buildTextPage([...ROUNDUP, ...DIFFERENT_REPORT], { layout: true });
  const rescans = new Rescans(indexes);
  rescans.scanned(scanPage(document.body, indexes), 0);
  const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
  const styles = vi.spyOn(window, 'getComputedStyle');
  return {
    rescans,
    pageReads: () => textContent.mock.contexts.filter((node) => node === document.body || node === document.documentElement).length,
    styleReads: () => styles.mock.calls.length,
  };
}

/** Appends elements to the page and gathers the mutation records as the watcher does. */
function change(make: () => Node[]): ReturnType<ChangeCollector['take']> {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  for (const node of make()) document.body.append(node);
  const collector = new ChangeCollector();
  collector.collect(observer.takeRecords());
  observer.disconnect();
  return collector.take();
}

const paragraph = (text: string): HTMLElement => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('Rescans.worthScanning', () => {
  it('judges a change that adds 1 KB of news by that text alone: no read of the page, no style, no scan', () => {
    const { rescans, pageReads, styleReads } = scannedPage();
    const changes = change(() => [paragraph(ROUNDUP.join(' ').slice(0, 600))]);
    expect(changes.nodes).toHaveLength(1);
    expect(rescans.worthScanning(changes)).toBe(false);
    expect(pageReads()).toBe(0);
    expect(styleReads()).toBe(0);
  });

  it('calls for a scan once the paragraphs added, one change at a time, hold enough of the article', () => {
    const { rescans, pageReads } = scannedPage();
    const verdicts = putinXi.paragraphs.map((text) => rescans.worthScanning(change(() => [paragraph(text)])));
    expect(verdicts.slice(0, 3)).toEqual([false, false, false]);
    expect(verdicts.at(-1)).toBe(true);
    expect(pageReads()).toBe(0);
  });

  it('calls for a scan, reading nothing now, when more nodes changed than it keeps: the scan waits its turn', () => {
    const { rescans, pageReads, styleReads } = scannedPage();
    const changes = change(() => Array.from({ length: MAX_CHANGED_NODES + 1 }, (_, at) => paragraph(`خبر ${at}`)));
    expect(changes.overflow).toBe(true);
    expect(rescans.worthScanning(changes)).toBe(true);
    expect(pageReads()).toBe(0);
    expect(styleReads()).toBe(0);
  });

  it('ignores nodes that left the page before the judgement', () => {
    const { rescans } = scannedPage();
    const story = paragraph(putinXi.paragraphs.join(' '));
    const changes = change(() => [story]);
    story.remove();
    expect(rescans.worthScanning(changes)).toBe(false);
  });
});

describe('Rescans.nextScanAt', () => {
  it('lets a scan run at once after one scan that found nothing, then backs off, doubling up to the cap', () => {
    buildTextPage(ROUNDUP);
    const rescans = new Rescans(indexes);
    const nothing = scanPage(document.body, indexes);
    const waits: number[] = [];
    for (let scan = 0; scan < 10; scan += 1) {
      const now = scan * 100_000;
      rescans.scanned(nothing, now);
      waits.push(rescans.nextScanAt() - now);
    }
    expect(waits.slice(0, 4)).toEqual([0, BACKOFF.firstMs, 2 * BACKOFF.firstMs, 4 * BACKOFF.firstMs]);
    expect(Math.max(...waits)).toBe(BACKOFF.maxMs);
  });

  it('keeps scanning to a bounded share of the main thread, however often the page changes', () => {
    buildTextPage(ROUNDUP);
    const rescans = new Rescans(indexes);
    document.body.replaceChildren(...putinXi.paragraphs.map(paragraph));
    const found = scanPage(document.body, indexes);
    expect(found.found).not.toBeNull(); // no back-off where the article is: only the share applies
    // A page that changes forever, its scans taking 30 ms each, run as soon as they are let.
    let now = 0;
    let busy = 0;
    while (now < 60_000) {
      rescans.scanned(found, now, now + 30);
      busy += 30;
      now = rescans.nextScanAt();
    }
    expect(busy / now).toBeLessThanOrEqual(MAX_SHARE + 1e-9);
    expect(MAX_SHARE).toBeLessThanOrEqual(0.05);
  });

  it('starts again from no wait once a scan finds the article', () => {
    buildTextPage(ROUNDUP);
    const rescans = new Rescans(indexes);
    const nothing = scanPage(document.body, indexes);
    for (let scan = 0; scan < 5; scan += 1) rescans.scanned(nothing, scan);
    document.body.replaceChildren(...putinXi.paragraphs.map(paragraph));
    rescans.scanned(scanPage(document.body, indexes), 10);
    expect(rescans.nextScanAt()).toBe(10);
  });
});
