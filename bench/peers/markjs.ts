/**
 * mark.js: each annotation's text marked as one phrase (separateWordSearch
 * off) across elements, as a page would use it to highlight quotations;
 * other options at their defaults. It takes no context: every occurrence
 * is marked.
 */
import Mark from 'mark.js';
import type { TextQuoteSelector } from './hypothesis';

export function markAll(root: HTMLElement, selectors: readonly TextQuoteSelector[], classOf: (index: number) => string): number {
  const instance = new Mark(root);
  let marked = 0;
  for (const [index, selector] of selectors.entries()) {
    instance.mark(selector.exact, {
      acrossElements: true,
      separateWordSearch: false,
      className: classOf(index),
      done: (count) => {
        marked += count;
      },
    });
  }
  return marked;
}
