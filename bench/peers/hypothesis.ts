/**
 * The Hypothesis client's way of anchoring a TextQuoteSelector and painting
 * it, re-implemented faithfully for the benchmark: a port, trimmed of what
 * HTML pages never reach (PDFs, media time).
 *
 * Sources, hypothesis/client:
 * - src/annotator/anchoring/match-quote.ts: `search`, `textMatchScore`,
 *   `matchQuote` — exact indexOf hits first, else approx-string-match with
 *   up to min(256, quote.length / 2) errors; every candidate scored
 *   (50·quote + 20·prefix + 20·suffix + 2·position) / 92, no minimum score.
 * - src/annotator/anchoring/types.ts: `TextQuoteAnchor.toPositionAnchor`
 *   reads `root.textContent` for every annotation (no cache), and
 *   `TextPositionAnchor.toRange`.
 * - src/annotator/anchoring/text-range.ts: `resolveOffsets` (a NodeIterator
 *   over the root's text nodes), `TextRange.fromOffsets(...).toRange()`.
 * - src/annotator/highlighter.ts: `highlightRange` wraps each run of text
 *   nodes in a <hypothesis-highlight>; src/annotator/range-util.ts:
 *   `isNodeInRange`.
 *
 * The client's licence, which this port keeps:
 *
 * Copyright (c) 2013-2016 Hypothes.is Project and contributors
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
 * ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
import approxSearch from 'approx-string-match';

interface StringMatch {
  start: number;
  end: number;
  errors: number;
}

interface Match {
  start: number;
  end: number;
  score: number;
}

interface Context {
  prefix?: string | undefined;
  suffix?: string | undefined;
  hint?: number | undefined;
}

// ---------------------------------------------------------------- match-quote.ts

function search(text: string, str: string, maxErrors: number): StringMatch[] {
  // Exact matches first: approx-string-match does not do this itself.
  let matchPos = 0;
  const exactMatches: StringMatch[] = [];
  while (matchPos !== -1) {
    matchPos = text.indexOf(str, matchPos);
    if (matchPos !== -1) {
      exactMatches.push({ start: matchPos, end: matchPos + str.length, errors: 0 });
      matchPos += 1;
    }
  }
  if (exactMatches.length > 0) return exactMatches;
  return approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = search(text, str, str.length);
  return 1 - (matches[0]?.errors ?? str.length) / str.length;
}

export function matchQuote(text: string, quote: string, context: Context = {}): Match | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;

  const scoreMatch = (match: StringMatch): number => {
    const quoteWeight = 50;
    const prefixWeight = 20;
    const suffixWeight = 20;
    const posWeight = 2;
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === 'number') {
      const offset = Math.abs(match.start - context.hint);
      posScore = 1.0 - offset / text.length;
    }
    const rawScore = quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore;
    const maxScore = quoteWeight + prefixWeight + suffixWeight + posWeight;
    return rawScore / maxScore;
  };

  const scoredMatches = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }));
  scoredMatches.sort((a, b) => b.score - a.score);
  return scoredMatches[0] ?? null;
}

// ---------------------------------------------------------------- text-range.ts

function resolveOffsets(element: Element, ...offsets: number[]): { node: Text; offset: number }[] {
  let nextOffset = offsets.shift();
  const nodeIter = element.ownerDocument.createNodeIterator(element, NodeFilter.SHOW_TEXT);
  const results: { node: Text; offset: number }[] = [];
  let currentNode = nodeIter.nextNode() as Text | null;
  let textNode: Text | undefined;
  let length = 0;
  while (nextOffset !== undefined && currentNode) {
    textNode = currentNode;
    if (length + textNode.data.length > nextOffset) {
      results.push({ node: textNode, offset: nextOffset - length });
      nextOffset = offsets.shift();
    } else {
      currentNode = nodeIter.nextNode() as Text | null;
      length += textNode.data.length;
    }
  }
  while (nextOffset !== undefined && textNode && length === nextOffset) {
    results.push({ node: textNode, offset: textNode.data.length });
    nextOffset = offsets.shift();
  }
  if (nextOffset !== undefined) throw new RangeError('Offset exceeds text length');
  return results;
}

/** `TextRange.fromOffsets(root, start, end).toRange()`: both offsets in the root, the fast path. */
function rangeFromOffsets(root: Element, start: number, end: number): Range {
  const [from, to] = resolveOffsets(root, start, end);
  if (from === undefined || to === undefined) throw new RangeError('Offset exceeds text length');
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// ---------------------------------------------------------------- types.ts

export interface TextQuoteSelector {
  readonly exact: string;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
}

/** `TextQuoteAnchor.fromSelector(root, selector).toRange()`: reads the root's text anew, then matches the quote. */
export function quoteToRange(root: Element, selector: TextQuoteSelector): Range {
  const text = root.textContent;
  const match = matchQuote(text, selector.exact, { prefix: selector.prefix, suffix: selector.suffix });
  if (!match) throw new Error('Quote not found');
  return rangeFromOffsets(root, match.start, match.end);
}

// ---------------------------------------------------------------- range-util.ts, highlighter.ts

function isNodeInRange(range: Range, node: Node): boolean {
  try {
    const length = node.nodeValue?.length ?? node.childNodes.length;
    return range.comparePoint(node, 0) <= 0 && range.comparePoint(node, length) >= 0;
  } catch {
    return false;
  }
}

function wholeTextNodesInRange(range: Range): Text[] {
  if (range.collapsed) return [];
  let root: Node | null = range.commonAncestorContainer;
  if (root.nodeType !== Node.ELEMENT_NODE) root = root.parentElement;
  if (!root) return [];
  const textNodes: Text[] = [];
  const nodeIter = (root.ownerDocument ?? document).createNodeIterator(root, NodeFilter.SHOW_TEXT);
  let node: Node | null;
  while ((node = nodeIter.nextNode())) {
    if (!isNodeInRange(range, node)) continue;
    const text = node as Text;
    if (text === range.startContainer && range.startOffset > 0) {
      text.splitText(range.startOffset);
      continue;
    }
    if (text === range.endContainer && range.endOffset < text.data.length) text.splitText(range.endOffset);
    textNodes.push(text);
  }
  return textNodes;
}

/** `Highlighter.highlightRange`: wraps each run of adjacent text nodes in a <hypothesis-highlight>. */
export function highlightRange(range: Range, cssClass: string): HTMLElement[] {
  const textNodes = wholeTextNodesInRange(range);
  let textNodeSpans: Text[][] = [];
  let prevNode: Node | null = null;
  let currentSpan: Text[] = [];
  for (const node of textNodes) {
    if (prevNode && prevNode.nextSibling === node) {
      currentSpan.push(node);
    } else {
      currentSpan = [node];
      textNodeSpans.push(currentSpan);
    }
    prevNode = node;
  }
  const whitespace = /^\s*$/;
  textNodeSpans = textNodeSpans.filter((span) => {
    const parentElement = span[0]?.parentElement;
    return (parentElement?.childNodes.length === 1 && parentElement.tagName === 'SPAN') || span.some((node) => !whitespace.test(node.data));
  });
  const highlights: HTMLElement[] = [];
  for (const nodes of textNodeSpans) {
    const highlightEl = document.createElement('hypothesis-highlight');
    highlightEl.className = `hypothesis-highlight ${cssClass}`;
    const first = nodes[0];
    const parent = first?.parentNode;
    if (first === undefined || !parent) continue;
    parent.replaceChild(highlightEl, first);
    for (const node of nodes) highlightEl.appendChild(node);
    highlights.push(highlightEl);
  }
  return highlights;
}

/** What the client does for each annotation of a page: anchor on document.body, then highlight; an anchor that fails is an orphan. */
export function hypothesisAnchorAll(
  root: HTMLElement,
  selectors: readonly TextQuoteSelector[],
  classOf: (index: number) => string,
): HTMLElement[][] {
  return selectors.map((selector, index) => {
    try {
      return highlightRange(quoteToRange(root, selector), classOf(index));
    } catch {
      return [];
    }
  });
}
