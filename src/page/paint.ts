/**
 * Painting with the CSS Custom Highlight API: ranges are registered under
 * public names and styled by the extension's stylesheet. The page's DOM is
 * never touched, so Arabic letters keep joining and page scripts are not
 * disturbed.
 */
import type { Article } from '../annotations/schema';
import { CLAIM_HIGHLIGHT, HIGHLIGHT_PREFIX, quoteHighlightName } from '../core/highlight-names';

/** The parts of `CSS.highlights` and `Highlight` used here, so unit tests can stand in for them. */
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
  keys(): IterableIterator<string>;
}
export interface HighlightLike {
  priority: number;
}
export type MakeHighlight = (ranges: readonly Range[]) => HighlightLike;

export interface HighlightApi {
  readonly registry: HighlightRegistryLike;
  readonly make: MakeHighlight;
}

/** The page's highlight registry, where the browser has one. */
export function pageHighlightApi(): HighlightApi | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return undefined;
  return {
    registry: CSS.highlights as unknown as HighlightRegistryLike,
    make: (ranges) => new Highlight(...ranges),
  };
}

/** The highlight name each placed annotation is painted under. */
export function highlightGroups(article: Article, ranges: ReadonlyMap<string, Range>): Map<string, Range[]> {
  const groups = new Map<string, Range[]>();
  for (const annotation of article.annotations) {
    const range = ranges.get(annotation.id);
    if (range === undefined) continue;
    const name = annotation.kind === 'quote' ? quoteHighlightName(annotation.speaker) : CLAIM_HIGHLIGHT;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [range]);
    else group.push(range);
  }
  return groups;
}

/** Removes every Isnad highlight from the registry. */
export function clearHighlights(api: HighlightApi): void {
  for (const name of [...api.registry.keys()]) if (name.startsWith(HIGHLIGHT_PREFIX)) api.registry.delete(name);
}

/**
 * Registers the article's highlights, replacing any earlier ones; names in
 * `hidden` are left out (speakers switched off). Quotes paint over claims.
 */
export function paint(api: HighlightApi, groups: ReadonlyMap<string, readonly Range[]>, hidden: ReadonlySet<string> = new Set()): void {
  clearHighlights(api);
  for (const [name, ranges] of groups) {
    if (hidden.has(name)) continue;
    const highlight = api.make(ranges);
    highlight.priority = name === CLAIM_HIGHLIGHT ? 0 : 1;
    api.registry.set(name, highlight);
  }
}
