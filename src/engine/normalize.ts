/**
 * Arabic-aware text normalisation with an offset map, so that a match found
 * in normalised text can be turned back into a place in the original.
 *
 * Each code unit is folded by the table in `arabic.ts`. Whitespace runs
 * become one space, or one line break ("\n") when the run holds a block
 * break (BLOCK_BREAK: a boundary between blocks of page text or paragraphs
 * of the reference).
 */

import { EXPAND, LINE, SPACE, expansion, fold } from './arabic';
import { itemAt } from './item-at';

export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /**
   * For each index i of `text`, the index in the source where the character
   * it came from begins; `toSource[text.length]` is the source's length.
   * Non-decreasing, so it maps back both ways.
   */
  readonly toSource: Int32Array;
}

export function normalize(source: string): NormalizedText {
  const length = source.length;
  // Normalising only shrinks text, except for the rare expansions (ligatures): grow then.
  let out: Uint16Array = new Uint16Array(length + 1);
  let toSource: Int32Array = new Int32Array(length + 1);
  let size = 0;
  /** 0: not in whitespace; SPACE or LINE: in a whitespace run, already written at size - 1. */
  let run = 0;
  for (let index = 0; index < length; index += 1) {
    const unit = source.charCodeAt(index);
    const mapped = fold(unit);
    if (mapped >= 0) {
      out[size] = mapped;
      toSource[size] = index;
      size += 1;
      run = 0;
    } else if (mapped === SPACE || mapped === LINE) {
      if (run === 0) {
        out[size] = mapped === LINE ? 0x0a : 0x20;
        toSource[size] = index;
        size += 1;
        run = mapped;
      } else if (mapped === LINE && run === SPACE) {
        out[size - 1] = 0x0a; // A run holding a block break is a line.
        run = LINE;
      }
    } else if (mapped === EXPAND) {
      const replacement = expansion(unit);
      const needed = size + replacement.length + (length - index) + 1;
      if (needed > out.length) ({ out, toSource } = grown(out, toSource, needed + 64));
      for (const code of replacement) {
        if (code === 0x20 && run !== 0) continue; // a replacement's space joins the whitespace before it
        out[size] = code;
        toSource[size] = index;
        size += 1;
        run = code === 0x20 ? SPACE : 0;
      }
    }
    // DROP: nothing is written.
  }
  toSource[size] = length;
  return { text: utf16.decode(out.subarray(0, size)), toSource: toSource.subarray(0, size + 1) };
}

const utf16 = new TextDecoder('utf-16le');

function grown(out: Uint16Array, toSource: Int32Array, capacity: number): { out: Uint16Array; toSource: Int32Array } {
  const biggerOut = new Uint16Array(capacity);
  biggerOut.set(out);
  const biggerMap = new Int32Array(capacity + 1);
  biggerMap.set(toSource);
  return { out: biggerOut, toSource: biggerMap };
}

/**
 * The source range that normalised range [start, end) came from, marks
 * after its last character included, and the whole of a ligature it ends in.
 */
export function toSourceRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  const { toSource } = normalized;
  let after = end;
  while (after > start && after < normalized.text.length && toSource[after] === toSource[end - 1]) after += 1;
  return [itemAt(toSource, start), itemAt(toSource, after)];
}

/** The index in the normalised text of the first character at or after source index `index`. */
export function toNormalizedIndex(normalized: NormalizedText, index: number): number {
  const { toSource } = normalized;
  let low = 0;
  let high = normalized.text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (itemAt(toSource, middle) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
