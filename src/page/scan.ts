/**
 * One scan of a page: the one pipeline the content script, the benchmark
 * and the tests run. Its stages, in the order they run, each dearer than the
 * one before and each able to end the scan:
 *
 * 1. the page's native text (`textContent`: no style, no layout);
 * 2. the pre-check: each article's probes in it, in one pass;
 * 3. where the probes cluster: the text nodes at those places, by one walk
 *    over text nodes that stops there;
 * 4. the visible text of those places only, read with computed styles;
 * 5. normalise, detect and anchor in that text;
 * 6. a DOM range per placed annotation.
 *
 * So a page without the article costs its native text and one pass over it;
 * a page with it costs that, plus the walk to the article, plus the
 * article's own size. On a page load the detector has read the native text
 * already (`nativeText`).
 */
import type { ChangedWords } from './paint';
import type { UnplacedReason } from '../engine/anchor';
import type { ArticleIndex } from '../engine/article-index';
import { precheck } from '../engine/detect';
import { matchText, type ArticleOnPage, type PageVerdict } from '../engine/match';
import { hitRegions, type ProbeHits } from '../engine/probes';
import type { AnnotationChange, ArticleFound } from '../shared/messages';
import { computedDisplay, domRange, readPageText, type DisplayOf, type PageText, type Stretch } from './read-text';
import { itemAt } from '../engine/item-at';

/** One article found on the page: what was found, and its ranges. */
export interface ArticleScan {
  readonly found: ArticleFound;
  /** The DOM range of each placed annotation, by annotation id. */
  readonly ranges: ReadonlyMap<string, Range>;
  /** The DOM ranges of the words the page changed in placed annotations, with the annotation each is in. */
  readonly changed: readonly ChangedWords[];
}

export interface Scan {
  /** Each article found, in the order of the indexes: a page may carry more than one. */
  readonly articles: readonly ArticleScan[];
  /** How far the scan went: rejected by the pre-check, read (with styles) without finding an article, or found. */
  readonly outcome: 'rejected' | 'read' | 'found';
  /** What the engine said of each article (in the order of the indexes): its coverage, and what it placed and where. */
  readonly verdicts: readonly PageVerdict[];
  /** Characters of the page's native text, and of the visible text read with styles. */
  readonly nativeChars: number;
  readonly readChars: number;
}

/** The stages of a scan, in the order they run. */
export type ScanStage = 'native' | 'precheck' | 'locate' | 'read' | 'match' | 'ranges';

export interface ScanOptions {
  /** How an element is displayed: computed styles, unless a test stands in for layout. */
  readonly displayOf?: DisplayOf;
  /** Called as each stage ends, for the benchmark's stage times. */
  readonly onStage?: (stage: ScanStage) => void;
  /** The page's native text as the detector read it, so that it is not read again; only where the page has not changed since. */
  readonly nativeText?: string;
}

/** The text nodes holding the given offsets (ascending) of the root's native text, by one walk that stops at the last. */
function textNodesAt(root: Node, offsets: readonly number[]): Text[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let end = 0;
  for (let node = walker.nextNode(); node !== null && nodes.length < offsets.length; node = walker.nextNode()) {
    end += (node as Text).length;
    while (nodes.length < offsets.length && itemAt(offsets, nodes.length) < end) nodes.push(node as Text);
  }
  return nodes;
}

/** The stretches of the page around the clusters of probe hits, each widened by the article's length. */
function stretchesAround(root: Node, index: ArticleIndex, hits: ProbeHits, nativeLength: number): Stretch[] {
  const regions = hitRegions(hits, index.published.length, nativeLength);
  const nodes = textNodesAt(
    root,
    regions.flatMap(([start, end]) => [start, end - 1]),
  );
  const stretches: Stretch[] = [];
  for (let at = 0; at + 1 < nodes.length; at += 2) {
    const from = nodes[at];
    const to = nodes[at + 1];
    if (from !== undefined && to !== undefined) stretches.push({ from, to });
  }
  return stretches;
}

/** An article's placed annotations as DOM ranges, and what the page changed in them. */
function articleScan(page: PageText, verdict: ArticleOnPage): ArticleScan {
  const ranges = new Map<string, Range>();
  const unplaced: { id: string; reason: UnplacedReason }[] = [...verdict.unplaced];
  // What the page changed, of the annotations it holds: the changed words' ranges, the changes, the page's wording.
  const changed: ChangedWords[] = [];
  const changes: AnnotationChange[] = [];
  const pageTexts: { id: string; text: string }[] = [];
  for (const placed of verdict.placed) {
    const { id } = placed;
    const range = domRange(page, placed.start, placed.end);
    if (range === undefined) {
      unplaced.push({ id, reason: 'no-range' });
      continue;
    }
    ranges.set(id, range);
    if (placed.changes.length === 0) continue;
    pageTexts.push({ id, text: page.text.slice(placed.start, placed.end) });
    for (const { kind, figure, pageWords, referenceWords, pageAt, referenceAt, start, end } of placed.changes) {
      changes.push({ id, kind, figure, pageWords, referenceWords, pageAt, referenceAt });
      const words = domRange(page, start, end);
      if (words !== undefined) changed.push({ id, range: words });
    }
  }
  return {
    found: {
      articleId: verdict.articleId,
      coverage: verdict.coverage,
      paragraphs: verdict.paragraphs,
      placed: [...ranges.keys()],
      unplaced,
      changes,
      misattributed: verdict.misattributed.filter(({ id }) => ranges.has(id)),
      pageTexts,
    },
    ranges,
    changed,
  };
}

export function scanPage(root: Node, indexes: readonly ArticleIndex[], options: ScanOptions = {}): Scan {
  const { displayOf = computedDisplay, onStage, nativeText } = options;
  const native = nativeText ?? root.textContent ?? '';
  onStage?.('native');
  const verdicts: PageVerdict[] = [];
  const articles: ArticleScan[] = [];
  let outcome: Scan['outcome'] = 'rejected';
  let readChars = 0;
  for (const index of indexes) {
    const checked = precheck(index, native);
    onStage?.('precheck');
    if (!checked.passed) {
      verdicts.push({ found: false, coverage: 0, prechecked: false });
      continue;
    }
    if (outcome === 'rejected') outcome = 'read';
    const stretches = stretchesAround(root, index, checked.hits, native.length);
    onStage?.('locate');
    const page = readPageText(root, displayOf, stretches);
    readChars += page.text.length;
    onStage?.('read');
    const verdict = matchText(index, page.text);
    verdicts.push(verdict);
    onStage?.('match');
    if (!verdict.found) continue;
    outcome = 'found';
    articles.push(articleScan(page, verdict));
    onStage?.('ranges');
  }
  return { articles, verdicts, outcome, nativeChars: native.length, readChars };
}
