/**
 * What the engine precomputes once per article: its normalised reference
 * text, words, word shingles, and the probes of the fast pre-check.
 */
import type { Article } from '../annotations/schema';
import { normalize, toNormalizedIndex, type NormalizedText } from './normalize';
import { quoteMatches, referenceText } from './text-quote';
import { words, type Words } from './tokens';

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
  /** Fragments of the raw reference text that a copy of it keeps whatever its spelling: see `precheck`. */
  readonly probes: readonly string[];
}

export interface ReferenceSpan {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

/** A shingle's key from its word ids: unique for vocabularies under 2^16 words and shingles up to 3 words. */
export function shingleKey(ids: ArrayLike<number>, from: number, length: number): number {
  let key = 0;
  for (let offset = 0; offset < length; offset += 1) key = key * 65536 + (ids[from + offset] ?? 0) + 1;
  return key * 4 + length;
}

export function indexArticle(article: Article): ArticleIndex {
  const raw = referenceText(article.paragraphs);
  const reference = normalize(raw);
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
    const start = referenceWords.starts[word] ?? 0;
    const end = referenceWords.ends[word] ?? 0;
    while (lineEnd !== -1 && start > lineEnd) {
      paragraph += 1;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    paragraphOf[word] = paragraph;
    const current = (paragraphWords[paragraph] ??= { first: word, end: word });
    current.end = word + 1;
    paragraphWeight[paragraph] = (paragraphWeight[paragraph] ?? 0) + (end - start) + 1;
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
    probes: probesOf(article.paragraphs),
  };
}

/** Each annotation's normalised span and paragraph; an annotation the schema checks let through always has one. */
function spansOf(article: Article, raw: string, reference: NormalizedText): Map<string, ReferenceSpan> {
  const spans = new Map<string, ReferenceSpan>();
  for (const annotation of article.annotations) {
    const [rawStart] = quoteMatches(raw, annotation.target);
    if (rawStart === undefined) continue;
    spans.set(annotation.id, {
      start: toNormalizedIndex(reference, rawStart),
      end: toNormalizedIndex(reference, rawStart + annotation.target.exact.length),
      paragraph: raw.slice(0, rawStart).split('\n').length - 1,
    });
  }
  return spans;
}

/** Marks a copy may add or drop anywhere: harakat, Quranic marks, tatweel, invisible marks. */
export const ignorableMarks = /[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\u00ad\ufeff]/g;

/**
 * Letters whose spelling varies between copies of the same text (alef and
 * hamza seats, ta marbuta, alef maqsura, digits), and word-final ي and ه
 * (written ى and ة by some): a probe avoids them, so that it can be looked
 * for in raw page text with indexOf once marks are stripped.
 */
const unstableLetters = /[\u0621-\u0627\u0629\u0649\u0671\u06cc\u0660-\u0669\u06f0-\u06f90-9]/;
const PROBES_PER_PARAGRAPH = 2;
const PROBE_LENGTH = 4;

/** Per paragraph, its longest runs of stable letters: spread over the text, so a partial copy still holds some. */
function probesOf(paragraphs: readonly string[]): string[] {
  const probes = new Set<string>();
  for (const paragraph of paragraphs) {
    const runs = new Set<string>();
    for (const word of paragraph.replace(ignorableMarks, '').split(/[^\u0621-\u064a\u066e-\u06d3]+/)) {
      for (const run of word.replace(/[\u064a\u0647]$/, '').split(unstableLetters)) {
        if (run.length >= PROBE_LENGTH && !probes.has(run)) runs.add(run);
      }
    }
    const longest = [...runs].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, PROBES_PER_PARAGRAPH);
    for (const run of longest) probes.add(run);
  }
  return [...probes];
}
