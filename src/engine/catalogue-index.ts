/**
 * The catalogue's detection index: every known article's probes (see
 * `probes.ts`) in one hash table, written by the build as bytes and read at
 * run time without being rebuilt. The keys of a page's sampled phrases
 * (`sampledKeys`, one pass over its text, in the page) are looked up in it
 * for all articles at once, however many there are.
 *
 * Layout, little-endian 32-bit words:
 * - header: magic, version, article count, table bits, postings, id bytes;
 * - per article: probes needed, least page characters, probe count, end of its id;
 * - the table's keys (a probe's key + 1; 0 is an empty slot), open addressing;
 * - per slot, its postings: first << 8 | count;
 * - the postings: article << 8 | probe;
 * - the articles' ids, UTF-8, end to end (padded to a word).
 */
import { itemAt } from './item-at';
import { keyOf } from './probes';

/** What the index holds of one article. */
export interface CatalogueArticle {
  readonly id: string;
  /** Its probes: sampled phrases, chosen by `catalogueEntries`. */
  readonly phrases: readonly string[];
  /** Distinct probes a page must hold. */
  readonly needed: number;
  /** Characters a page's text must have at least. */
  readonly minChars: number;
}

const MAGIC = 0x444e5349; // "ISND"
const VERSION = 2;
const HEADER_WORDS = 6;
const ARTICLE_WORDS = 4;
/** A posting names its probe in 8 bits, and a slot counts its postings in 8. */
export const MAX_PROBES = 255;
const MAX_POSTINGS_PER_KEY = 255;

/** Slot of a key in a table of 2^bits slots: a multiplicative hash, since keys of one article may share low bits. */
const slotOf = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

export function writeCatalogueIndex(articles: readonly CatalogueArticle[]): Uint8Array {
  const byKey = new Map<number, number[]>();
  articles.forEach((article, number) => {
    if (article.phrases.length > MAX_PROBES) throw new Error(`article ${article.id}: more than ${MAX_PROBES} probes`);
    article.phrases.forEach((phrase, probe) => {
      const key = keyOf(phrase);
      const postings = byKey.get(key) ?? [];
      // A phrase in this many articles tells none of them apart: the first ones keep it.
      if (postings.length < MAX_POSTINGS_PER_KEY) postings.push((number << 8) | probe);
      byKey.set(key, postings);
    });
  });
  // At most half full, so that a miss (nearly every phrase of a page) ends within a slot or two.
  let bits = 4;
  while (1 << bits < byKey.size * 2) bits += 1;
  const size = 1 << bits;
  const ids = new TextEncoder().encode(articles.map((article) => article.id).join(''));
  const postingsCount = [...byKey.values()].reduce((sum, postings) => sum + postings.length, 0);
  const words = new Uint32Array(HEADER_WORDS + articles.length * ARTICLE_WORDS + size * 2 + postingsCount + Math.ceil(ids.length / 4));
  words.set([MAGIC, VERSION, articles.length, bits, postingsCount, ids.length]);
  let idEnd = 0;
  articles.forEach((article, number) => {
    idEnd += new TextEncoder().encode(article.id).length;
    words.set([article.needed, article.minChars, article.phrases.length, idEnd], HEADER_WORDS + number * ARTICLE_WORDS);
  });
  const keysAt = HEADER_WORDS + articles.length * ARTICLE_WORDS;
  const slotsAt = keysAt + size;
  const postingsAt = slotsAt + size;
  let next = 0;
  for (const [key, postings] of byKey) {
    let slot = slotOf(key, bits);
    while (itemAt(words, keysAt + slot) !== 0) slot = (slot + 1) & (size - 1);
    words[keysAt + slot] = key + 1;
    words[slotsAt + slot] = (next << 8) | postings.length;
    words.set(postings, postingsAt + next);
    next += postings.length;
  }
  const bytes = new Uint8Array(words.buffer);
  bytes.set(ids, (postingsAt + postingsCount) * 4);
  return bytes;
}

/** Probe numbers seen on a page, per article number: what a later change is judged against. */
export type SeenProbes = Readonly<Record<number, readonly number[]>>;

/** What a page's sampled phrases hold of the catalogue. */
export interface CatalogueHits {
  /** Articles whose probes the page holds enough of, on a page long enough: worth reading further. */
  readonly candidates: readonly number[];
  /** The probes seen, per article that has any. */
  readonly seen: SeenProbes;
}

export class CatalogueIndex {
  readonly #words: Uint32Array;
  readonly #ids: Uint8Array;
  readonly #bits: number;
  readonly #keysAt: number;
  readonly #slotsAt: number;
  readonly #postingsAt: number;
  readonly size: number;

  constructor(bytes: ArrayBuffer) {
    if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteLength % 4 !== 0) throw new Error('the catalogue index is truncated');
    const words = new Uint32Array(bytes);
    const [magic, version, size = 0, bits = 0, postings = 0, idBytes = 0] = words.subarray(0, HEADER_WORDS);
    if (magic !== MAGIC || version !== VERSION) throw new Error('not a catalogue index of this version');
    this.#words = words;
    this.#bits = bits;
    this.size = size;
    this.#keysAt = HEADER_WORDS + size * ARTICLE_WORDS;
    this.#slotsAt = this.#keysAt + (1 << bits);
    this.#postingsAt = this.#slotsAt + (1 << bits);
    const idsAt = (this.#postingsAt + postings) * 4;
    if (idsAt + idBytes > bytes.byteLength) throw new Error('the catalogue index is truncated');
    this.#ids = new Uint8Array(bytes, idsAt, idBytes);
  }

  #field(article: number, field: number): number {
    return itemAt(this.#words, HEADER_WORDS + article * ARTICLE_WORDS + field);
  }

  idOf(article: number): string {
    const start = article === 0 ? 0 : this.#field(article - 1, 3);
    return new TextDecoder().decode(this.#ids.subarray(start, this.#field(article, 3)));
  }

  /** The postings of a phrase's key (article << 8 | probe), or none. */
  #postings(key: number): Uint32Array | undefined {
    const words = this.#words;
    const mask = (1 << this.#bits) - 1;
    for (let slot = slotOf(key, this.#bits); ; slot = (slot + 1) & mask) {
      const stored = itemAt(words, this.#keysAt + slot);
      if (stored === 0) return undefined;
      if (stored === key + 1) {
        const packed = itemAt(words, this.#slotsAt + slot);
        const first = this.#postingsAt + (packed >>> 8);
        return words.subarray(first, first + (packed & 0xff));
      }
    }
  }

  /** The articles a page holds probes of: the keys of its sampled phrases (`sampledKeys`) looked up, and its text's length. */
  lookUp(keys: Iterable<number>, textLength: number): CatalogueHits {
    const postings: number[] = [];
    for (const key of keys) {
      const found = this.#postings(key);
      if (found !== undefined) postings.push(...found);
    }
    const seen = this.#seenOf(postings);
    const candidates = Object.entries(seen)
      .map(([article, probes]) => ({ article: Number(article), probes }))
      .filter(({ article, probes }) => probes.length >= this.#field(article, 0) && textLength >= this.#field(article, 1))
      .map(({ article }) => article);
    return { candidates, seen };
  }

  /**
   * Whether what a page added (the keys of its sampled phrases), with the
   * probes seen on the page before, now holds enough of an article's probes
   * to read the page again; and what has been seen since. The page itself
   * is not read.
   */
  judgeAdded(keys: Iterable<number>, before: SeenProbes): { readonly worth: boolean; readonly seen: SeenProbes } {
    const added = this.lookUp(keys, 0);
    const seen: Record<number, number[]> = {};
    for (const source of [before, added.seen]) {
      for (const [article, probes] of Object.entries(source)) {
        const number = Number(article);
        if (!Number.isSafeInteger(number) || number < 0 || number >= this.size) continue;
        seen[number] = [...new Set([...(seen[number] ?? []), ...probes])].sort((a, b) => a - b);
      }
    }
    const worth = Object.keys(added.seen).some((article) => (seen[Number(article)]?.length ?? 0) >= this.#field(Number(article), 0));
    return { worth, seen };
  }

  /** The distinct probes of each article in a list of postings. */
  #seenOf(postings: readonly number[]): Record<number, number[]> {
    const seen: Record<number, Set<number>> = {};
    for (const entry of postings) (seen[entry >>> 8] ??= new Set()).add(entry & 0xff);
    return Object.fromEntries(Object.entries(seen).map(([article, probes]) => [article, [...probes].sort((a, b) => a - b)]));
  }
}
