/**
 * The content watcher, on fake timers: debounced, bounded by maxWaitMs,
 * blind to the extension's own UI, silent once stopped; both where the
 * browser offers requestIdleCallback (stubbed) and where it does not (jsdom).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMING, MAX_CHANGED_NODES, watchContent, type PageChanges, type WatchTiming } from '../../src/detector/watch';

const timing: WatchTiming = { quietMs: 100, maxWaitMs: 400, idleMs: 50 };

/** Mutation records are delivered in a microtask. */
const delivered = async (): Promise<void> => {
  for (let i = 0; i < 3; i += 1) await Promise.resolve();
};

/** Changes the page and lets the observer see it. */
async function mutate(target: Node = document.body): Promise<void> {
  target.appendChild(document.createElement('span')).textContent = 'x';
  await delivered();
}

let stops: (() => void)[];
/** Watches, and stops watching after the test. */
function watch(root: Node, onChange: () => void, given?: WatchTiming): () => void {
  const watching = given === undefined ? watchContent(root, onChange) : watchContent(root, onChange, given);
  const stop = (): void => watching.stop();
  stops.push(stop);
  return stop;
}

beforeEach(() => {
  stops = [];
  document.body.innerHTML = '<main><p>text</p></main>';
  vi.useFakeTimers();
});

afterEach(() => {
  for (const stop of stops) stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Each case: how the browser runs the callback after the debounce, and how long that adds. */
const browsers = [
  ['without requestIdleCallback (jsdom)', false, 0],
  ['with requestIdleCallback', true, timing.idleMs],
] as const;

describe.each(browsers)('watchContent %s', (_, withIdle, idleDelay) => {
  let idleRequests: { timeout: number | undefined }[];

  beforeEach(() => {
    idleRequests = [];
    if (withIdle) {
      // An idle callback that runs when its timeout runs out: the busiest page the browser could show.
      vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
        idleRequests.push({ timeout: options?.timeout });
        return setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), options?.timeout ?? 0) as unknown as number;
      });
      vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    } else {
      vi.stubGlobal('requestIdleCallback', undefined);
    }
  });

  it('calls back once after a burst of mutations, quietMs after the last', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    const p = document.querySelector('p');
    await mutate();
    await mutate();
    vi.advanceTimersByTime(60);
    if (p?.firstChild) p.firstChild.textContent = 'changed text'; // characterData, deep in the subtree
    await delivered();
    vi.advanceTimersByTime(60);
    await mutate(document.querySelector('main') ?? document.body);
    vi.advanceTimersByTime(timing.quietMs + idleDelay - 1);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(idleRequests).toEqual(withIdle ? [{ timeout: timing.idleMs }] : []);
  });

  it('calls back at the latest maxWaitMs after the first change while mutations never stop', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    await mutate();
    // A mutation every 50 ms, always within quietMs of the last; note when the first call comes.
    let first: number | undefined;
    for (let elapsed = 10; elapsed <= 2000 && first === undefined; elapsed += 10) {
      vi.advanceTimersByTime(10);
      if (onChange.mock.calls.length > 0) first = elapsed;
      if (elapsed % 50 === 0) await mutate();
    }
    expect(first).toBe(timing.maxWaitMs + idleDelay);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('keeps calling back, about every maxWaitMs, on a page that mutates for ever', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    for (let elapsed = 0; elapsed < 4000; elapsed += 50) {
      await mutate();
      vi.advanceTimersByTime(50);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(Math.floor(4000 / (timing.maxWaitMs + idleDelay + 50)));
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(Math.ceil(4000 / timing.maxWaitMs));
  });

  it("ignores mutations inside the extension's own UI", async () => {
    const ui = document.createElement('div');
    ui.setAttribute('data-isnad-ui', '');
    ui.innerHTML = '<div role="tooltip"><span>old</span></div>';
    document.body.append(ui);
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    const span = ui.querySelector('span');
    await mutate(ui);
    await mutate(span ?? ui);
    if (span?.firstChild) span.firstChild.textContent = 'new'; // characterData: the target is a text node
    await delivered();
    ui.querySelector('[role="tooltip"]')?.replaceChildren('replaced');
    await delivered();
    vi.advanceTimersByTime(5000);
    expect(onChange).not.toHaveBeenCalled();
    // A change to the page in the same batch as one to the UI still counts.
    ui.append('more');
    document.querySelector('p')?.append('page');
    await delivered();
    vi.advanceTimersByTime(timing.quietMs + idleDelay);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('calls back with the nodes each change added or whose text it changed, never the UI, and each only once', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    const added = document.createElement('section');
    document.body.append(added);
    const text = document.querySelector('p')?.firstChild;
    if (text) text.textContent = 'changed';
    const ui = document.body.appendChild(document.createElement('div'));
    ui.setAttribute('data-isnad-ui', '');
    await delivered();
    document.body.append(added); // moved: added again
    await delivered();
    vi.advanceTimersByTime(timing.quietMs + idleDelay);
    expect(onChange).toHaveBeenCalledTimes(1);
    const [changes] = onChange.mock.calls[0] as [PageChanges];
    expect(changes.overflow).toBe(false);
    expect(new Set(changes.nodes)).toEqual(new Set([added, text]));
    expect(changes.nodes).toHaveLength(2);
  });

  it('says it overflowed, and keeps no node, when a change adds more nodes than it keeps', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    for (let at = 0; at <= MAX_CHANGED_NODES; at += 1) document.body.append(document.createElement('i'));
    await delivered();
    vi.advanceTimersByTime(timing.quietMs + idleDelay);
    const [changes] = onChange.mock.calls[0] as [PageChanges];
    expect(changes).toEqual({ nodes: [], overflow: true });
  });

  it('ignores changes outside the watched root', async () => {
    const onChange = vi.fn();
    const main = document.querySelector('main');
    if (main === null) throw new Error('no main');
    watch(main, onChange, timing);
    await mutate(document.body);
    vi.advanceTimersByTime(5000);
    expect(onChange).not.toHaveBeenCalled();
    await mutate(main);
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stops: disconnects, and a pending call back never comes', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const onChange = vi.fn();
    const stop = watch(document.body, onChange, timing);
    await mutate();
    vi.advanceTimersByTime(timing.quietMs - 1);
    stop();
    expect(disconnect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    await mutate();
    vi.advanceTimersByTime(5000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('uses the default timing when given none', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange);
    await mutate();
    vi.advanceTimersByTime(DEFAULT_TIMING.quietMs + (withIdle ? DEFAULT_TIMING.idleMs : 0) - 1);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(idleRequests).toEqual(withIdle ? [{ timeout: DEFAULT_TIMING.idleMs }] : []);
  });
});

describe('watchContent with requestIdleCallback', () => {
  let pending: Map<number, IdleRequestCallback>;
  let cancelled: number[];
  let nextId: number;

  /** Runs the idle callbacks the browser has been asked for. */
  const idle = (): void => {
    const due = [...pending.values()];
    pending.clear();
    for (const callback of due) callback({ didTimeout: false, timeRemaining: () => 10 });
  };

  beforeEach(() => {
    pending = new Map();
    cancelled = [];
    nextId = 1;
    // Idle time that comes only when the test says so.
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
      pending.set(nextId, callback);
      return nextId++;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => {
      cancelled.push(id);
      pending.delete(id);
    });
  });

  it('waits for idle time after the debounce', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    await mutate();
    vi.advanceTimersByTime(5000);
    expect(onChange).not.toHaveBeenCalled();
    expect(pending.size).toBe(1);
    idle();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('asks for idle time once while a request is pending, however many debounces end', async () => {
    const onChange = vi.fn();
    watch(document.body, onChange, timing);
    await mutate();
    vi.advanceTimersByTime(timing.quietMs);
    await mutate();
    vi.advanceTimersByTime(timing.quietMs);
    expect(pending.size).toBe(1);
    idle();
    expect(onChange).toHaveBeenCalledTimes(1);
    // Once it has run, the next change asks again.
    await mutate();
    vi.advanceTimersByTime(timing.quietMs);
    expect(pending.size).toBe(1);
    idle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('cancels the pending idle request when stopped', async () => {
    const onChange = vi.fn();
    const stop = watch(document.body, onChange, timing);
    await mutate();
    vi.advanceTimersByTime(timing.quietMs);
    const [id] = pending.keys();
    stop();
    expect(cancelled).toEqual([id]);
    idle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
