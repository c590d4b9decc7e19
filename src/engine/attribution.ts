/**
 * Who the page says spoke each placed quote: the page's text around it is
 * read as reported speech (`reported-speech.ts`), so a quotation carried on
 * by a participle, a relative clause or a bare verb is credited to the
 * speaker its sentence names, as a reader would take it. A placed quote the
 * reading credits to another known speaker is misattributed on this page;
 * one it cannot credit, or credits to a speaker the article does not know,
 * is not. Pure.
 */
import type { Placed } from './anchor';
import type { ArticleIndex } from './article-index';
import type { NormalizedText } from './normalize';
import { readNormalized, type ReadQuotation } from './reported-speech';

export interface Misattribution {
  /** The quote's id. */
  readonly id: string;
  /** The known speaker the page credits with it instead of its own. */
  readonly named: string;
}

/** Blocks read before a quote's own: a bare «وأضاف» carries on the speaker of an earlier paragraph. */
const BLOCKS_BEFORE = 2;
/** However long a page's blocks, what is read around a quote is bounded: characters before it, and after it (a source may follow: «…»، بحسب …). */
const MOST_BEFORE = 4000;
const MOST_AFTER = 1000;

/** The part of the page read for a quote at [start, end): its block and the ones before, within bounds. */
function windowOf(text: string, start: number, end: number): [number, number] {
  let from = text.lastIndexOf('\n', start) + 1;
  for (let block = 0; block < BLOCKS_BEFORE && from > 0; block += 1) from = text.lastIndexOf('\n', from - 2) + 1;
  from = Math.max(from, start - MOST_BEFORE);
  const blockEnd = text.indexOf('\n', end);
  const to = Math.min(blockEnd < 0 ? text.length : blockEnd, end + MOST_AFTER);
  return [from, to];
}

/**
 * The quotes the reading credits rightly in the article as published. Only those can be misattributed on a page:
 * where the reading misreads the original, it would misread the publisher's own copy too.
 */
const readRightly = new WeakMap<ArticleIndex, ReadonlySet<string>>();
function quotesReadRightly(index: ArticleIndex): ReadonlySet<string> {
  let ids = readRightly.get(index);
  if (ids === undefined) {
    // The published text and the normalised reference keep the same offsets (a line break for each paragraph's end).
    const { published, reference, spans, article } = index;
    const reading = readNormalized(published, reference, article.speakers, 0, reference.text.length).quotations;
    ids = new Set(
      article.annotations.flatMap((annotation) => {
        const span = spans.get(annotation.id);
        if (annotation.kind !== 'quote' || span === undefined) return [];
        const read = reading.find(({ start, end }) => start <= span.start && span.end <= end);
        return read?.credit?.speaker === annotation.speaker ? [annotation.id] : [];
      }),
    );
    readRightly.set(index, ids);
  }
  return ids;
}

/** The placed quotes the page credits to another known speaker than their own. */
export function misattributions(
  index: ArticleIndex,
  page: NormalizedText,
  rawPageText: string,
  placed: readonly Placed[],
): Misattribution[] {
  const speakerOf = new Map(
    index.article.annotations.flatMap((annotation) => (annotation.kind === 'quote' ? [[annotation.id, annotation.speaker]] : [])),
  );
  const rightly = quotesReadRightly(index);
  const quotes = placed.filter(({ id }) => speakerOf.has(id) && rightly.has(id)).sort((a, b) => a.start - b.start);
  // Overlapping windows are read once, as one.
  const windows: [number, number][] = [];
  for (const { start, end } of quotes) {
    const [from, to] = windowOf(page.text, start, end);
    const last = windows.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const read: ReadQuotation[] = windows.flatMap(
    ([from, to]) => readNormalized(rawPageText, page, index.article.speakers, from, to).quotations,
  );
  const found: Misattribution[] = [];
  for (const { id, start, end } of quotes) {
    const credited = read.find((quotation) => quotation.start <= start && end <= quotation.end)?.credit?.speaker;
    if (credited !== undefined && credited !== speakerOf.get(id)) found.push({ id, named: credited });
  }
  return found;
}
