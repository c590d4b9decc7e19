/**
 * Which annotation is under the pointer, with stand-in geometry: jsdom has
 * no layout, no Range.getClientRects and no caretPositionFromPoint. The fake
 * lays one text node out on one line, 10 px per character, 20 px high, and
 * snaps the caret to the nearest character wherever the point is, as
 * browsers do beside the text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotationAt, type PlacedRange } from '../../src/page/hit-test';

const CHAR = 10;
const LINE_TOP = 100;
const LINE_BOTTOM = 120;

/** A DOMRect-like box: hit-test reads only its edges. */
const rect = (left: number, top: number, right: number, bottom: number): DOMRect =>
  ({ left, top, right, bottom, x: left, y: top, width: right - left, height: bottom - top }) as unknown as DOMRect;

/** Restores what a test put on a prototype or object, including "was not there". */
function patch(target: object, key: PropertyKey, value: unknown): () => void {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, writable: true, value });
  return () => {
    if (before === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, before);
  };
}

// A claim with a quote inside it, as in the article: the claim spans the whole sentence.
const SENTENCE = 'وكانت الصين وروسيا قد أعلنتا شراكة استراتيجية “بلا حدود”، قبل أيام من بدء الحرب';
const QUOTE = 'بلا حدود';

let text: Text;
let claim: PlacedRange;
let quote: PlacedRange;
/** Line boxes per range, where a test wants other than the one-line layout. */
let boxes: Map<Range, DOMRect[]>;
let caretCalls: [number, number][];
let restores: (() => void)[];

const rangeOf = (start: number, end: number): Range => {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  return range;
};

/** The article the ranges belong to, unless a test says otherwise. */
const ARTICLE = 'putin-xi-video-call-2026-02-04';

const placedAt = (id: string, start: number, end: number, articleId = ARTICLE): PlacedRange => {
  const range = rangeOf(start, end);
  return { articleId, id, range, text: range.toString() };
};

/** The one-line layout: a range within the text node is one box over its characters. */
function layout(this: Range): DOMRect[] {
  const own = boxes.get(this);
  if (own !== undefined) return own;
  if (this.startContainer !== text || this.endContainer !== text) return [];
  return [rect(this.startOffset * CHAR, LINE_TOP, this.endOffset * CHAR, LINE_BOTTOM)];
}

/** Caret at the nearest character boundary, even beside or below the line. */
const caretPosition = (x: number, y: number): { offsetNode: Node; offset: number } => {
  caretCalls.push([x, y]);
  return { offsetNode: text, offset: Math.max(0, Math.min(text.length, Math.round(x / CHAR))) };
};

/** An x inside character `index`, nearer its start, so the caret snaps to `index`. */
const xOf = (index: number): number => index * CHAR + 3;
const Y = (LINE_TOP + LINE_BOTTOM) / 2;

beforeEach(() => {
  document.body.innerHTML = '';
  const p = document.createElement('p');
  text = document.createTextNode(SENTENCE);
  p.append(text);
  document.body.append(p);
  const quoteStart = SENTENCE.indexOf(QUOTE);
  claim = placedAt('claim', SENTENCE.indexOf('الصين'), SENTENCE.indexOf('، قبل'));
  quote = placedAt('quote', quoteStart, quoteStart + QUOTE.length);
  boxes = new Map();
  caretCalls = [];
  restores = [patch(Range.prototype, 'getClientRects', layout), patch(document, 'caretPositionFromPoint', caretPosition)];
});

afterEach(() => {
  for (const restore of restores.reverse()) restore();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('annotationAt, by the caret under the point', () => {
  it('has the stand-ins it needs, and takes them away afterwards', () => {
    // jsdom itself has neither: the patches are what the other tests exercise.
    for (const restore of restores) restore();
    restores = [];
    expect('getClientRects' in Range.prototype).toBe(false);
    expect('caretPositionFromPoint' in document).toBe(false);
  });

  it('finds the quote inside the claim: the innermost range wins, in either order', () => {
    const x = xOf(SENTENCE.indexOf(QUOTE) + 2);
    for (const placed of [
      [claim, quote],
      [quote, claim],
    ]) {
      const hit = annotationAt(document, placed, x, Y);
      expect(hit?.id).toBe('quote');
      expect(hit?.line).toEqual(quote.range.getClientRects()[0]);
    }
    expect(caretCalls.at(-1)).toEqual([x, Y]);
  });

  it('finds the claim around the quote, with the claim line box', () => {
    const x = xOf(SENTENCE.indexOf('شراكة'));
    const hit = annotationAt(document, [quote, claim], x, Y);
    expect(hit?.id).toBe('claim');
    expect(hit?.line).toEqual(claim.range.getClientRects()[0]);
  });

  it('finds nothing outside every range on the line', () => {
    expect(annotationAt(document, [claim, quote], xOf(1), Y)).toBeUndefined();
  });

  it('finds nothing beside the text, where the caret snaps to it but no line box is under the point', () => {
    const x = xOf(SENTENCE.indexOf(QUOTE) + 2);
    // Below the line: the caret still lands in the quote.
    expect(caretPosition(x, LINE_BOTTOM + 30).offset).toBe(SENTENCE.indexOf(QUOTE) + 2);
    expect(annotationAt(document, [claim, quote], x, LINE_BOTTOM + 30)).toBeUndefined();
    expect(annotationAt(document, [claim, quote], x, LINE_TOP - 5)).toBeUndefined();
    // Past the end of a range that ends the text: the caret snaps to its end.
    const tail = placedAt('tail', SENTENCE.length - 4, SENTENCE.length);
    expect(annotationAt(document, [tail], xOf(SENTENCE.length + 5), Y)).toBeUndefined();
    expect(annotationAt(document, [tail], xOf(SENTENCE.length - 2), Y)?.id).toBe('tail');
  });

  it('gives the line box under the point when a range wraps onto several lines', () => {
    const first = rect(0, 0, 400, 20);
    const second = rect(0, 24, 250, 44);
    boxes.set(claim.range, [first, second]);
    restores.push(patch(document, 'caretPositionFromPoint', () => ({ offsetNode: text, offset: SENTENCE.indexOf('شراكة') })));
    expect(annotationAt(document, [claim], 100, 30)).toEqual({ articleId: ARTICLE, id: 'claim', line: second });
    expect(annotationAt(document, [claim], 100, 10)).toEqual({ articleId: ARTICLE, id: 'claim', line: first });
    expect(annotationAt(document, [claim], 300, 30)).toBeUndefined(); // past the end of the short second line
  });

  it("uses caretRangeFromPoint where caretPositionFromPoint is missing (Chrome's older API)", () => {
    for (const restore of restores.splice(1)) restore(); // caretPositionFromPoint gone
    const calls: [number, number][] = [];
    restores.push(
      patch(document, 'caretRangeFromPoint', (x: number, y: number) => {
        calls.push([x, y]);
        const { offset } = caretPosition(x, y);
        return rangeOf(offset, offset);
      }),
    );
    const x = xOf(SENTENCE.indexOf(QUOTE) + 1);
    expect(annotationAt(document, [claim, quote], x, Y)?.id).toBe('quote');
    expect(calls).toEqual([[x, Y]]);
  });

  it('finds nothing where the browser cannot give a caret position', () => {
    restores.push(patch(document, 'caretPositionFromPoint', () => null));
    expect(annotationAt(document, [claim, quote], xOf(SENTENCE.indexOf(QUOTE) + 1), Y)).toBeUndefined();
  });

  it('does not throw for a caret on a doctype or in another document', () => {
    const doctype = document.doctype;
    expect(doctype).not.toBeNull();
    restores.push(patch(document, 'caretPositionFromPoint', () => ({ offsetNode: doctype, offset: 0 })));
    expect(() => annotationAt(document, [claim, quote], xOf(3), Y)).not.toThrow();
    expect(annotationAt(document, [claim, quote], xOf(3), Y)).toBeUndefined();
    const elsewhere = document.implementation.createHTMLDocument('').createTextNode(SENTENCE);
    restores.push(patch(document, 'caretPositionFromPoint', () => ({ offsetNode: elsewhere, offset: 3 })));
    expect(annotationAt(document, [claim, quote], xOf(3), Y)).toBeUndefined();
  });

  it('explains nothing over a range whose text is no longer what was painted', () => {
    const x = xOf(SENTENCE.indexOf(QUOTE) + 2);
    // The page moved the range onto other text: the claim around it is found, not the quote.
    const moved: PlacedRange = { ...quote, text: 'بلا قيود' };
    expect(annotationAt(document, [claim, moved], x, Y)?.id).toBe('claim');
    expect(annotationAt(document, [moved], x, Y)).toBeUndefined();
  });

  it('asks neither the page registry nor highlightsFromPoint: only the caret and its own ranges', () => {
    const calls: unknown[] = [];
    vi.stubGlobal('CSS', { highlights: { highlightsFromPoint: (...args: unknown[]) => calls.push(args) } });
    expect(annotationAt(document, [claim, quote], xOf(SENTENCE.indexOf(QUOTE) + 2), Y)?.id).toBe('quote');
    expect(calls).toEqual([]);
    expect(caretCalls).toHaveLength(1);
  });

  it('tells the article of the annotation found: ids are unique within an article only', () => {
    // Two articles whose annotations share an id: a quote of one inside a claim of the other.
    const outer = placedAt('shared-id', claim.range.startOffset, claim.range.endOffset, 'one-article');
    const inner = placedAt('shared-id', quote.range.startOffset, quote.range.endOffset, 'another-article');
    const inQuote = xOf(SENTENCE.indexOf(QUOTE) + 2);
    const inClaim = xOf(SENTENCE.indexOf('شراكة'));
    for (const placed of [
      [outer, inner],
      [inner, outer],
    ]) {
      expect(annotationAt(document, placed, inQuote, Y)).toEqual({
        articleId: 'another-article',
        id: 'shared-id',
        line: inner.range.getClientRects()[0],
      });
      expect(annotationAt(document, placed, inClaim, Y)).toEqual({
        articleId: 'one-article',
        id: 'shared-id',
        line: outer.range.getClientRects()[0],
      });
    }
  });

  it('finds nothing among no ranges', () => {
    expect(annotationAt(document, [], xOf(3), Y)).toBeUndefined();
  });
});
