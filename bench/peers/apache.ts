/**
 * Apache Annotator (@apache-annotator/dom): its text quote matcher (an exact
 * search for prefix + exact + suffix across the scope's text nodes) and its
 * highlighter (each text node of a match wrapped in a <mark>).
 */
import { createTextQuoteSelectorMatcher, highlightText } from '@apache-annotator/dom';
import type { TextQuoteSelector } from './hypothesis';

/** Every match of each selector highlighted; the matches of one selector are all found before any is highlighted (the matcher must not see the DOM change). */
export async function apacheAnchorAll(
  scope: HTMLElement,
  selectors: readonly TextQuoteSelector[],
  attributeOf: (index: number) => Record<string, string>,
): Promise<void> {
  for (const [index, selector] of selectors.entries()) {
    const matcher = createTextQuoteSelectorMatcher({
      type: 'TextQuoteSelector',
      exact: selector.exact,
      ...(selector.prefix === undefined ? {} : { prefix: selector.prefix }),
      ...(selector.suffix === undefined ? {} : { suffix: selector.suffix }),
    });
    const matches: Range[] = [];
    for await (const match of matcher(scope)) matches.push(match);
    for (const match of matches) highlightText(match, 'mark', attributeOf(index));
  }
}
