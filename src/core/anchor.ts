/**
 * Placing each annotation on a page where the article was found. Pure:
 * works on normalised page text and the detection's word alignment, so the
 * page text is read once whatever the number of annotations.
 *
 * Exact first: the annotation's normalised words, looked for inside the
 * page copy of its paragraph, the candidates ranked by how well their
 * surroundings agree with the annotation's prefix and suffix. Then, for a
 * lightly edited passage, a bounded approximate match inside that copy with
 * a minimum similarity. Anything less stays unplaced: a wrong place is worse
 * than none.
 */
import type { ArticleIndex, ReferenceSpan } from './article-index';
import type { Detection } from './detect';
import { isWordUnit } from './tokens';

/** Below this many characters a passage is only placed by an exact match: one edit is too much of it. */
const FUZZY_MIN_LENGTH = 12;
/** Least similarity (1 − edits / length) of an approximate match. */
export const FUZZY_MIN_SIMILARITY = 0.8;
/** Characters of context compared on each side. */
const CONTEXT = 32;
/** Characters searched beyond the annotation's length around its paragraph's other words, within their blocks. */
const MARGIN = 64;

export interface Placed {
  readonly id: string;
  /** Range in the normalised page text. */
  readonly start: number;
  readonly end: number;
  readonly method: 'exact' | 'fuzzy';
  /** 1 for an exact match, else the similarity. */
  readonly similarity: number;
}

export type UnplacedReason = 'paragraph-missing' | 'not-found';

export interface Unplaced {
  readonly id: string;
  readonly reason: UnplacedReason;
}

export interface Anchoring {
  readonly placed: readonly Placed[];
  readonly unplaced: readonly Unplaced[];
}

export function anchorAll(index: ArticleIndex, pageText: string, detection: Detection): Anchoring {
  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  const copies = new Map(detection.paragraphs.map((paragraph) => [paragraph.index, paragraph]));
  for (const annotation of index.article.annotations) {
    const span = index.spans.get(annotation.id);
    const copy = span === undefined ? undefined : copies.get(span.paragraph);
    if (span === undefined || copy === undefined) {
      unplaced.push({ id: annotation.id, reason: 'paragraph-missing' });
      continue;
    }
    const [windowStart, windowEnd] = searchWindow(index, pageText, detection, span, copy);
    const found = placeIn(index, pageText, span, windowStart, windowEnd, expectedStart(index, detection, span));
    if (found === undefined) unplaced.push({ id: annotation.id, reason: 'not-found' });
    else placed.push({ id: annotation.id, ...found });
  }
  return { placed, unplaced };
}

/**
 * Where to look for an annotation: around the page words aligned with the
 * rest of its paragraph, and within the blocks that hold them. Its own words
 * do not count, since a nearby box (related links, a pull quote) may repeat
 * them after the paragraph itself was edited: a wrong place is worse than none.
 */
function searchWindow(
  index: ArticleIndex,
  pageText: string,
  detection: Detection,
  span: ReferenceSpan,
  copy: { readonly start: number; readonly end: number },
): [number, number] {
  const words = index.paragraphWords[span.paragraph];
  let low = Infinity;
  let high = -Infinity;
  for (let word = words?.first ?? 0; word < (words?.end ?? 0); word += 1) {
    const inside = (index.words.starts[word] ?? 0) >= span.start && (index.words.ends[word] ?? 0) <= span.end;
    const pageWord = detection.pageWordOf[word] ?? -1;
    if (inside || pageWord < 0) continue;
    low = Math.min(low, detection.pageWords.starts[pageWord] ?? 0);
    high = Math.max(high, detection.pageWords.ends[pageWord] ?? 0);
  }
  if (low > high) return [Math.max(0, copy.start - MARGIN), Math.min(pageText.length, copy.end + MARGIN)];
  const reach = span.end - span.start + MARGIN;
  const lineEnd = pageText.indexOf('\n', high);
  return [
    Math.max(pageText.lastIndexOf('\n', low - 1) + 1, low - reach),
    Math.min(lineEnd === -1 ? pageText.length : lineEnd, high + reach),
  ];
}

/** Where the annotation should begin on the page, judged from the nearest aligned word before it. */
function expectedStart(index: ArticleIndex, detection: Detection, span: ReferenceSpan): number {
  const { starts } = index.words;
  let low = 0;
  let high = index.words.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] ?? 0) < span.start) low = middle + 1;
    else high = middle;
  }
  for (let word = Math.min(low, index.words.count - 1); word >= 0; word -= 1) {
    const pageWord = detection.pageWordOf[word] ?? -1;
    if (pageWord < 0) continue;
    return (detection.pageWords.starts[pageWord] ?? 0) + (span.start - (starts[word] ?? 0));
  }
  return -1;
}

function placeIn(
  index: ArticleIndex,
  pageText: string,
  span: ReferenceSpan,
  windowStart: number,
  windowEnd: number,
  expected: number,
): Omit<Placed, 'id'> | undefined {
  const reference = index.reference.text;
  const exact = reference.slice(span.start, span.end);
  const prefix = reference.slice(Math.max(0, span.start - CONTEXT), span.start);
  const suffix = reference.slice(span.end, span.end + CONTEXT);

  let best: { start: number; score: number } | undefined;
  // Searched in the window's own text, so that no search runs on to the end of the page.
  const window = pageText.slice(windowStart, windowEnd);
  for (let hit = window.indexOf(exact); hit !== -1; hit = window.indexOf(exact, hit + 1)) {
    const at = windowStart + hit;
    const score =
      commonSuffixLength(pageText.slice(Math.max(0, at - CONTEXT), at), prefix) +
      commonPrefixLength(pageText.slice(at + exact.length, at + exact.length + CONTEXT), suffix) -
      (expected < 0 ? 0 : Math.abs(at - expected) / 1000);
    if (best === undefined || score > best.score) best = { start: at, score };
  }
  if (best !== undefined) return { start: best.start, end: best.start + exact.length, method: 'exact', similarity: 1 };

  if (exact.length < FUZZY_MIN_LENGTH) return undefined;
  const match = approximateMatch(exact, pageText, windowStart, windowEnd);
  if (match === undefined) return undefined;
  const similarity = 1 - match.edits / exact.length;
  if (similarity < FUZZY_MIN_SIMILARITY) return undefined;
  const [start, end] = wholeWords(pageText, match.start, match.end);
  return { start, end, method: 'fuzzy', similarity };
}

/** An approximate match widened to whole words at a cut word, and trimmed of spaces at its ends. */
function wholeWords(text: string, from: number, to: number): [number, number] {
  let start = from;
  let end = to;
  while (start > 0 && isWordUnit(text.charCodeAt(start - 1)) && isWordUnit(text.charCodeAt(start))) start -= 1;
  while (end < text.length && isWordUnit(text.charCodeAt(end)) && isWordUnit(text.charCodeAt(end - 1))) end += 1;
  while (start < end && !isWordUnit(text.charCodeAt(start)) && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && !isWordUnit(text.charCodeAt(end - 1)) && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return [start, end];
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

/**
 * The substring of text[from, to) closest to `pattern` by edit distance
 * (Sellers' semi-global alignment), in O(pattern × window) time and
 * O(window) memory. Ties go to the shortest, then earliest match.
 */
export function approximateMatch(
  pattern: string,
  text: string,
  from: number,
  to: number,
): { start: number; end: number; edits: number } | undefined {
  const width = to - from;
  if (width <= 0 || pattern.length === 0) return undefined;
  // cost[j], origin[j]: edit distance of the pattern so far against a substring ending at text[from + j), and where it starts.
  let cost = new Int32Array(width + 1);
  let origin = new Int32Array(width + 1);
  let nextCost = new Int32Array(width + 1);
  let nextOrigin = new Int32Array(width + 1);
  for (let j = 0; j <= width; j += 1) origin[j] = j;
  for (let i = 1; i <= pattern.length; i += 1) {
    const unit = pattern.charCodeAt(i - 1);
    nextCost[0] = i;
    nextOrigin[0] = 0;
    for (let j = 1; j <= width; j += 1) {
      const substitute = (cost[j - 1] ?? 0) + (text.charCodeAt(from + j - 1) === unit ? 0 : 1);
      const skipPattern = (cost[j] ?? 0) + 1;
      const skipText = (nextCost[j - 1] ?? 0) + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[j] = substitute;
        nextOrigin[j] = origin[j - 1] ?? 0;
      } else if (skipPattern <= skipText) {
        nextCost[j] = skipPattern;
        nextOrigin[j] = origin[j] ?? 0;
      } else {
        nextCost[j] = skipText;
        nextOrigin[j] = nextOrigin[j - 1] ?? 0;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let bestEnd = -1;
  for (let j = 1; j <= width; j += 1) {
    const edits = cost[j] ?? 0;
    const bestEdits = bestEnd < 0 ? Infinity : (cost[bestEnd] ?? 0);
    if (edits < bestEdits || (edits === bestEdits && j - (origin[j] ?? 0) < bestEnd - (origin[bestEnd] ?? 0))) bestEnd = j;
  }
  if (bestEnd < 0) return undefined;
  return { start: from + (origin[bestEnd] ?? 0), end: from + bestEnd, edits: cost[bestEnd] ?? 0 };
}
