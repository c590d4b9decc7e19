/**
 * The annotator's state on one page: the articles found, their ranges and
 * highlights, the tooltip, keyboard navigation, and keeping all of it in
 * step with a page that re-renders. It is given the articles the detector
 * found here, and reads the page for those only.
 */
import type { Annotation, Article } from '../article/schema';
import type { ArticleFound, Direction } from '../shared/messages';
import { describeAnnotation, type Messages, type PageFindings, type UiLanguage } from './describe';
import { annotationAt, holdsPaintedText, type PlacedRange } from './hit-test';
import type { Preferences } from '../shared/preferences';
import { hiddenHighlightNames, highlightGroups, highlightNames, paint, type Findings, type HighlightApi } from './paint';
import { indexArticle, type ArticleIndex } from '../engine/article-index';
import { scanPage, type Scan } from './scan';
import { Tooltip, type Box } from './tooltip';

export interface AnnotatorOptions {
  readonly document: Document;
  readonly highlights: HighlightApi | undefined;
  readonly lang: UiLanguage;
  readonly message: Messages;
  /** The debug switch: the tooltip's shadow root left open, for browser tests. */
  readonly debug?: boolean;
  /** Called after each scan with what was found, for the badge and the popup. */
  readonly onScan: (found: readonly ArticleFound[]) => void;
  /**
   * The reader's switches, where known when the annotator is made. Without them nothing is painted until
   * setPreferences gives them: a speaker the reader switched off never shows, not even while they load.
   */
  readonly preferences?: Preferences;
}

export class Annotator {
  readonly #options: AnnotatorOptions;
  #indexes: ArticleIndex[] = [];
  readonly #articles = new Map<string, Article>();
  readonly #tooltip: Tooltip;
  #highlightNames: readonly string[] = [];
  #found: readonly ArticleFound[] = [];
  /** Placed annotations in document order, with the text each held when painted: a re-render that cuts into a range changes it. */
  #placed: PlacedRange[] = [];
  /** Those painted now (not switched off by the reader): the ones a pointer can explain. */
  #shown: PlacedRange[] = [];
  #current = -1;
  /** What the last scan found to paint, per article: painted anew, without a scan, when the reader's switches change. */
  #toPaint: { readonly article: Article; readonly ranges: ReadonlyMap<string, Range>; readonly findings: Findings }[] = [];
  #preferences: Preferences | undefined;

  constructor(options: AnnotatorOptions, articles: readonly Article[] = []) {
    this.#options = options;
    this.#preferences = options.preferences;
    this.#tooltip = new Tooltip(options.document, { openShadowRoot: options.debug === true });
    this.addArticles(articles);
  }

  /** The articles found on the page, each with what was placed. */
  get found(): readonly ArticleFound[] {
    return this.#found;
  }

  /** Articles to look for from the next scan on (the detector found them here); those already known are kept as they are. */
  addArticles(articles: readonly Article[]): void {
    const added = articles.filter((article) => !this.#articles.has(article.id));
    if (added.length === 0) return;
    for (const article of added) this.#articles.set(article.id, article);
    this.#indexes = [...this.#indexes, ...added.map(indexArticle)];
    this.#highlightNames = highlightNames([...this.#articles.values()]);
  }

  /** Reads the page and paints what it finds, replacing any earlier paint; `nativeText`, the page's text as the detector read it, spares reading it again where the page has not changed since. */
  scan(nativeText?: string): Scan {
    const { document } = this.#options;
    const scan = scanPage(document.body, this.#indexes, nativeText === undefined ? {} : { nativeText });
    const painted = this.#found.length > 0;
    this.#found = scan.articles.map(({ found }) => found);
    // Nothing was painted and nothing is found: the page is left untouched.
    if (!painted && scan.articles.length === 0) {
      this.#options.onScan(this.#found);
      return scan;
    }
    this.#placed = scan.articles
      .flatMap(({ found, ranges }) => [...ranges].map(([id, range]) => ({ articleId: found.articleId, id, range, text: range.toString() })))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    this.#current = -1;
    this.#tooltip.hide();
    this.#toPaint = scan.articles.flatMap(({ found, ranges, changed }) => {
      const article = this.#articles.get(found.articleId);
      const misattributed = found.misattributed.map(({ id }) => id);
      return article === undefined ? [] : [{ article, ranges, findings: { changed, misattributed } }];
    });
    this.#repaint();
    this.#options.onScan(this.#found);
    return scan;
  }

  #repaint(): void {
    if (this.#preferences === undefined) return;
    const hidden = hiddenHighlightNames(this.#preferences, this.#highlightNames);
    const groups = new Map<string, Range[]>();
    for (const { article, ranges, findings } of this.#toPaint)
      for (const [name, group] of highlightGroups(article, ranges, findings, hidden))
        groups.set(name, [...(groups.get(name) ?? []), ...group]);
    const shown = new Set([...groups].filter(([name]) => !hidden.has(name)).flatMap(([, ranges]) => ranges));
    this.#shown = this.#placed.filter(({ range }) => shown.has(range));
    const { highlights } = this.#options;
    if (highlights !== undefined) paint(highlights, this.#highlightNames, groups, hidden);
  }

  /** Applies the reader's switches to what is painted; no new scan is needed. */
  setPreferences(preferences: Preferences): void {
    this.#preferences = preferences;
    this.#repaint();
  }

  /** Whether something is painted that the page re-rendered: a painted range no longer holds the text it was painted on. */
  needsScan(): boolean {
    return this.#found.length > 0 && !this.#placed.every(holdsPaintedText);
  }

  /** What this page changed in an annotation. */
  #findings(articleId: string, id: string): PageFindings {
    const found = this.#found.find((entry) => entry.articleId === articleId);
    return {
      changes: found?.changes.filter((change) => change.id === id) ?? [],
      misattributedTo: found?.misattributed.find((entry) => entry.id === id)?.named,
      pageText: found?.pageTexts.find((entry) => entry.id === id)?.text,
    };
  }

  #describe(articleId: string, id: string): ReturnType<typeof describeAnnotation> | undefined {
    const article = this.#articles.get(articleId);
    const annotation: Annotation | undefined = article?.annotations.find((candidate) => candidate.id === id);
    if (article === undefined || annotation === undefined) return undefined;
    return describeAnnotation(article, annotation, this.#options.lang, this.#options.message, this.#findings(articleId, id));
  }

  #show(articleId: string, id: string, line: Box): void {
    const content = this.#describe(articleId, id);
    if (content !== undefined) this.#tooltip.show(content, line);
  }

  /** Shows the tooltip of the annotation under the pointer, or hides it. */
  pointerAt(x: number, y: number): void {
    const hit = this.#shown.length === 0 ? undefined : annotationAt(this.#options.document, this.#shown, x, y);
    if (hit === undefined) this.#tooltip.hide();
    else this.#show(hit.articleId, hit.id, hit.line);
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
    this.goTo(entry.id, entry.articleId);
    return entry.id;
  }

  /** Scrolls to an annotation (of the given article, or the first found that has it), selects its range (so screen readers read it), shows its tooltip and announces it. */
  goTo(id: string, articleId?: string): boolean {
    const index = this.#placed.findIndex((entry) => entry.id === id && (articleId === undefined || entry.articleId === articleId));
    const entry = this.#placed[index];
    if (entry === undefined) return false;
    const content = this.#describe(entry.articleId, id);
    if (content === undefined) return false;
    this.#current = index;
    const { document } = this.#options;
    const element = entry.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(entry.range.cloneRange());
    const [line] = entry.range.getClientRects();
    if (line !== undefined) this.#tooltip.show(content, line);
    this.#tooltip.announce(content.announcement);
    return true;
  }
}
