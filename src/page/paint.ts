/**
 * Painting with the CSS Custom Highlight API: ranges are registered under
 * public names and styled by the extension's stylesheet. The page's DOM is
 * never touched, so Arabic letters keep joining and page scripts are not
 * disturbed.
 */
import type { Article } from '../article/schema';
import { CHANGED_HIGHLIGHT, CLAIM_HIGHLIGHT, MISATTRIBUTED_HIGHLIGHT, quoteHighlightName } from '../shared/highlights';
import type { Preferences } from '../shared/preferences';

/** The parts of `CSS.highlights` and `Highlight` used here, so unit tests can stand in for them. */
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
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

/** Words a page changed, and the annotation they are in. */
export interface ChangedWords {
  readonly id: string;
  readonly range: Range;
}

/** What the page changed, to paint over the annotations: the changed words, and the ids of misattributed quotes. */
export interface Findings {
  readonly changed: readonly ChangedWords[];
  readonly misattributed: readonly string[];
}

/**
 * The highlight name each placed annotation is painted under, and the page's changes over them. `hidden`: names
 * switched off; what the page changed in an annotation painted under one of them is left out with it.
 */
export function highlightGroups(
  article: Article,
  ranges: ReadonlyMap<string, Range>,
  findings: Findings = { changed: [], misattributed: [] },
  hidden: ReadonlySet<string> = new Set(),
): Map<string, Range[]> {
  const nameOf = new Map(
    article.annotations.map((annotation) => [
      annotation.id,
      annotation.kind === 'quote' ? quoteHighlightName(annotation.speaker) : CLAIM_HIGHLIGHT,
    ]),
  );
  const shown = (id: string): boolean => {
    const name = nameOf.get(id);
    return name !== undefined && !hidden.has(name);
  };
  const groups = new Map<string, Range[]>();
  const changed = findings.changed.filter(({ id }) => shown(id)).map(({ range }) => range);
  if (changed.length > 0) groups.set(CHANGED_HIGHLIGHT, changed);
  const misattributed = findings.misattributed
    .filter(shown)
    .map((id) => ranges.get(id))
    .filter((range): range is Range => range !== undefined);
  if (misattributed.length > 0) groups.set(MISATTRIBUTED_HIGHLIGHT, misattributed);
  for (const annotation of article.annotations) {
    const range = ranges.get(annotation.id);
    const name = nameOf.get(annotation.id);
    if (range === undefined || name === undefined) continue;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [range]);
    else group.push(range);
  }
  return groups;
}

/** Quotes paint over claims, and what the page changed over both. */
const PRIORITY: Readonly<Record<string, number>> = { [CLAIM_HIGHLIGHT]: 0, [MISATTRIBUTED_HIGHLIGHT]: 2, [CHANGED_HIGHLIGHT]: 3 };

/** Every highlight name the articles can paint under. */
export function highlightNames(articles: readonly Article[]): string[] {
  const names = new Set(articles.flatMap((article) => article.speakers.map((speaker) => quoteHighlightName(speaker.id))));
  names.add(CLAIM_HIGHLIGHT);
  names.add(MISATTRIBUTED_HIGHLIGHT);
  names.add(CHANGED_HIGHLIGHT);
  return [...names];
}

/**
 * Registers the article's highlights under `names`, replacing whatever was
 * there (the registry itself is not iterated: Firefox's content scripts
 * cannot iterate the page's registry); names in `hidden` are left out
 * (speakers switched off). Quotes paint over claims. The registry is the
 * page's to read and change: it gets copies of the ranges, so that nothing
 * the page does to them reaches the ranges Isnad explains.
 */
export function paint(
  api: HighlightApi,
  names: readonly string[],
  groups: ReadonlyMap<string, readonly Range[]>,
  hidden: ReadonlySet<string> = new Set(),
): void {
  for (const name of names) api.registry.delete(name);
  for (const [name, ranges] of groups) {
    if (hidden.has(name)) continue;
    const highlight = api.make(ranges.map((range) => range.cloneRange()));
    highlight.priority = PRIORITY[name] ?? 1;
    api.registry.set(name, highlight);
  }
}

/** The highlight names the reader switched off, among `names`. */
export function hiddenHighlightNames(preferences: Preferences, names: readonly string[]): Set<string> {
  if (!preferences.highlights) return new Set(names);
  const hidden = new Set(preferences.hiddenSpeakers.map(quoteHighlightName));
  if (!preferences.claims) hidden.add(CLAIM_HIGHLIGHT);
  return new Set(names.filter((name) => hidden.has(name)));
}
