/**
 * The one table of characters the engine folds, and the one list of what
 * makes a word. Normalisation (`normalize.ts`), the pre-check's probe scan
 * (`probes.ts`) and word splitting (`tokens.ts`) all read it, so a character
 * is treated alike wherever it is met.
 *
 * Folded: harakat and Quranic marks, tatweel and invisible marks are
 * dropped; letter variants (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, Persian
 * ی ک), Arabic-Indic and Persian digits, quotation-mark styles, dashes and
 * Arabic punctuation become one form each; presentation forms go through
 * NFKC; Latin capitals become small letters. Whitespace is a space, except
 * the page reader's block break, which is a line.
 */

/** Dropped: the character is not written at all. */
export const DROP = -1;
/** A space (whitespace runs become one). */
export const SPACE = -2;
/** A line: the boundary between two blocks of the page, or two paragraphs. */
export const LINE = -3;
/** Replaced by more than one code unit (`expansion`). */
export const EXPAND = -4;

/**
 * What the page reader writes between two blocks (and the reference text
 * between two paragraphs): U+2029 PARAGRAPH SEPARATOR. A line break inside
 * a text node (pretty-printed HTML) is only whitespace, as the browser shows it.
 */
export const BLOCK_BREAK = '\u2029';

/** Ranges of code units, inclusive. */
type Ranges = readonly (readonly [number, number])[];

/** Harakat, Quranic annotation marks (small high letters, end of ayah, small waw and yeh), superscript alef, tatweel. */
export const MARKS: Ranges = [
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x0640, 0x0640],
  [0x06d6, 0x06dd],
  [0x06df, 0x06e8],
  [0x06ea, 0x06ed],
];

/** Invisible marks: zero-width and bidi controls, Arabic letter mark, word joiner and invisible operators, BOM, soft hyphen. */
export const INVISIBLE: Ranges = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

/** Letter variants and the letter each is folded to. */
export const LETTER_VARIANTS: readonly (readonly [string, string])[] = [
  ['آأإٱٲٳ', 'ا'],
  ['ىئی', 'ي'],
  ['ة', 'ه'],
  ['ؤ', 'و'],
  ['ک', 'ك'],
];

/** Whitespace other than line breaks; line breaks in text are whitespace too. */
const SPACES: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2028],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/**
 * Code units that make words in folded text: letters and digits of the
 * scripts a news page may hold. Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) and the
 * symbols ۞ ۩ are not; marks never reach folded text.
 */
export const WORD_UNITS: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
  [0x0370, 0x052f],
  [0x0620, 0x063f],
  [0x0641, 0x064a],
  [0x0660, 0x0669],
  [0x066e, 0x066f],
  [0x0671, 0x06d3],
  [0x06d5, 0x06d5],
  [0x06ee, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08c9],
  [0x3040, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd800, 0xdfff], // astral letters pass as words; rare in news text
];

/**
 * What each UTF-16 code unit folds to (a code unit, or one of the markers
 * above), plus ENTRY_OFFSET: so the 0 a new table holds means not looked at
 * yet, resolved by NFKC the first time it is met. Nothing is filled at
 * start-up, which every page load pays for.
 */
const table = new Int32Array(0x10000);
const ENTRY_OFFSET = 8;
const setFolded = (code: number, folded: number): number => {
  table[code] = folded + ENTRY_OFFSET;
  return folded;
};
const setFoldedRanges = (ranges: Ranges, folded: number): void => {
  for (const [from, to] of ranges) table.fill(folded + ENTRY_OFFSET, from, to + 1);
};
/** Replacements longer than one code unit (NFKC of ligatures and presentation forms), by code unit. */
const expansions = new Map<number, readonly number[]>();
const wordUnits = new Uint8Array(0x10000);

(function buildTables(): void {
  for (let code = 0; code < 0x80; code += 1) setFolded(code, code);
  for (let code = 0x41; code <= 0x5a; code += 1) setFolded(code, code + 0x20);
  setFoldedRanges(MARKS, DROP);
  setFoldedRanges(INVISIBLE, DROP);
  for (const [variants, letter] of LETTER_VARIANTS) for (const variant of variants) setFolded(variant.charCodeAt(0), letter.charCodeAt(0));
  for (let digit = 0; digit < 10; digit += 1) {
    setFolded(0x0660 + digit, 0x30 + digit);
    setFolded(0x06f0 + digit, 0x30 + digit);
  }
  // Punctuation: Arabic comma, semicolon, question mark, decimal and thousands separators.
  setFolded(0x060c, 0x2c);
  setFolded(0x061b, 0x3b);
  setFolded(0x061f, 0x3f);
  setFolded(0x066b, 0x2e);
  setFolded(0x066c, 0x2c);
  // Quotation marks: every double style becomes ", every single style '.
  for (const code of [0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2039, 0x203a, 0x2033, 0x301d, 0x301e]) setFolded(code, 0x22);
  for (const code of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032]) setFolded(code, 0x27);
  // Dashes and the minus sign.
  setFoldedRanges([[0x2010, 0x2015]], 0x2d);
  setFolded(0x2212, 0x2d);
  setFolded(0xfe58, 0x2d);
  setFoldedRanges(SPACES, SPACE);
  setFolded(BLOCK_BREAK.charCodeAt(0), LINE);
  for (const [from, to] of WORD_UNITS) wordUnits.fill(1, from, to + 1);
})();

/**
 * What NFKC folds a compatibility character (presentation form, ligature, fullwidth…) to, each result itself
 * folded. A character NFKC leaves alone (a lone surrogate among them) folds to itself.
 */
function resolve(code: number): number {
  const char = String.fromCharCode(code);
  const compatible = char.normalize('NFKC');
  if (compatible === char) return setFolded(code, code);
  const folded: number[] = [];
  for (const part of compatible) {
    if (part.length > 1) {
      folded.push(part.charCodeAt(0), part.charCodeAt(1)); // outside the BMP: kept as is
      continue;
    }
    const mapped = fold(part.charCodeAt(0));
    if (mapped >= 0) folded.push(mapped);
    else if (mapped === SPACE || mapped === LINE) folded.push(0x20);
    else if (mapped === EXPAND) folded.push(...expansion(part.charCodeAt(0)));
    // A mark inside a ligature (e.g. the shadda of ﱞ) is dropped like any other mark.
  }
  if (folded.every((unit) => unit === 0x20)) return setFolded(code, DROP);
  const [only] = folded;
  if (folded.length === 1 && only !== undefined) return setFolded(code, only);
  expansions.set(code, folded);
  return setFolded(code, EXPAND);
}

/** What a code unit folds to: a code unit, or DROP, SPACE, LINE or EXPAND. */
export function fold(code: number): number {
  const entry = table[code] ?? 0; // every code unit indexes the table: the default only satisfies the type
  return entry === 0 ? resolve(code) : entry - ENTRY_OFFSET;
}

/** The code units an EXPAND code unit is replaced by. */
export function expansion(code: number): readonly number[] {
  const replacement = expansions.get(code);
  if (replacement === undefined) throw new Error(`U+${code.toString(16)} does not expand`);
  return replacement;
}

/** Whether a code unit of folded text is part of a word. */
export function isWordUnit(code: number): boolean {
  return wordUnits[code] === 1;
}
