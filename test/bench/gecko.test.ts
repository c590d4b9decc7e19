import { describe, expect, it } from 'vitest';
import { isExtensionFrame, mainThreadOf, processOfPage, sampledTime, type GeckoProfile, type GeckoThread } from '../../bench/gecko';

const START = 1_000_000;

/** A thread whose stacks are given leaf-last as frame names, sampled at the given times (ms from START). */
function thread(name: string, samples: readonly (readonly [number, readonly string[] | null])[]): GeckoThread {
  const strings: string[] = [];
  const stacks: [number | null, number][] = [];
  const stackOf = (frames: readonly string[]): number | null =>
    frames.reduce<number | null>((prefix, frame) => {
      let string = strings.indexOf(frame);
      if (string < 0) string = strings.push(frame) - 1;
      let stack = stacks.findIndex(([p, f]) => p === prefix && f === string);
      if (stack < 0) stack = stacks.push([prefix, string]) - 1;
      return stack;
    }, null);
  return {
    name,
    samples: { schema: { stack: 0, time: 1 }, data: samples.map(([time, frames]) => [frames === null ? null : stackOf(frames), time]) },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stacks },
    // One frame per string: the frame's location is the string of the same index.
    frameTable: { schema: { location: 0 }, data: strings.map((_, index) => [index]) },
    stringTable: strings,
  };
}

const IDLE = ['(root)', 'PollWrapper'];
const OWN = ['(root)', 'EventDispatcher::Dispatch', 'scan (moz-extension://uuid/content.js:10:3)', 'Element.textContent'];
const INJECT = ['(root)', 'injectInto (resource://gre/modules/ExtensionContent.sys.mjs:508:19)'];
const PAGE = ['(root)', 'onload (http://news.example/app.js:1:1)'];

describe('isExtensionFrame', () => {
  it('takes the extension’s scripts and Firefox’s WebExtensions modules, nothing else', () => {
    expect(isExtensionFrame('scan (moz-extension://uuid/content.js:10:3)')).toBe(true);
    expect(isExtensionFrame('inject (resource://gre/modules/ExtensionContent.sys.mjs:562:15)')).toBe(true);
    expect(isExtensionFrame('get (chrome://extensions/content/child/ext-storage.js:95:17)')).toBe(true);
    expect(isExtensionFrame('handleEvent (chrome://remote/content/shared/messagehandler/transports/js-window-actors/x.sys.mjs:1:1)')).toBe(
      false,
    );
    expect(isExtensionFrame('onload (http://news.example/app.js:1:1)')).toBe(false);
  });
});

describe('sampledTime', () => {
  const main = thread('GeckoMain', [
    [0, IDLE],
    [10, INJECT],
    [12, OWN],
    [13, OWN],
    [17, PAGE],
    [18, IDLE],
    [30, OWN],
    [31, null],
    [40, IDLE],
  ]);
  const process: GeckoProfile = { meta: { startTime: START }, threads: [main] };

  it('weighs each sample that counts by the time to the next sample, in the window', () => {
    expect(sampledTime(process, main, { from: START, to: START + 50 })).toEqual({ ms: 8, samples: 4, quietMs: 19 });
  });

  it('leaves out samples outside the window and clips the last one to it', () => {
    expect(sampledTime(process, main, { from: START + 11, to: START + 15 })).toEqual({ ms: 3, samples: 2, quietMs: 0 });
  });

  it('reads 0 where no stack holds the extension', () => {
    const control = thread('GeckoMain', [
      [0, IDLE],
      [5, PAGE],
      [9, IDLE],
    ]);
    expect(sampledTime({ meta: { startTime: START }, threads: [control] }, control, { from: START, to: START + 20 })).toEqual({
      ms: 0,
      samples: 0,
      quietMs: 20,
    });
  });
});

describe('processOfPage', () => {
  const child = (url: string): GeckoProfile => ({
    meta: { startTime: START },
    pages: [{ url: 'about:blank' }, { url }],
    threads: [thread('GeckoMain', [])],
  });
  const parent: GeckoProfile = {
    meta: { startTime: START },
    pages: [],
    threads: [],
    processes: [child('http://a.example/'), child('http://b.example/')],
  };

  it('finds the content process that loaded the page, and its main thread', () => {
    const found = processOfPage(parent, 'http://b.example/');
    expect(found?.pages?.[1]?.url).toBe('http://b.example/');
    expect(found === undefined ? undefined : mainThreadOf(found)?.name).toBe('GeckoMain');
    expect(processOfPage(parent, 'http://c.example/')).toBeUndefined();
  });
});
