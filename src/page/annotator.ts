/**
 * The content script's state on one page: the article found, its ranges and
 * highlights, the tooltip, keyboard navigation, and keeping all of it in
 * step with a page that changes.
 */
import type { Annotation, Article } from '../article/schema';
import type { ArticleFound, Direction } from '../shared/messages';
import { describeAnnotation, type Messages, type PageFindings, type UiLanguage } from './describe';
import { annotationAt, holdsPaintedText, type PlacedRange } from './hit-test';
import { DEFAULT_PREFERENCES, type Preferences } from '../shared/preferences';
import { hiddenHighlightNames, highlightGroups, highlightNames, paint, type HighlightApi } from './paint';
import { indexArticle, type ArticleIndex } from '../engine/article-index';
import { Rescans } from './rescan';
import { scanPage, type Scan } from './scan';
import { Tooltip, type Box } from './tooltip';
import type { PageChanges } from './watch';

export interface AnnotatorOptions {
  readonly document: Document;
  readonly articles: readonly Article[];
  readonly highlights: HighlightApi | undefined;
  readonly lang: UiLanguage;
  readonly message: Messages;
  /** The debug switch: the tooltip's shadow root left open, for browser tests. */
  readonly debug?: boolean;
  /** Called after each scan with what was found, for the badge and the popup. */
  readonly onScan: (found: ArticleFound | null) => void;
}

export class Annotator {
  readonly #options: AnnotatorOptions;
  readonly #indexes: readonly ArticleIndex[];
  readonly #rescans: Rescans;
  readonly #tooltip: Tooltip;
  readonly #highlightNames: readonly string[];
  #found: ArticleFound | null = null;
  #article: Article | undefined;
  /** Placed annotations in document order, with the text each held when painted: a re-render that cuts into a range changes it. */
  #placed: PlacedRange[] = [];
  /** Those painted now (not switched off by the reader): the ones a pointer can explain. */
  #shown: PlacedRange[] = [];
  #current = -1;
  #groups: ReadonlyMap<string, readonly Range[]> = new Map();
  #preferences: Preferences = DEFAULT_PREFERENCES;

  constructor(options: AnnotatorOptions) {
    this.#options = options;
    this.#indexes = options.articles.map(indexArticle);
    this.#rescans = new Rescans(this.#indexes);
    this.#tooltip = new Tooltip(options.document, { openShadowRoot: options.debug === true });
    this.#highlightNames = highlightNames(options.articles);
  }

  get found(): ArticleFound | null {
    return this.#found;
  }

  /** Reads the page and paints what it finds, replacing any earlier paint. */
  scan(): Scan {
    const { document } = this.#options;
    const startedAt = performance.now();
    const scan = scanPage(document.body, this.#indexes);
    this.#rescans.scanned(scan, startedAt, performance.now());
    const painted = this.#found !== null;
    this.#found = scan.found;
    // Nothing was painted and nothing is found (most pages): the page is left untouched.
    if (!painted && scan.found === null) {
      this.#options.onScan(null);
      return scan;
    }
    this.#article = this.#options.articles.find((article) => article.id === scan.found?.articleId);
    this.#placed = [...scan.ranges]
      .map(([id, range]) => ({ id, range, text: range.toString() }))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    this.#current = -1;
    this.#tooltip.hide();
    this.#groups =
      this.#article === undefined
        ? new Map()
        : highlightGroups(this.#article, scan.ranges, {
            changed: scan.changed,
            misattributed: (scan.found?.misattributed ?? []).map(({ id }) => id),
          });
    this.#repaint();
    this.#options.onScan(this.#found);
    return scan;
  }

  #repaint(): void {
    const hidden = hiddenHighlightNames(this.#preferences, this.#highlightNames);
    const shown = new Set([...this.#groups].filter(([name]) => !hidden.has(name)).flatMap(([, ranges]) => ranges));
    this.#shown = this.#placed.filter(({ range }) => shown.has(range));
    const { highlights } = this.#options;
    if (highlights !== undefined) paint(highlights, this.#highlightNames, this.#groups, hidden);
  }

  /** Applies the reader's switches to what is painted; no new scan is needed. */
  setPreferences(preferences: Preferences): void {
    this.#preferences = preferences;
    this.#repaint();
  }

  /**
   * Whether the page changed in a way that needs a new scan. Where an
   * article is painted: a painted range no longer holds the text it was
   * painted on (the page re-rendered some of it, and the range shrank or
   * collapsed). Elsewhere: what the change added may hold an article
   * (`Rescans`), judged without reading the page.
   */
  needsScan(changes: PageChanges): boolean {
    if (this.#found === null) return this.#rescans.worthScanning(changes);
    return !this.#placed.every(holdsPaintedText);
  }

  /** When the next scan may run (on the performance clock): later and later after scans that found nothing. */
  nextScanAt(): number {
    return this.#rescans.nextScanAt();
  }

  /** What this page changed in an annotation. */
  #findings(id: string): PageFindings {
    return {
      changes: this.#found?.changes.filter((change) => change.id === id) ?? [],
      misattributedTo: this.#found?.misattributed.find((entry) => entry.id === id)?.named,
      pageText: this.#found?.pageTexts.find((entry) => entry.id === id)?.text,
    };
  }

  #annotation(id: string): Annotation | undefined {
    return this.#article?.annotations.find((annotation) => annotation.id === id);
  }

  #show(id: string, line: Box): void {
    const annotation = this.#annotation(id);
    if (this.#article === undefined || annotation === undefined) return;
    this.#tooltip.show(describeAnnotation(this.#article, annotation, this.#options.lang, this.#options.message, this.#findings(id)), line);
  }

  /** Shows the tooltip of the annotation under the pointer, or hides it. */
  pointerAt(x: number, y: number): void {
    const hit = this.#shown.length === 0 ? undefined : annotationAt(this.#options.document, this.#shown, x, y);
    if (hit === undefined) this.#tooltip.hide();
    else this.#show(hit.id, hit.line);
  }

  hideTooltip(): void {
    this.#tooltip.hide();
  }

  /** Moves to the next or previous annotation: scrolls to it, selects it, shows its tooltip and announces it. */
  navigate(direction: Direction): string | undefined {
    const count = this.#placed.length;
    if (count === 0) return undefined;
    // Before any move, next goes to the first annotation and previous to the last.
    this.#current = direction === 'next' ? (this.#current + 1) % count : (this.#current <= 0 ? count : this.#current) - 1;
    const entry = this.#placed[this.#current];
    if (entry === undefined) return undefined;
    this.goTo(entry.id);
    return entry.id;
  }

  /** Scrolls to an annotation, selects its range (so screen readers read it), shows its tooltip and announces it. */
  goTo(id: string): boolean {
    const index = this.#placed.findIndex((entry) => entry.id === id);
    const entry = this.#placed[index];
    const annotation = this.#annotation(id);
    if (entry === undefined || annotation === undefined || this.#article === undefined) return false;
    this.#current = index;
    const { document } = this.#options;
    const element = entry.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(entry.range.cloneRange());
    const [line] = entry.range.getClientRects();
    const content = describeAnnotation(this.#article, annotation, this.#options.lang, this.#options.message, this.#findings(id));
    if (line !== undefined) this.#tooltip.show(content, line);
    this.#tooltip.announce(content.announcement);
    return true;
  }
}
