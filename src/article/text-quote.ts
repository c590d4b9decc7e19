/**
 * Locating a W3C TextQuoteSelector ({ exact, prefix, suffix }) in a plain
 * string. Used on the article's reference text, where matching is exact.
 */
export interface TextQuote {
  readonly exact: string;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
}

/** Start offsets of every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  if (needle === '') return starts;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

/** Start offsets of the occurrences of `quote.exact` whose surroundings agree with its prefix and suffix. */
export function quoteMatches(text: string, quote: TextQuote): number[] {
  const { exact, prefix = '', suffix = '' } = quote;
  return occurrences(text, exact).filter(
    (start) => text.slice(Math.max(0, start - prefix.length), start) === prefix && text.startsWith(suffix, start + exact.length),
  );
}

/** The article's reference text: its paragraphs, one per line. */
export function referenceText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}

/** Where a selector sits in the reference text. */
export interface ReferencePlace {
  /** Its first match that agrees with its prefix and suffix, [start, end). */
  readonly start: number;
  readonly end: number;
  /** The paragraph (line) holding it, and where that paragraph starts in the text. */
  readonly paragraph: number;
  readonly paragraphStart: number;
}

/** Where `quote` sits in `reference` (see `referenceText`); undefined where it has no match. */
export function placeInReference(reference: string, quote: TextQuote): ReferencePlace | undefined {
  const [start] = quoteMatches(reference, quote);
  if (start === undefined) return undefined;
  const before = reference.slice(0, start);
  return { start, end: start + quote.exact.length, paragraph: before.split('\n').length - 1, paragraphStart: before.lastIndexOf('\n') + 1 };
}
