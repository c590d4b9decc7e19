/**
 * Words of normalised text: maximal runs of letters and digits. Punctuation,
 * quotation marks and spacing are not words, so they never decide a match.
 */
import { isWordUnit } from './arabic';

export interface Words {
  /** Start offset of each word in the text. */
  readonly starts: Int32Array;
  /** End offset (exclusive) of each word. */
  readonly ends: Int32Array;
  readonly count: number;
}

export function words(text: string): Words {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  let start = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const inWord = index < text.length && isWordUnit(text.charCodeAt(index));
    if (inWord && start < 0) start = index;
    else if (!inWord && start >= 0) {
      if (count === starts.length) {
        const biggerStarts = new Int32Array(count * 2);
        biggerStarts.set(starts);
        starts = biggerStarts;
        const biggerEnds = new Int32Array(count * 2);
        biggerEnds.set(ends);
        ends = biggerEnds;
      }
      starts[count] = start;
      ends[count] = index;
      count += 1;
      start = -1;
    }
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), count };
}
