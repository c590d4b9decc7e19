import { describe, expect, it } from 'vitest';
import { markedWindow, pageMainThread, scriptTime, serviceWorkerStart, unionLength, type TraceEvent } from '../../bench/trace';

const MAIN = { pid: 10, tid: 10 };
const at = (name: string, ts: number, dur: number, thread = MAIN): TraceEvent => ({ name, ph: 'X', ts, dur, ...thread });
const window = { from: 0, to: 10_000 };

describe('unionLength', () => {
  it('counts nested and overlapping intervals once', () => {
    expect(
      unionLength(
        [
          [0, 100],
          [10, 50],
          [90, 150],
          [200, 210],
        ],
        window,
      ),
    ).toBe(160);
  });

  it('clips intervals to the window', () => {
    expect(
      unionLength(
        [
          [-50, 50],
          [9_990, 10_100],
          [20_000, 30_000],
        ],
        window,
      ),
    ).toBe(60);
  });
});

describe('scriptTime', () => {
  it('counts a content script evaluated, its compile and run nested in it, once', () => {
    const events = [
      at('EvaluateScript', 1000, 4000),
      at('v8.compile', 1100, 1500),
      at('v8.run', 2600, 2300),
      at('RunMicrotasks', 6000, 500),
    ];
    expect(scriptTime(events, MAIN, window)).toEqual({ ms: 4.5, events: 4, quietMs: 3.5 });
  });

  it('counts only the page main thread, and only script events', () => {
    const events = [
      at('RunMicrotasks', 1000, 1000),
      at('RunMicrotasks', 1000, 5000, { pid: 10, tid: 11 }),
      at('v8.run', 1000, 5000, { pid: 20, tid: 20 }),
      at('ParseHTML', 0, 8000),
      at('UpdateLayoutTree', 3000, 3000),
    ];
    expect(scriptTime(events, MAIN, window).ms).toBe(1);
  });

  it('counts only what falls inside the window', () => {
    const events = [at('TimerFire', 500, 1000), at('FunctionCall', 9500, 1000), at('FunctionCall', 20_000, 1000)];
    expect(scriptTime(events, MAIN, { from: 1000, to: 10_000 })).toEqual({ ms: 1, events: 2, quietMs: 0 });
  });

  it('pairs begin and end events, and runs an unfinished one to the end of the window', () => {
    const events: TraceEvent[] = [
      { name: 'FunctionCall', ph: 'B', ts: 1000, ...MAIN },
      { name: 'FunctionCall', ph: 'B', ts: 1200, ...MAIN },
      { name: 'FunctionCall', ph: 'E', ts: 1300, ...MAIN },
      { name: 'FunctionCall', ph: 'E', ts: 2000, ...MAIN },
      { name: 'TimerFire', ph: 'B', ts: 9000, ...MAIN },
    ];
    expect(scriptTime(events, MAIN, window)).toEqual({ ms: 2, events: 3, quietMs: 0 });
  });

  it('reads 0 on a thread that ran no script, quiet for the whole window', () => {
    expect(scriptTime([at('ParseHTML', 0, 100)], MAIN, window)).toEqual({ ms: 0, events: 0, quietMs: 10 });
  });
});

describe('markedWindow and pageMainThread', () => {
  const mark = (id: string, ts: number): TraceEvent => ({ name: 'clock_sync', ph: 'c', ts, pid: 1, tid: 1, args: { sync_id: id } });
  const events: TraceEvent[] = [
    mark('navigation', 4000),
    { name: 'thread_name', ph: 'M', ts: 0, pid: 10, tid: 10, args: { name: 'CrRendererMain' } },
    { name: 'ParseHTML', ph: 'X', ts: 5000, dur: 100, pid: 7, tid: 7, args: { beginData: { url: 'about:blank' } } },
    { name: 'ParseHTML', ph: 'X', ts: 6000, dur: 300, pid: 10, tid: 10, args: { beginData: { url: 'http://news.example/a' } } },
    at('RunMicrotasks', 7000, 2000),
    mark('end', 12_000),
  ];

  it('spans the marks, whatever was recorded between them', () => {
    expect(markedWindow(events, 'navigation', 'end')).toEqual({ from: 4000, to: 12_000 });
    expect(() => markedWindow(events, 'navigation', 'later')).toThrow(/later/);
  });

  it('finds the thread that parsed the page', () => {
    expect(pageMainThread(events, 'http://news.example/a')).toEqual(MAIN);
    expect(pageMainThread(events, 'http://news.example/b')).toBeUndefined();
  });
});

describe('serviceWorkerStart', () => {
  const url = 'chrome-extension://id/worker.js';
  const browserMain = { pid: 1, tid: 1 };
  const worker = { pid: 5, tid: 9 };
  const instant = (name: string, ts: number, args: Record<string, unknown> = {}): TraceEvent => ({
    name,
    ph: 'I',
    ts,
    args,
    ...browserMain,
  });

  it('times the start to the worker reported started, and the worker thread’s script within it', () => {
    const events = [
      instant('ServiceWorkerVersion::StartWorker', 1000, { Script: 'chrome-extension://other/worker.js' }),
      instant('ServiceWorkerVersion::StartWorker', 2000, { Script: url }),
      { ...at('EvaluateScript', 20_000, 5000, worker), args: { data: { url } } },
      at('v8.compile', 20_100, 500, worker),
      at('v8.run', 20_600, 4000, worker),
      at('RunMicrotasks', 26_000, 1000, worker),
      at('RunMicrotasks', 40_000, 1000, worker),
      instant('ServiceWorkerVersion::StartWorkerFinished', 32_000),
    ];
    expect(serviceWorkerStart(events, url)).toEqual({ startToReadyMs: 30, evaluationMs: 6 });
  });

  it('has no evaluation where the trace misses the worker thread (a process launched during the trace)', () => {
    const events = [
      instant('ServiceWorkerVersion::StartWorker', 2000, { Script: url }),
      instant('ServiceWorkerVersion::StartWorkerFinished', 9000),
    ];
    expect(serviceWorkerStart(events, url)).toEqual({ startToReadyMs: 7, evaluationMs: null });
  });

  it('is undefined without a finished start', () => {
    expect(serviceWorkerStart([instant('ServiceWorkerVersion::StartWorker', 2000, { Script: url })], url)).toBeUndefined();
  });
});
