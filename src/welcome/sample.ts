/**
 * The welcome page's live sample: one paragraph of a bundled article, as an
 * article of its own, so that the engine and the page's painting code find
 * and explain it exactly as they do on a news page. Pure: no DOM.
 */
import type { Annotation, Article, Target } from '../article/schema';
import { quoteMatches, referenceText } from '../article/text-quote';

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A selector of the whole reference text, cut to one paragraph: its prefix
 * and suffix keep only what lies inside it. Undefined where the words are
 * outside the paragraph, or where what is left no longer picks one place.
 */
export function selectorWithin(target: Target, reference: string, paragraph: Span): Target | undefined {
  const [at] = quoteMatches(reference, target);
  if (at === undefined) return undefined;
  const end = at + target.exact.length;
  if (at < paragraph.start || end > paragraph.end) return undefined;
  const prefix = reference.slice(Math.max(paragraph.start, at - (target.prefix?.length ?? 0)), at);
  const suffix = reference.slice(end, Math.min(paragraph.end, end + (target.suffix?.length ?? 0)));
  const cut: Target = { exact: target.exact, ...(prefix === '' ? {} : { prefix }), ...(suffix === '' ? {} : { suffix }) };
  return quoteMatches(reference.slice(paragraph.start, paragraph.end), cut).length === 1 ? cut : undefined;
}

/** The annotation with its selectors cut to the paragraph; undefined where one of them does not fit in it. */
function annotationWithin(annotation: Annotation, reference: string, paragraph: Span): Annotation | undefined {
  const target = selectorWithin(annotation.target, reference, paragraph);
  if (target === undefined) return undefined;
  if (annotation.kind === 'claim') return { ...annotation, target };
  const attribution = selectorWithin(annotation.attribution, reference, paragraph);
  return attribution === undefined ? undefined : { ...annotation, target, attribution };
}

/**
 * The first paragraph of the article holding at least one quote and one
 * claim, as a one-paragraph article with those annotations; undefined
 * where no paragraph has both.
 */
export function sampleArticle(article: Article): Article | undefined {
  const reference = referenceText(article.paragraphs);
  let start = 0;
  for (const paragraph of article.paragraphs) {
    const span = { start, end: start + paragraph.length };
    start = span.end + 1; // the line break between paragraphs
    const annotations = article.annotations
      .map((annotation) => annotationWithin(annotation, reference, span))
      .filter((annotation): annotation is Annotation => annotation !== undefined);
    const kinds = new Set(annotations.map((annotation) => annotation.kind));
    if (kinds.has('quote') && kinds.has('claim')) return { ...article, paragraphs: [paragraph], annotations };
  }
  return undefined;
}
