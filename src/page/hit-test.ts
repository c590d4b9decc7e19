/**
 * Which annotation is under the pointer. Highlights have no events of their
 * own: ask the registry where the browser can (highlightsFromPoint), else
 * find the caret position under the point and search the ranges.
 */
import type { Box } from './tooltip';

export interface PlacedRange {
  readonly id: string;
  readonly range: Range;
}

export interface Hit {
  readonly id: string;
  /** The line box of the range under the pointer, for placing the tooltip beside it. */
  readonly line: Box;
}

interface HighlightHit {
  readonly ranges?: readonly AbstractRange[];
}
type HighlightsFromPoint = (x: number, y: number) => readonly HighlightHit[];

const contains = (box: DOMRect, x: number, y: number): boolean =>
  x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;

function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** Candidates under the point, by the fastest means the browser offers. */
function candidatesAt(document: Document, placed: readonly PlacedRange[], x: number, y: number): PlacedRange[] {
  const registry = (globalThis as { CSS?: { highlights?: { highlightsFromPoint?: HighlightsFromPoint } } }).CSS?.highlights;
  if (typeof registry?.highlightsFromPoint === 'function') {
    const hit = new Set<AbstractRange>(registry.highlightsFromPoint(x, y).flatMap((result) => result.ranges ?? []));
    return placed.filter((entry) => hit.has(entry.range));
  }
  const caret = caretAt(document, x, y);
  if (caret === undefined) return [];
  return placed.filter((entry) => {
    try {
      return entry.range.isPointInRange(caret.node, caret.offset);
    } catch {
      return false; // a node of another document or a doctype
    }
  });
}

/** The innermost annotation under (x, y): a quote inside a claim wins. */
export function annotationAt(document: Document, placed: readonly PlacedRange[], x: number, y: number): Hit | undefined {
  let best: { hit: Hit; length: number } | undefined;
  for (const entry of candidatesAt(document, placed, x, y)) {
    // The caret snaps to the nearest character even beside the text: only a point inside a line box counts.
    const line = [...entry.range.getClientRects()].find((box) => contains(box, x, y));
    if (line === undefined) continue;
    const length = entry.range.toString().length;
    if (best === undefined || length < best.length) best = { hit: { id: entry.id, line }, length };
  }
  return best?.hit;
}
