/**
 * Which annotation is under the pointer. Highlights have no events of their
 * own: find the caret position under the point and search Isnad's own
 * ranges. Never the page's highlight registry: what it holds the page can
 * edit or replace, and an explanation must only ever sit over the text it
 * explains.
 */
import type { Box } from './tooltip';

export interface PlacedRange {
  /** The article and the annotation: ids are unique within an article only. */
  readonly articleId: string;
  readonly id: string;
  /** Isnad's private range; the registry has a copy. */
  readonly range: Range;
  /** The text the range held when it was painted. */
  readonly text: string;
}

export interface Hit {
  readonly articleId: string;
  readonly id: string;
  /** The line box of the range under the pointer, for placing the tooltip beside it. */
  readonly line: Box;
}

const contains = (box: DOMRect, x: number, y: number): boolean => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;

/** The caret APIs as browsers have them: caretPositionFromPoint came to Chrome only in 128 (Isnad runs from 105), caretRangeFromPoint is its older one. */
interface CaretApi {
  readonly caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null;
  readonly caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

function caretAt(document: CaretApi, x: number, y: number): { node: Node; offset: number } | undefined {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** Whether a placed range still holds the text it was painted on: a re-render that cuts into it changes it. */
export const holdsPaintedText = ({ range, text }: PlacedRange): boolean => range.toString() === text;

/**
 * The innermost annotation under (x, y): a quote inside a claim wins. A
 * range whose text is no longer what was painted (the page re-rendered
 * into it) explains nothing until the next scan.
 */
export function annotationAt(document: Document, placed: readonly PlacedRange[], x: number, y: number): Hit | undefined {
  const caret = caretAt(document, x, y);
  if (caret === undefined) return undefined;
  let best: { hit: Hit; length: number } | undefined;
  for (const entry of placed) {
    try {
      if (!entry.range.isPointInRange(caret.node, caret.offset)) continue;
    } catch {
      continue; // a node of another document or a doctype
    }
    if (!holdsPaintedText(entry)) continue;
    // The caret snaps to the nearest character even beside the text: only a point inside a line box counts.
    const line = [...entry.range.getClientRects()].find((box) => contains(box, x, y));
    if (line === undefined) continue;
    if (best === undefined || entry.text.length < best.length)
      best = { hit: { articleId: entry.articleId, id: entry.id, line }, length: entry.text.length };
  }
  return best?.hit;
}
