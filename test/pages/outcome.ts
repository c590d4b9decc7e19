/**
 * The one function from a page to its result as the corpus records it
 * (expected.json): shared by the corpus test and `npm run pages:update`, so
 * the two can never disagree on shape. Runs in whatever DOM `document` is
 * (vitest's jsdom, or the script's).
 */
import { loadArticles } from '../../scripts/articles';
import type { UnplacedReason } from '../../src/engine/anchor';
import { indexArticle, type ArticleIndex } from '../../src/engine/article-index';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { readPageText } from '../../src/page/read-text';
import { scanPage, type Scan } from '../../src/page/scan';

/** Characters of context kept on each side of a placed annotation: enough to see where it is, short enough to read. */
const CONTEXT = 20;

export interface ChangeOutcome {
  readonly kind: 'replaced' | 'inserted' | 'deleted';
  readonly figure: boolean;
  readonly pageWords: string;
  readonly referenceWords: string;
}

export type AnnotationOutcome =
  | { readonly placed: false; readonly reason: UnplacedReason }
  | {
      readonly placed: true;
      readonly match: 'exact' | 'fuzzy';
      /** Its words as the page shows them, and the page's text just before and after them (within their line). */
      readonly before: string;
      readonly text: string;
      readonly after: string;
      readonly changes: readonly ChangeOutcome[];
      /** The speaker the page credits the quote to, when that is not its speaker. */
      readonly misattributedTo: string | null;
    };

export interface PageOutcome {
  /** How far the scan went: rejected by the pre-check, read without finding an article, or found. */
  readonly scan: Scan['outcome'];
  readonly found: { readonly articleId: string; readonly coverage: number; readonly paragraphs: readonly number[] } | null;
  /** Every annotation of the found article, by id. */
  readonly annotations: Readonly<Record<string, AnnotationOutcome>>;
}

/** The bundled articles' indexes, as the extension carries them. */
export function bundledIndexes(): ArticleIndex[] {
  return loadArticles().map(indexArticle);
}

/** Makes `parsed` the live document's content, so the page's own styles apply when it is read. */
export function showDocument(parsed: Document): void {
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
}

export function showHtml(html: string): void {
  showDocument(new DOMParser().parseFromString(html, 'text/html'));
}

/** The element whose read text a placed range's context is taken from: its paragraph, or the nearest box around it. */
const BLOCK = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, td, div, article, section, main, body';

/** The range's text, and CONTEXT characters on each side, as the page's read text of its block holds them, cut at line breaks. */
function inContext(range: Range): { before: string; text: string; after: string } {
  const common = range.commonAncestorContainer;
  const block = (common instanceof Element ? common : common.parentElement)?.closest(BLOCK);
  if (block === null || block === undefined) throw new Error('a placed range outside the body');
  const page = readPageText(block);
  const offsetOf = (node: Node, offset: number): number => {
    const at = page.nodes.indexOf(node as Text);
    if (at < 0) throw new Error('a placed range ends outside the text read');
    return (page.starts[at] ?? 0) + offset;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  const before = page.text.slice(Math.max(0, start - CONTEXT), start);
  const after = page.text.slice(end, end + CONTEXT);
  return {
    before: before.slice(before.lastIndexOf(BLOCK_BREAK) + 1),
    text: page.text.slice(start, end),
    after: after.split(BLOCK_BREAK)[0] ?? '',
  };
}

/**
 * Scans the live document's body as the annotator does, and describes what
 * was found. The corpus records one article a page: a page where several
 * are found (possible once several articles are bundled) would need a
 * record of each, so it is an error here rather than a silent choice.
 */
export function pageOutcome(indexes: readonly ArticleIndex[]): PageOutcome {
  const scan = scanPage(document.body, indexes);
  const [article, ...others] = scan.articles;
  if (others.length > 0)
    throw new Error(
      `articles ${scan.articles.map(({ found }) => found.articleId).join(', ')} found on one page: expected.json records one`,
    );
  if (article === undefined) return { scan: scan.outcome, found: null, annotations: {} };
  const { found, ranges } = article;
  const verdict = scan.verdicts.find((entry) => entry.found && entry.articleId === found.articleId);
  const methods = new Map(verdict?.found === true ? verdict.placed.map((placed) => [placed.id, placed.method]) : []);
  const annotations: Record<string, AnnotationOutcome> = {};
  for (const { id, reason } of found.unplaced) annotations[id] = { placed: false, reason };
  for (const id of found.placed) {
    const range = ranges.get(id);
    const match = methods.get(id);
    if (range === undefined || match === undefined) throw new Error(`${id}: placed without a range or a match`);
    annotations[id] = {
      placed: true,
      match,
      ...inContext(range),
      changes: found.changes
        .filter((change) => change.id === id)
        .map(({ kind, figure, pageWords, referenceWords }) => ({ kind, figure, pageWords, referenceWords })),
      misattributedTo: found.misattributed.find((entry) => entry.id === id)?.named ?? null,
    };
  }
  return {
    scan: scan.outcome,
    // Rounded: the share is a ratio of weights, and its last digits say nothing a reviewer could check.
    found: { articleId: found.articleId, coverage: Math.round(found.coverage * 1000) / 1000, paragraphs: found.paragraphs },
    annotations,
  };
}
