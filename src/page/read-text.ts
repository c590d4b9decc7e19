/**
 * Reads a page's visible text once, as one string with a line break at
 * every block boundary and <br>, so that words of adjacent blocks never run
 * together, and keeps the text nodes it came from so that any offset in the
 * string maps back to a (text node, offset) position. The page is only read.
 */

import { BLOCK_BREAK } from '../engine/arabic';
import { itemAt } from '../engine/item-at';
import { OWN_UI_ATTRIBUTE } from '../shared/own-ui';

/** Elements whose content is never page text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
  'SVG',
  'MATH',
  'HEAD',
]);

/** Elements that start a new block even where their computed display cannot be read. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export interface PageText {
  /** The visible text, with BLOCK_BREAK at block boundaries. */
  readonly text: string;
  /** The text nodes read, in document order. */
  readonly nodes: readonly Text[];
  /** Where each node's data starts in `text`. */
  readonly starts: readonly number[];
}

/** How an element is displayed: 'none', or its CSS display value. Injected so tests can stand in for layout. */
export type DisplayOf = (element: Element) => string;

export const computedDisplay: DisplayOf = (element) => element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';

/** A stretch of the page to read: from the text node `from` to the text node `to`, both included. */
export interface Stretch {
  readonly from: Text;
  readonly to: Text;
}

/** The page text as it is written: its parts, the text nodes, and where each starts. */
class PageTextWriter {
  readonly parts: string[] = [];
  readonly nodes: Text[] = [];
  readonly starts: number[] = [];
  #length = 0;
  #endsWithBreak = true;

  text(node: Text): void {
    const { data } = node;
    if (data.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.#length);
    this.parts.push(data);
    this.#length += data.length;
    this.#endsWithBreak = false;
  }

  blockBreak(): void {
    if (this.#endsWithBreak) return;
    this.parts.push(BLOCK_BREAK);
    this.#length += 1;
    this.#endsWithBreak = true;
  }

  result(): PageText {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/** What a node the walk entered is. */
interface Entered {
  readonly kind: 'break' | 'skipped' | 'block' | 'inline';
  /** Whether the node's content is hidden (it or an ancestor is). */
  readonly hidden: boolean;
}

/** A node the walk is inside, and whether what is outside it is hidden. */
interface Open {
  readonly node: Node;
  readonly block: boolean;
  readonly outerHidden: boolean;
}

/** What an element is to the reader: a line break, skipped with its content, or a box (block or inline). */
function kindOf(element: Element, displayOf: DisplayOf): Entered['kind'] {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BR') return 'break';
  if (SKIPPED.has(tag) || element.hasAttribute('hidden') || element.hasAttribute(OWN_UI_ATTRIBUTE)) return 'skipped';
  const display = displayOf(element);
  if (display === 'none') return 'skipped';
  const block = display === '' ? BLOCKS.has(tag) : !display.startsWith('inline') && display !== 'contents';
  return block ? 'block' : 'inline';
}

/** A node entered by the walk: elements by their kind; documents and fragments are inline boxes; anything else is skipped. */
function enter(node: Node, outerHidden: boolean, displayOf: DisplayOf): Entered {
  if (node.nodeType === node.ELEMENT_NODE) {
    // Inside hidden content nothing is looked up: its display cannot show it.
    const kind = outerHidden ? 'skipped' : kindOf(node as Element, displayOf);
    return { kind, hidden: outerHidden || kind === 'skipped' };
  }
  const container = node.nodeType === node.DOCUMENT_NODE || node.nodeType === node.DOCUMENT_FRAGMENT_NODE;
  return { kind: container ? 'inline' : 'skipped', hidden: outerHidden || !container };
}

/**
 * Writes the visible text of `root`'s subtree from `from` on (document
 * order) until `to` is written or the subtree ends. A loop with its own
 * stack, not recursion, so that no nesting depth can overflow the call
 * stack; starting inside the subtree, it opens `from`'s ancestors first,
 * so what hides them hides `from` too.
 */
function readStretch(writer: PageTextWriter, root: Node, from: Node, to: Node | undefined, displayOf: DisplayOf): void {
  const stack: Open[] = [];
  const ancestors: Node[] = [];
  for (let node = from === root ? null : from.parentNode; node !== null; node = node === root ? null : node.parentNode)
    ancestors.push(node);
  let hidden = false;
  for (const ancestor of ancestors.reverse()) {
    const entered = enter(ancestor, hidden, displayOf);
    stack.push({ node: ancestor, block: entered.kind === 'block', outerHidden: hidden });
    hidden = entered.hidden;
  }
  let node: Node = from;
  for (;;) {
    let inside: Node | null = null;
    if (node.nodeType === node.TEXT_NODE) {
      if (!hidden) writer.text(node as Text);
    } else {
      const entered = enter(node, hidden, displayOf);
      const block = entered.kind === 'block';
      if (entered.kind === 'break') {
        if (!hidden) writer.blockBreak();
      } else if (entered.hidden) {
        // Nothing inside is read: if the stretch ends in there, it ends here.
        if (to !== undefined && node.contains(to)) return;
      } else {
        if (block) writer.blockBreak();
        inside = node.firstChild;
        if (inside !== null) {
          stack.push({ node, block, outerHidden: hidden });
          hidden = entered.hidden;
        }
      }
    }
    if (node === to) return;
    if (inside !== null) {
      node = inside;
      continue;
    }
    // Leave the nodes that have no next sibling, closing their blocks.
    let sibling = node === root ? null : node.nextSibling;
    while (sibling === null) {
      const left = stack.pop();
      if (left === undefined) return;
      hidden = left.outerHidden;
      if (left.block && !hidden) writer.blockBreak();
      if (left.node === root) return;
      sibling = left.node.nextSibling;
    }
    node = sibling;
  }
}

/**
 * Reads the page's visible text: the whole of `root`, or only the given
 * stretches of it (in document order, each closed by a block break).
 */
export function readPageText(root: Node, displayOf: DisplayOf = computedDisplay, stretches?: readonly Stretch[]): PageText {
  const writer = new PageTextWriter();
  if (stretches === undefined) readStretch(writer, root, root, undefined, displayOf);
  else {
    for (const { from, to } of stretches) {
      readStretch(writer, root, from, to, displayOf);
      writer.blockBreak();
    }
  }
  return writer.result();
}

/** The text node and offset at `offset` in the page text; a line break between blocks maps to the end of the node before it. */
export function domPosition(page: PageText, offset: number): { node: Text; offset: number } | undefined {
  const { starts, nodes } = page;
  let low = 0;
  let high = starts.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (itemAt(starts, middle) <= offset) low = middle;
    else high = middle - 1;
  }
  const node = nodes[low];
  if (node === undefined) return undefined;
  return { node, offset: Math.max(0, Math.min(node.data.length, offset - itemAt(starts, low))) };
}

/**
 * A DOM Range over page-text offsets [start, end). It ends in the node that
 * holds its last character, so that skipped content after it (a script, a
 * hidden element) is not taken in.
 */
export function domRange(page: PageText, start: number, end: number): Range | undefined {
  const from = domPosition(page, start);
  const last = end > start ? domPosition(page, end - 1) : undefined;
  const to = last === undefined ? domPosition(page, end) : { node: last.node, offset: Math.min(last.node.data.length, last.offset + 1) };
  if (from === undefined || to === undefined) return undefined;
  const range = from.node.ownerDocument.createRange();
  // Set within the start node first: each new boundary is then compared with a point near it, not with the
  // document's start, which a DOM may find by walking the document from its start (jsdom does).
  range.selectNodeContents(from.node);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
