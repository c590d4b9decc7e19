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
import { isWordUnit } from './arabic';
import { itemAt } from './item-at';

/** Below this many characters a passage is only placed by an exact match: one edit is too much of it. */
const FUZZY_MIN_LENGTH = 12;
/** Least similarity (1 − edits / length) of an approximate match. */
export const FUZZY_MIN_SIMILARITY = 0.8;
/** Characters of context compared on each side. */
const CONTEXT = 32;
/** Characters searched beyond the annotation's length around its paragraph's other words, within their blocks. */
const MARGIN = 64;
/**
 * What each character of distance from where the alignment expects an exact
 * match costs its score, against one character of agreeing context: a
 * thousand characters away weigh as one, so distance only breaks ties.
 */
const DISTANCE_WEIGHT = 1 / 1000;

export interface Placed {
  readonly id: string;
  /** Range in the normalised page text. */
  readonly start: number;
  readonly end: number;
  readonly method: 'exact' | 'fuzzy';
  /** 1 for an exact match, else the similarity. */
  readonly similarity: number;
}

/**
 * Its paragraph is not on the page; its words are not in the paragraph; a
 * quotation stands where it should, but in words too far from the
 * reference's to place; or found in the text but not in the page's nodes.
 */
export type UnplacedReason = 'paragraph-missing' | 'not-found' | 'altered' | 'no-range';

export interface Unplaced {
  readonly id: string;
  readonly reason: UnplacedReason;
}

export interface Anchoring {
  readonly placed: readonly Placed[];
  readonly unplaced: readonly Unplaced[];
  /** Characters of page text searched, all annotations together: bounded by their lengths, whatever the page. */
  readonly searched: number;
}

export function anchorAll(index: ArticleIndex, pageText: string, detection: Detection): Anchoring {
  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  let searched = 0;
  const copies = new Map(detection.paragraphs.map((paragraph) => [paragraph.index, paragraph]));
  for (const annotation of index.article.annotations) {
    const span = index.spans.get(annotation.id);
    const copy = span === undefined ? undefined : copies.get(span.paragraph);
    if (span === undefined || copy === undefined) {
      unplaced.push({ id: annotation.id, reason: 'paragraph-missing' });
      continue;
    }
    const window = searchWindow(index, pageText, detection, span, copy);
    searched += window.end - window.start;
    const found = placeIn(index, pageText, span, window);
    if (found !== undefined) placed.push({ id: annotation.id, ...found });
    else
      unplaced.push({
        id: annotation.id,
        reason: annotation.kind === 'quote' && quotationAt(pageText, window, span) ? 'altered' : 'not-found',
      });
  }
  return { placed, unplaced, searched };
}

export interface SearchWindow {
  readonly start: number;
  readonly end: number;
  /** Where the annotation should begin, judged from the aligned word before it; -1 when there is none. */
  readonly expected: number;
}

/**
 * Where to look for an annotation: between the page words aligned with the
 * nearest words of its paragraph before and after it, widened by MARGIN and
 * cut at the blocks that hold them, and never wider than twice its length
 * plus twice MARGIN, however far a page stretches the paragraph's copy. Its
 * own words do not count, since a nearby box (related links, a pull quote)
 * may repeat them after the paragraph itself was edited: a wrong place is
 * worse than none.
 */
export function searchWindow(
  index: ArticleIndex,
  pageText: string,
  detection: Detection,
  span: ReferenceSpan,
  copy: { readonly start: number; readonly end: number },
): SearchWindow {
  const { words } = index;
  const { pageWordOf, pageWords } = detection;
  const paragraph = itemAt(index.paragraphWords, span.paragraph);
  /** The nearest aligned words before and after the annotation: [page start, page end, reference end or start]. */
  let before: [number, number, number] | undefined;
  let after: [number, number, number] | undefined;
  for (let word = paragraph.first; word < paragraph.end && after === undefined; word += 1) {
    const pageWord = itemAt(pageWordOf, word);
    if (pageWord < 0) continue;
    const at: [number, number] = [itemAt(pageWords.starts, pageWord), itemAt(pageWords.ends, pageWord)];
    if (itemAt(words.ends, word) <= span.start) before = [...at, itemAt(words.ends, word)];
    else if (itemAt(words.starts, word) >= span.end && (before === undefined || at[0] >= before[1]))
      after = [...at, itemAt(words.starts, word)];
  }
  const reach = 2 * (span.end - span.start) + MARGIN;
  let start: number;
  let end: number;
  if (before !== undefined) {
    start = before[1] - MARGIN;
    end = Math.min(after === undefined ? Infinity : after[0] + MARGIN, before[1] + reach);
  } else if (after !== undefined) {
    start = after[0] - reach;
    end = after[0] + MARGIN;
  } else {
    start = copy.start - MARGIN;
    end = Math.min(copy.end + MARGIN, copy.start + reach);
  }
  const from = Math.max(0, start);
  const to = Math.max(from, Math.min(pageText.length, end));
  // Within the blocks that hold the words around it: a block break before the word before, or after the word after, ends the window.
  const window = pageText.slice(from, to);
  // Where the annotation should start, by the aligned word before it, or else by the one after it.
  const expected =
    before !== undefined ? before[1] + (span.start - before[2]) : after !== undefined ? after[0] - (after[2] - span.start) : -1;
  let blockStart = 0;
  if (before !== undefined) blockStart = window.lastIndexOf('\n', before[0] - from) + 1;
  else if (after !== undefined) {
    // An annotation opening its paragraph: cut at the block of the word after it, where the annotation should start
    // inside that block (a pull quote repeating it just before must not draw it out).
    const afterBlock = window.lastIndexOf('\n', after[0] - from) + 1;
    if (from + afterBlock <= expected) blockStart = afterBlock;
  }
  const cutAt = after ?? before;
  const blockEnd = cutAt === undefined ? -1 : window.indexOf('\n', cutAt[1] - from);
  start = from + blockStart;
  end = blockEnd === -1 ? to : Math.max(start, from + blockEnd);
  return { start, end, expected };
}

/** Shortest and longest a rewritten quotation may be, against the reference's, to count as that quotation. */
const ALTERED_LENGTH = [0.4, 2.5] as const;

/**
 * Whether a quotation stands where the annotation is expected: quotation
 * marks (all styles are " once normalised) opening at its expected start,
 * within the window, around text of about its length.
 */
function quotationAt(pageText: string, window: SearchWindow, span: ReferenceSpan): boolean {
  if (window.expected < 0) return false;
  const open = pageText.indexOf('"', Math.max(window.start, window.expected - CONTEXT));
  if (open === -1 || open > window.expected + CONTEXT || open >= window.end) return false;
  const close = pageText.indexOf('"', open + 1);
  const length = span.end - span.start;
  const inner = close - open - 1;
  return close !== -1 && close <= window.end + length && inner >= length * ALTERED_LENGTH[0] && inner <= length * ALTERED_LENGTH[1];
}

function placeIn(index: ArticleIndex, pageText: string, span: ReferenceSpan, window: SearchWindow): Omit<Placed, 'id'> | undefined {
  const { start: windowStart, end: windowEnd, expected } = window;
  const reference = index.reference.text;
  const exact = reference.slice(span.start, span.end);
  const prefix = reference.slice(Math.max(0, span.start - CONTEXT), span.start);
  const suffix = reference.slice(span.end, span.end + CONTEXT);

  let best: { start: number; score: number } | undefined;
  // Searched in the window's own text, so that no search runs on to the end of the page.
  const searched = pageText.slice(windowStart, windowEnd);
  for (let hit = searched.indexOf(exact); hit !== -1; hit = searched.indexOf(exact, hit + 1)) {
    const at = windowStart + hit;
    const score =
      commonSuffixLength(pageText.slice(Math.max(0, at - CONTEXT), at), prefix) +
      commonPrefixLength(pageText.slice(at + exact.length, at + exact.length + CONTEXT), suffix) -
      (expected < 0 ? 0 : Math.abs(at - expected) * DISTANCE_WEIGHT);
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
      const substitute = itemAt(cost, j - 1) + (text.charCodeAt(from + j - 1) === unit ? 0 : 1);
      const skipPattern = itemAt(cost, j) + 1;
      const skipText = itemAt(nextCost, j - 1) + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[j] = substitute;
        nextOrigin[j] = itemAt(origin, j - 1);
      } else if (skipPattern <= skipText) {
        nextCost[j] = skipPattern;
        nextOrigin[j] = itemAt(origin, j);
      } else {
        nextCost[j] = skipText;
        nextOrigin[j] = itemAt(nextOrigin, j - 1);
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let bestEnd = -1;
  for (let j = 1; j <= width; j += 1) {
    const edits = itemAt(cost, j);
    const bestEdits = bestEnd < 0 ? Infinity : itemAt(cost, bestEnd);
    if (edits < bestEdits || (edits === bestEdits && j - itemAt(origin, j) < bestEnd - itemAt(origin, bestEnd))) bestEnd = j;
  }
  if (bestEnd < 0) return undefined;
  return { start: from + itemAt(origin, bestEnd), end: from + bestEnd, edits: itemAt(cost, bestEnd) };
}
