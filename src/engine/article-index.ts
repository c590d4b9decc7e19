/**
 * What the engine precomputes once per article: its normalised reference
 * text, words, word shingles, and the probes of the fast pre-check.
 */
import type { Article } from '../article/schema';
import { BLOCK_BREAK } from './arabic';
import { normalize, toNormalizedIndex, type NormalizedText } from './normalize';
import { probesOf, type Probes } from './probes';
import { placeInReference, referenceText, type TextQuote } from '../article/text-quote';
import { words, type Words } from './tokens';
import { itemAt } from './item-at';

/** Words per shingle: long enough that shared stock phrases rarely match, short enough that an edit loses little. */
export const SHINGLE_WORDS = 3;

export interface ArticleIndex {
  readonly article: Article;
  /** The normalised reference text (paragraphs joined by line breaks). */
  readonly reference: NormalizedText;
  readonly words: Words;
  /** Paragraph of each reference word. */
  readonly paragraphOf: Int32Array;
  /** Word range [first, end) of each paragraph. */
  readonly paragraphWords: readonly { readonly first: number; readonly end: number }[];
  /** Normalised characters of each paragraph counted for coverage: its words plus one separator each. */
  readonly paragraphWeight: Float64Array;
  readonly totalWeight: number;
  /** Word text → word id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Word id of each reference word. */
  readonly wordIds: Int32Array;
  /** Shingle key → reference word indices where that shingle starts. */
  readonly shingles: ReadonlyMap<number, readonly number[]>;
  /** Shingle lengths in use: SHINGLE_WORDS, and the word count of any shorter paragraph. */
  readonly shingleLengths: readonly number[];
  /** Where each annotation sits in the normalised reference text, by annotation id. */
  readonly spans: ReadonlyMap<string, ReferenceSpan>;
  /** The pre-check's probes: see `probes.ts`. */
  readonly probes: Probes;
  /** The reference text as published: paragraphs joined by line breaks. */
  readonly published: string;
}

export interface ReferenceSpan {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

/** A shingle's key from its word ids: unique for vocabularies under 2^16 words and shingles up to 3 words. */
export function shingleKey(ids: ArrayLike<number>, from: number, length: number): number {
  let key = 0;
  for (let offset = 0; offset < length; offset += 1) key = key * 65536 + itemAt(ids, from + offset) + 1;
  return key * 4 + length;
}

export function indexArticle(article: Article): ArticleIndex {
  const raw = referenceText(article.paragraphs);
  // Paragraphs are blocks: joined by the block break, which is one code unit like the line break of `raw`, so offsets agree.
  const reference = normalize(article.paragraphs.join(BLOCK_BREAK));
  const text = reference.text;
  const referenceWords = words(text);
  const paragraphOf = new Int32Array(referenceWords.count);
  const paragraphWords: { first: number; end: number }[] = [];
  const paragraphWeight = new Float64Array(article.paragraphs.length);
  const vocabulary = new Map<string, number>();
  const wordIds = new Int32Array(referenceWords.count);

  let paragraph = 0;
  let lineEnd = text.indexOf('\n');
  for (let word = 0; word < referenceWords.count; word += 1) {
    const start = itemAt(referenceWords.starts, word);
    const end = itemAt(referenceWords.ends, word);
    while (lineEnd !== -1 && start > lineEnd) {
      paragraph += 1;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    paragraphOf[word] = paragraph;
    const current = (paragraphWords[paragraph] ??= { first: word, end: word });
    current.end = word + 1;
    paragraphWeight[paragraph] = itemAt(paragraphWeight, paragraph) + (end - start) + 1;
    const spelling = text.slice(start, end);
    let id = vocabulary.get(spelling);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(spelling, id);
    }
    wordIds[word] = id;
  }
  if (vocabulary.size >= 65535) throw new Error(`article ${article.id}: too many distinct words to index`);

  const shingles = new Map<number, number[]>();
  const lengths = new Set<number>();
  for (const { first, end } of paragraphWords) {
    const length = Math.min(SHINGLE_WORDS, end - first);
    lengths.add(length);
    for (let word = first; word + length <= end; word += 1) {
      const key = shingleKey(wordIds, word, length);
      const starts = shingles.get(key);
      if (starts === undefined) shingles.set(key, [word]);
      else starts.push(word);
    }
  }

  return {
    article,
    reference,
    words: referenceWords,
    paragraphOf,
    paragraphWords,
    paragraphWeight,
    totalWeight: paragraphWeight.reduce((sum, weight) => sum + weight, 0),
    vocabulary,
    wordIds,
    shingles,
    shingleLengths: [...lengths].sort((a, b) => b - a),
    spans: spansOf(article, raw, reference),
    probes: probesOf(text.split('\n')),
    published: raw,
  };
}

/** Where a selector sits in the normalised reference text; one the schema checks let through always has a place. */
function spanOf(selector: TextQuote, raw: string, reference: NormalizedText): ReferenceSpan | undefined {
  const place = placeInReference(raw, selector);
  if (place === undefined) return undefined;
  return { start: toNormalizedIndex(reference, place.start), end: toNormalizedIndex(reference, place.end), paragraph: place.paragraph };
}

/** Each annotation's span, by id. */
function spansOf(article: Article, raw: string, reference: NormalizedText): Map<string, ReferenceSpan> {
  const spans = new Map<string, ReferenceSpan>();
  for (const annotation of article.annotations) {
    const span = spanOf(annotation.target, raw, reference);
    if (span !== undefined) spans.set(annotation.id, span);
  }
  return spans;
}
