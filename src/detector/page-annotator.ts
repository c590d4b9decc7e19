/**
 * What the detector asks of the annotator, once the background has added
 * it to the frame: the annotator's script leaves a factory on the content
 * scripts' own global (never the page's) under this symbol.
 */
import type { ArticleToPaint, ArticleFound, Direction } from '../shared/messages';

export const ANNOTATOR_FACTORY: unique symbol = Symbol.for('isnad.annotator');

export interface PageAnnotator {
  /**
   * Reads the page for these articles too, and paints what it finds. `text`
   * is the page's native text as the detector sent it, where the page has
   * not changed since: the hits found in it are used as they are.
   */
  paint(found: readonly ArticleToPaint[], text: string | undefined): void;
  /** Whether something painted was re-rendered by the page, so that a scan is needed. */
  needsScan(): boolean;
  /** Reads the page again for the articles it knows, and paints what it finds. */
  scan(): void;
  /** The articles found on the page. */
  readonly found: readonly ArticleFound[];
  navigate(direction: Direction): string | null;
  goTo(articleId: string, id: string): boolean;
}

export type AnnotatorFactory = (context: { readonly debug: boolean }) => PageAnnotator;
