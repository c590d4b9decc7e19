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
    (start) =>
      text.slice(Math.max(0, start - prefix.length), start) === prefix &&
      text.startsWith(suffix, start + exact.length),
  );
}

/** The article's reference text: its paragraphs, one per line. */
export function referenceText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}
