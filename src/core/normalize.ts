/**
 * Arabic-aware text normalisation with an offset map, so that a match found
 * in normalised text can be turned back into a place in the original.
 *
 * Folds what differs between two publications of the same words: harakat
 * and Quranic marks, tatweel, letter variants (أ إ آ ٱ → ا, ى → ي, ة → ه,
 * ؤ → و, ئ → ي, Persian ی ک), Arabic-Indic and Persian digits, quotation
 * mark styles, dashes, Arabic punctuation, spaces and invisible marks,
 * presentation forms (NFKC), and Latin case. Whitespace runs become one
 * space, or one line break when the run holds a line break (a block
 * boundary in page text).
 */

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

const DROP = -1;
const SPACE = -2;
const LINE = -3;
const EXPAND = -4;
/** Not looked at yet: resolved by NFKC the first time it is met, so start-up stays cheap. */
const UNRESOLVED = -5;

/** What each UTF-16 code unit becomes: a code unit, or one of the markers above. Built once. */
const table = new Int32Array(0x10000);
/** Replacements longer than one code unit (NFKC of ligatures and presentation forms), by code unit. */
const expansions = new Map<number, readonly number[]>();

function setRange(from: number, to: number, value: number): void {
  for (let code = from; code <= to; code += 1) table[code] = value;
}

/** What NFKC folds a compatibility character (presentation form, ligature, fullwidth…) to, each result itself folded. */
function resolve(code: number): number {
  const char = String.fromCharCode(code);
  const compatible = char.normalize('NFKC');
  if (compatible === char) return (table[code] = code);
  const folded: number[] = [];
  for (const part of compatible) {
    if (part.length > 1) {
      folded.push(part.charCodeAt(0), part.charCodeAt(1)); // outside the BMP: kept as is
      continue;
    }
    const unit = part.charCodeAt(0);
    let mapped = table[unit] ?? unit;
    if (mapped === UNRESOLVED) mapped = resolve(unit);
    if (mapped >= 0) folded.push(mapped);
    else if (mapped === SPACE || mapped === LINE) folded.push(0x20);
    // A mark inside a ligature (e.g. the shadda of ﱞ) is dropped like any other mark.
  }
  if (folded.every((unit) => unit === 0x20)) return (table[code] = DROP);
  if (folded.length === 1) return (table[code] = folded[0] ?? code);
  expansions.set(code, folded);
  return (table[code] = EXPAND);
}

(function buildTable(): void {
  for (let code = 0; code < 0x80; code += 1) table[code] = code;
  setRange(0x80, 0xffff, UNRESOLVED);
  for (let code = 0xd800; code <= 0xdfff; code += 1) table[code] = code; // surrogates pass through (a lone one decodes as U+FFFD)
  // Latin capitals fold to lower case.
  setRange(0x41, 0x5a, 0);
  for (let code = 0x41; code <= 0x5a; code += 1) table[code] = code + 0x20;
  // Harakat, Quranic annotation marks, superscript alef, tatweel.
  setRange(0x064b, 0x065f, DROP);
  table[0x0670] = DROP;
  table[0x0640] = DROP;
  setRange(0x06d6, 0x06dc, DROP);
  setRange(0x06df, 0x06e4, DROP);
  setRange(0x06e7, 0x06e8, DROP);
  setRange(0x06ea, 0x06ed, DROP);
  // Invisible marks: zero-width and bidi controls, ALM, BOM, soft hyphen, word joiner.
  setRange(0x200b, 0x200f, DROP);
  setRange(0x202a, 0x202e, DROP);
  setRange(0x2060, 0x2064, DROP);
  setRange(0x2066, 0x2069, DROP);
  table[0x061c] = DROP;
  table[0xfeff] = DROP;
  table[0x00ad] = DROP;
  // Letter variants.
  for (const code of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) table[code] = 0x0627; // → ا
  table[0x0649] = 0x064a; // ى → ي
  table[0x0626] = 0x064a; // ئ → ي
  table[0x06cc] = 0x064a; // Persian ی → ي
  table[0x0629] = 0x0647; // ة → ه
  table[0x0624] = 0x0648; // ؤ → و
  table[0x06a9] = 0x0643; // Persian ک → ك
  // Digits.
  for (let digit = 0; digit < 10; digit += 1) {
    table[0x0660 + digit] = 0x30 + digit;
    table[0x06f0 + digit] = 0x30 + digit;
  }
  // Punctuation: Arabic comma, semicolon, question mark, decimal and thousands separators.
  table[0x060c] = 0x2c;
  table[0x061b] = 0x3b;
  table[0x061f] = 0x3f;
  table[0x066b] = 0x2e;
  table[0x066c] = 0x2c;
  // Quotation marks: every double style becomes ", every single style '.
  for (const code of [0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2039, 0x203a, 0x2033, 0x301d, 0x301e]) table[code] = 0x22;
  for (const code of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032]) table[code] = 0x27;
  // Dashes and the minus sign.
  setRange(0x2010, 0x2015, 0x2d);
  table[0x2212] = 0x2d;
  table[0xfe58] = 0x2d;
  // Spaces; line breaks mark block boundaries.
  for (const code of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) table[code] = SPACE;
  setRange(0x2000, 0x200a, SPACE);
  for (const code of [0x0a, 0x0d, 0x85, 0x2028, 0x2029]) table[code] = LINE;
})();

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
    let mapped = table[unit] ?? unit;
    if (mapped === UNRESOLVED) mapped = resolve(unit);
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
        out[size - 1] = 0x0a; // A run holding a line break is a line break.
        run = LINE;
      }
    } else if (mapped === EXPAND) {
      const replacement = expansions.get(unit) ?? [];
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
  return [toSource[start] ?? 0, toSource[after] ?? 0];
}

/** The index in the normalised text of the first character at or after source index `index`. */
export function toNormalizedIndex(normalized: NormalizedText, index: number): number {
  const { toSource } = normalized;
  let low = 0;
  let high = normalized.text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((toSource[middle] ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
