/**
 * Words of normalised text: maximal runs of letters and digits. Punctuation,
 * quotation marks and spacing are not words, so they never decide a match.
 */

/** Whether a code unit of normalised text is part of a word. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x0620 && code <= 0x06ff) {
    // Arabic block: letters and digits, not its punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) or marks.
    return (code <= 0x064a) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x066e && code <= 0x06d3) || code === 0x06d5 || code >= 0x06ee;
  }
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x0370 && code <= 0x052f) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08c9) ||
    (code >= 0x3040 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xd800 && code <= 0xdfff) // astral letters pass as words; rare in news text
  );
}

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
