/**
 * Reads a page's visible text once, as one string with a line break at
 * every block boundary and <br>, so that words of adjacent blocks never run
 * together, and keeps the text nodes it came from so that any offset in the
 * string maps back to a (text node, offset) position. The page is only read.
 */

/** Elements whose content is never page text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'SVG', 'MATH', 'HEAD',
]);

/** Elements that start a new block even where their computed display cannot be read. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

/** Attribute marking the extension's own elements (its tooltip host), which are not page text. */
export const OWN_UI_ATTRIBUTE = 'data-isnad-ui';

export interface PageText {
  /** The visible text, with "\n" at block boundaries. */
  readonly text: string;
  /** The text nodes read, in document order. */
  readonly nodes: readonly Text[];
  /** Where each node's data starts in `text`. */
  readonly starts: readonly number[];
}

/** How an element is displayed: 'none', or its CSS display value. Injected so tests can stand in for layout. */
export type DisplayOf = (element: Element) => string;

export const computedDisplay: DisplayOf = (element) => element.ownerDocument.defaultView?.getComputedStyle(element).display ?? '';

export function readPageText(root: Node, displayOf: DisplayOf = computedDisplay): PageText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let endsWithBreak = true;
  const lineBreak = (): void => {
    if (endsWithBreak) return;
    parts.push('\n');
    length += 1;
    endsWithBreak = true;
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      endsWithBreak = false;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    let block = false;
    if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (tag === 'BR') return lineBreak();
      if (SKIPPED.has(tag) || element.hasAttribute('hidden') || element.hasAttribute(OWN_UI_ATTRIBUTE)) return;
      const display = displayOf(element);
      if (display === 'none') return;
      block = display === '' ? BLOCKS.has(tag) : !display.startsWith('inline') && display !== 'contents';
    }
    if (block) lineBreak();
    for (let child = node.firstChild; child !== null; child = child.nextSibling) visit(child);
    if (block) lineBreak();
  };
  visit(root);
  return { text: parts.join(''), nodes, starts };
}

/** The text node and offset at `offset` in the page text; a line break between blocks maps to the end of the node before it. */
export function domPosition(page: PageText, offset: number): { node: Text; offset: number } | undefined {
  const { starts, nodes } = page;
  let low = 0;
  let high = starts.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const node = nodes[low];
  if (node === undefined) return undefined;
  return { node, offset: Math.max(0, Math.min(node.data.length, offset - (starts[low] ?? 0))) };
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
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
