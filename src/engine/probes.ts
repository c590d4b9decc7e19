/**
 * The pre-check: a few phrases of the article (probes), looked for in a
 * page's raw text in one pass that folds each character by the table in
 * `arabic.ts` as it goes, so marks, letter variants, digit forms, spacing
 * and punctuation cannot hide a probe, and nothing is copied. A page without
 * most of the probes is not the article; on a page with them, where the
 * hits cluster is where the article may be, and only there is the page read
 * with its styles.
 */
import { DROP, EXPAND, fold, isWordUnit } from './arabic';
import { words } from './tokens';
import { itemAt } from './item-at';

/** Words in a probe: three, so that the stock phrases of news on the same subjects rarely make one. */
const PROBE_WORDS = 3;
/** Probes taken from each paragraph: spread over the text, so a partial copy still holds some. */
const PROBES_PER_PARAGRAPH = 2;
/** Share of the probes a page must hold to be read further. */
const PROBE_THRESHOLD = 0.4;
/** Distinct probes a cluster of hits must hold to be a place where the article may be. */
const CLUSTER_PROBES = 2;
/** Hits kept for locating the article; a page with more is read whole. */
export const MAX_HITS = 4096;
const HASH_BASE = 31;

export interface Probes {
  /** Each probe, as words of folded text joined by one space. */
  readonly phrases: readonly string[];
  /** How many distinct probes a page must hold. */
  readonly needed: number;
  /** 1 where the low 16 bits of a probe's key are: most runs of three words on a page are ruled out by this alone. */
  readonly keyFilter: Uint8Array;
  /** Probes by their key: the hashes of their three words, combined. */
  readonly byKey: ReadonlyMap<number, readonly number[]>;
}

/**
 * Hashes are kept to 30 bits, so that they stay small integers in every
 * tier of the JavaScript engine: a larger one is a heap number, allocated
 * per character while the scan's code is not yet optimised.
 */
const HASH_MASK = 0x3fffffff;
/** A word's hash, from its folded units. */
const wordHash = (hash: number, unit: number): number => (Math.imul(hash, HASH_BASE) + unit) & HASH_MASK;
/** The key of three words in a row, from their hashes. */
const phraseKey = (first: number, second: number, third: number): number =>
  (Math.imul(first, 0x2f0b3) ^ Math.imul(second, 0x1b873) ^ third) & HASH_MASK;

/** The hash of text[start, end), folded text's code units, as `forEachPhrase` hashes a word. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let index = start; index < end; index += 1) hash = wordHash(hash, text.charCodeAt(index));
  return hash;
}

/** The key of a probe, as `forEachPhrase` makes it from the same words on a page. */
export function keyOf(phrase: string): number {
  const second = phrase.indexOf(' ');
  const third = phrase.indexOf(' ', second + 1);
  return phraseKey(hashOf(phrase, 0, second), hashOf(phrase, second + 1, third), hashOf(phrase, third + 1, phrase.length));
}

/**
 * The folded word stream: what each code unit is there. A word unit is
 * itself folded; everything else that is written (spaces, punctuation,
 * quotation marks, line breaks) is a separator, and a run of them is one;
 * marks are dropped. Filled from `arabic.ts` as code units are first met:
 * 0, what a new table holds, is a code unit not met yet (no fill at start-up).
 */
const SEPARATOR = 0x20;
const UNSEEN = 0;
const EXPANDS = -8;
const stream = new Int32Array(0x10000);

function streamUnit(code: number): number {
  const folded = fold(code);
  let unit: number;
  if (folded === DROP) unit = DROP;
  else if (folded < 0) unit = folded === EXPAND ? EXPANDS : SEPARATOR;
  else unit = isWordUnit(folded) ? folded : SEPARATOR;
  stream[code] = unit;
  return unit;
}

/**
 * Each run of PROBE_WORDS words of a normalised paragraph, once, as words joined by one space; with `keep`, only
 * the runs whose key it keeps (a catalogue keeps a sixteenth: no string is made of the others).
 */
export function phrasesOf(paragraph: string, keep: (key: number) => boolean = () => true): string[] {
  const { count, starts, ends } = words(paragraph);
  const word = (at: number): string => paragraph.slice(starts[at], ends[at]);
  const hashes = Array.from({ length: count }, (_, at) => hashOf(paragraph, starts[at] ?? 0, ends[at] ?? 0));
  const phrases = new Set<string>();
  for (let first = 0; first + PROBE_WORDS <= count; first += 1) {
    if (keep(phraseKey(hashes[first] ?? 0, hashes[first + 1] ?? 0, hashes[first + 2] ?? 0)))
      phrases.add(`${word(first)} ${word(first + 1)} ${word(first + 2)}`);
  }
  return [...phrases];
}

/**
 * Per paragraph, its PROBES_PER_PARAGRAPH runs of words not already taken:
 * the rarest first where a catalogue says how many of its articles use a
 * phrase (`spread`), then the longest.
 */
export function chooseProbes(paragraphPhrases: readonly (readonly string[])[], spread: (phrase: string) => number = () => 1): string[] {
  const chosen: string[] = [];
  for (const phrases of paragraphPhrases) {
    const taken = new Set(chosen);
    const ranked = phrases
      .filter((phrase) => !taken.has(phrase))
      .map((phrase) => ({ phrase, spread: spread(phrase) }))
      .sort((a, b) => a.spread - b.spread || b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1));
    chosen.push(...ranked.slice(0, PROBES_PER_PARAGRAPH).map(({ phrase }) => phrase));
  }
  return chosen;
}

/**
 * The catalogue's probes are phrases whose key has its low SAMPLE_BITS bits
 * clear: one in sixteen of every text's phrases, chosen by the text itself.
 * So a page can hand over the keys of its own sampled phrases, a sixteenth
 * of them and never its text, to be looked up in the catalogue's index.
 */
export const SAMPLE_BITS = 4;
const SAMPLE_MASK = (1 << SAMPLE_BITS) - 1;
export const isSampled = (key: number): boolean => (key & SAMPLE_MASK) === 0;

/** The distinct keys of a text's sampled phrases (see `isSampled`), in one pass. */
export function sampledKeys(text: string): Set<number> {
  const keys = new Set<number>();
  forEachPhrase(text, (key) => {
    if ((key & SAMPLE_MASK) === 0) keys.add(key);
  });
  return keys;
}

/** The share of its probes a page must hold, as a count. */
export const probesNeeded = (count: number): number => Math.ceil(count * PROBE_THRESHOLD);

/** Per paragraph of the normalised reference, its longest runs of PROBE_WORDS words not already taken, ready to look for. */
export function probesOf(normalizedParagraphs: readonly string[]): Probes {
  const chosen = chooseProbes(normalizedParagraphs.map((paragraph) => phrasesOf(paragraph)));
  const keyFilter = new Uint8Array(0x10000);
  const byKey = new Map<number, number[]>();
  chosen.forEach((phrase, index) => {
    const key = keyOf(phrase);
    keyFilter[key & 0xffff] = 1;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [index]);
    else list.push(index);
  });
  return { phrases: chosen, needed: probesNeeded(chosen.length), keyFilter, byKey };
}

export interface ProbeHits {
  /** 1 for each probe found. */
  readonly found: Uint8Array;
  /** How many distinct probes were found. */
  readonly distinct: number;
  /** Where each hit begins in the text, in text order (the first MAX_HITS). */
  readonly offsets: readonly number[];
  /** The probe of each hit. */
  readonly probeOf: readonly number[];
  /** More hits than MAX_HITS were found. */
  readonly overflow: boolean;
}

/** Whether `phrase` starts at `at` in raw text, read as the folded word stream. */
function phraseAt(text: string, at: number, phrase: string): boolean {
  let index = at;
  let previous = SEPARATOR;
  for (let unit = 0; unit < phrase.length;) {
    if (index >= text.length) return false;
    const code = text.charCodeAt(index);
    index += 1;
    let next = stream[code] ?? UNSEEN; // every code unit indexes the stream: the default only satisfies the type
    if (next === UNSEEN) next = streamUnit(code);
    if (next === DROP || (next === SEPARATOR && previous === SEPARATOR)) continue;
    if (next !== phrase.charCodeAt(unit)) return false;
    previous = next;
    unit += 1;
  }
  return true;
}

/**
 * Calls `onPhrase` with the key and start of every run of three words in raw
 * text, read as the folded word stream, in one pass: each word is hashed as
 * its letters go by, and at its end the key of the last three words is made.
 * The one reading of phrases for the pre-check of one article and for the
 * catalogue's detector alike.
 */
export function forEachPhrase(text: string, onPhrase: (key: number, start: number) => void): void {
  // The word being read (its hash, where it began; -1 between words), and the two before it.
  let hash = 0;
  let start = -1;
  let secondHash = 0;
  let secondStart = 0;
  let firstHash = 0;
  let firstStart = 0;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    const unit = stream[code] ?? UNSEEN; // every code unit indexes the stream: the default only satisfies the type
    if (unit > SEPARATOR) {
      // A letter or digit: most of the text, so first and shortest.
      if (start < 0) {
        start = index;
        hash = 0;
      }
      hash = wordHash(hash, unit);
      continue;
    }
    if (unit === UNSEEN) {
      streamUnit(code);
      index -= 1; // a code unit met for the first time: read again now that it is known
      continue;
    }
    if (unit === DROP || start < 0) continue; // a mark between two letters does not part them
    // A word ended: it and the two before it are a phrase.
    onPhrase(phraseKey(firstHash, secondHash, hash), firstStart);
    firstHash = secondHash;
    firstStart = secondStart;
    secondHash = hash;
    secondStart = start;
    start = -1;
    // A ligature or presentation form (rare in text) parts words: no probe runs across it.
    if (unit === EXPANDS) secondHash = firstHash = 0;
  }
  if (start >= 0) onPhrase(phraseKey(firstHash, secondHash, hash), firstStart);
}

/**
 * Every probe hit in raw text, in one pass (`forEachPhrase`): the key of
 * each run of three words is looked up in a 64 K-bit filter, so that only a
 * likely probe is compared further.
 */
export function scanProbes(probes: Probes, text: string): ProbeHits {
  const { keyFilter, byKey, phrases } = probes;
  const found = new Uint8Array(phrases.length);
  const offsets: number[] = [];
  const probeOf: number[] = [];
  let distinct = 0;
  let overflow = false;
  forEachPhrase(text, (key, at) => {
    if (keyFilter[key & 0xffff] !== 1) return;
    for (const probe of byKey.get(key) ?? []) {
      if (!phraseAt(text, at, itemAt(phrases, probe))) continue;
      if (found[probe] === 0) {
        found[probe] = 1;
        distinct += 1;
      }
      if (offsets.length < MAX_HITS) {
        offsets.push(at);
        probeOf.push(probe);
      } else overflow = true;
    }
  });
  return { found, distinct, offsets, probeOf, overflow };
}

/**
 * Where in the text the article may be: each cluster of hits (hits closer
 * than `reach` to the next) that holds at least two distinct probes,
 * widened by `reach` on both sides, so that the paragraphs around a hit are
 * taken whole; overlapping places merged. A text with too many hits to keep
 * is one place, whole.
 */
export function hitRegions(hits: ProbeHits, reach: number, length: number): [number, number][] {
  if (hits.overflow) return [[0, length]];
  const regions: [number, number][] = [];
  const { offsets, probeOf } = hits;
  let first = 0;
  while (first < offsets.length) {
    let last = first;
    while (last + 1 < offsets.length && itemAt(offsets, last + 1) - itemAt(offsets, last) <= reach) last += 1;
    const probes = new Set(probeOf.slice(first, last + 1));
    if (probes.size >= CLUSTER_PROBES) {
      const start = Math.max(0, itemAt(offsets, first) - reach);
      const end = Math.min(length, itemAt(offsets, last) + reach);
      const previous = regions[regions.length - 1];
      if (previous !== undefined && start <= previous[1]) previous[1] = end;
      else regions.push([start, end]);
    }
    first = last + 1;
  }
  return regions;
}
