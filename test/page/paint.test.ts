/**
 * Painting through a stand-in for `CSS.highlights` and `Highlight`, which
 * jsdom lacks: which names are registered, with which ranges and priorities,
 * and that a repaint replaces rather than adds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/article/schema';
import { CLAIM_HIGHLIGHT, quoteHighlightName } from '../../src/shared/highlights';
import {
  highlightGroups,
  highlightNames,
  pageHighlightApi,
  paint,
  type HighlightApi,
  type HighlightLike,
  type HighlightRegistryLike,
} from '../../src/page/paint';
import { putinXi } from '../support/article-page';
import { itemAt } from '../../src/engine/item-at';

class FakeHighlight implements HighlightLike {
  priority = 0; // as a real Highlight starts
  constructor(readonly ranges: readonly Range[]) {}
}

/**
 * A registry with only set and delete: any other use (iterating, clear,
 * keys…) throws, as Firefox's content scripts cannot iterate the page's registry.
 */
function fakeApi(): { api: HighlightApi; entries: Map<string, FakeHighlight>; deleted: string[] } {
  const entries = new Map<string, FakeHighlight>();
  const deleted: string[] = [];
  const registry: HighlightRegistryLike = {
    set(name, highlight) {
      if (!(highlight instanceof FakeHighlight)) throw new Error('not made by make()');
      entries.set(name, highlight);
      return registry;
    },
    delete(name) {
      deleted.push(name);
      return entries.delete(name);
    },
  };
  const guarded = new Proxy(registry, {
    get(target, property, receiver) {
      if (property !== 'set' && property !== 'delete') throw new Error(`registry.${String(property)} used`);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { api: { registry: guarded, make: (ranges) => new FakeHighlight([...ranges]) }, entries, deleted };
}

/** One distinct range per annotation, over a text node of its exact text. */
function rangesFor(article: Article, skip: (id: string) => boolean = () => false): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const annotation of article.annotations) {
    if (skip(annotation.id)) continue;
    const text = document.createTextNode(annotation.target.exact);
    document.body.append(text);
    const range = document.createRange();
    range.selectNodeContents(text);
    ranges.set(annotation.id, range);
  }
  return ranges;
}

/** Registry contents as name → range texts, for readable comparisons. */
const texts = (entries: ReadonlyMap<string, FakeHighlight>): Record<string, string[]> =>
  Object.fromEntries([...entries].map(([name, highlight]) => [name, highlight.ranges.map((range) => range.toString())]));

/** What highlightGroups should give, worked out from the article directly. */
function expectedGroups(article: Article, placed: (id: string) => boolean): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const annotation of article.annotations) {
    if (!placed(annotation.id)) continue;
    const name = annotation.kind === 'quote' ? `isnad-quote-${annotation.speaker}` : 'isnad-claim';
    (groups[name] ??= []).push(annotation.target.exact);
  }
  return groups;
}

const groupTexts = (groups: ReadonlyMap<string, readonly Range[]>): Record<string, string[]> =>
  Object.fromEntries([...groups].map(([name, ranges]) => [name, ranges.map((range) => range.toString())]));

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('highlightGroups', () => {
  it("groups quotes by speaker and all claims under isnad-claim, in the article's order", () => {
    const groups = highlightGroups(putinXi, rangesFor(putinXi));
    expect(groupTexts(groups)).toEqual(expectedGroups(putinXi, () => true));
    const quotes = putinXi.annotations.filter((a) => a.kind === 'quote');
    expect(groups.get('isnad-quote-putin')).toHaveLength(quotes.filter((q) => q.speaker === 'putin').length);
    expect(groups.get('isnad-quote-xi')).toHaveLength(quotes.filter((q) => q.speaker === 'xi').length);
    expect(groups.get(CLAIM_HIGHLIGHT)).toHaveLength(putinXi.annotations.length - quotes.length);
  });

  it('uses the very Range objects it is given', () => {
    const ranges = rangesFor(putinXi);
    const grouped = new Set([...highlightGroups(putinXi, ranges).values()].flat());
    expect(grouped.size).toBe(ranges.size);
    for (const [id, range] of ranges) expect(grouped.has(range), id).toBe(true);
  });

  it('skips annotations that were not placed, and names with nothing placed', () => {
    const unplaced = (id: string): boolean => id.startsWith('quote-putin') || id === 'claim-trade-volume';
    const groups = highlightGroups(putinXi, rangesFor(putinXi, unplaced));
    expect(groups.has('isnad-quote-putin')).toBe(false);
    expect(groupTexts(groups)).toEqual(expectedGroups(putinXi, (id) => !unplaced(id)));
  });

  it('gives nothing when nothing was placed, and ignores ranges of unknown ids', () => {
    expect(highlightGroups(putinXi, new Map()).size).toBe(0);
    const stray = document.createRange();
    expect(highlightGroups(putinXi, new Map([['not-an-annotation', stray]])).size).toBe(0);
  });
});

describe('highlightNames', () => {
  const all = [...putinXi.speakers.map((s) => `isnad-quote-${s.id}`), 'isnad-claim', 'isnad-misattributed', 'isnad-changed'];

  it("lists every speaker's quote name, quoted or not, and isnad-claim once", () => {
    const names = highlightNames([putinXi]);
    expect([...names].sort()).toEqual([...all].sort());
    expect(names.filter((name) => name === CLAIM_HIGHLIGHT)).toHaveLength(1);
    // Speakers with no quote (claims only) are there too: a repaint must clear every name.
    expect(names).toContain(quoteHighlightName('outlet'));
  });

  it('lists a name once across articles sharing speakers, and adds the others', () => {
    const other: Article = {
      ...putinXi,
      id: 'other',
      speakers: [...putinXi.speakers.slice(0, 2), { ...itemAt(putinXi.speakers, 0), id: 'lavrov' }],
    };
    const names = highlightNames([putinXi, other, putinXi]);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...all, 'isnad-quote-lavrov'].sort());
  });

  it('is just the claims and the changes without articles', () => {
    expect(highlightNames([])).toEqual([CLAIM_HIGHLIGHT, 'isnad-misattributed', 'isnad-changed']);
  });
});

describe('paint', () => {
  const names = highlightNames([putinXi]);
  /** Where a range starts and ends: the registry holds copies, equal in these and nothing else. */
  const bounds = (ranges: readonly Range[] | undefined): unknown[] =>
    (ranges ?? []).map((range) => [range.startContainer, range.startOffset, range.endContainer, range.endOffset]);

  it('registers one highlight per group holding exactly its ranges', () => {
    const { api, entries } = fakeApi();
    const groups = highlightGroups(putinXi, rangesFor(putinXi));
    paint(api, names, groups);
    expect([...entries.keys()].sort()).toEqual([...groups.keys()].sort());
    for (const [name, ranges] of groups) expect(bounds(entries.get(name)?.ranges), name).toEqual(bounds(ranges));
    expect(texts(entries)).toEqual(expectedGroups(putinXi, () => true));
  });

  it('paints quotes at priority 1, over claims at 0', () => {
    const { api, entries } = fakeApi();
    paint(api, names, highlightGroups(putinXi, rangesFor(putinXi)));
    for (const [name, highlight] of entries) expect(highlight.priority, name).toBe(name === CLAIM_HIGHLIGHT ? 0 : 1);
    expect(entries.get(CLAIM_HIGHLIGHT)).toBeDefined();
    expect(entries.get('isnad-quote-putin')).toBeDefined();
  });

  it('paints the changed words over everything, and misattributed quotes over quotes', () => {
    const { api, entries } = fakeApi();
    const ranges = rangesFor(putinXi);
    const changed = document.createRange();
    const quote = ranges.get('quote-xi-grand-plan');
    if (quote === undefined) throw new Error('no range');
    changed.setStart(quote.startContainer, quote.startOffset);
    changed.setEnd(quote.startContainer, quote.startOffset + 3);
    paint(
      api,
      names,
      highlightGroups(putinXi, ranges, {
        changed: [{ id: 'quote-xi-grand-plan', range: changed }],
        misattributed: ['quote-xi-grand-plan'],
      }),
    );
    expect(bounds(entries.get('isnad-changed')?.ranges)).toEqual(bounds([changed]));
    expect(entries.get('isnad-changed')?.priority).toBe(3);
    expect(bounds(entries.get('isnad-misattributed')?.ranges)).toEqual(bounds([quote]));
    expect(entries.get('isnad-misattributed')?.priority).toBe(2);
    // Still painted under its true speaker.
    expect(bounds(entries.get('isnad-quote-xi')?.ranges)).toContainEqual(bounds([quote])[0]);
  });

  it("leaves out a switched-off speaker's changed words and misattributed quotes, and keeps the others'", () => {
    const ranges = rangesFor(putinXi);
    const words = (id: string): { id: string; range: Range } => {
      const quote = ranges.get(id);
      if (quote === undefined) throw new Error('no range');
      const range = document.createRange();
      range.setStart(quote.startContainer, quote.startOffset);
      range.setEnd(quote.startContainer, quote.startOffset + 3);
      return { id, range };
    };
    const xi = words('quote-xi-grand-plan');
    const putin = words('quote-putin-exemplary');
    const findings = { changed: [xi, putin], misattributed: ['quote-xi-grand-plan', 'quote-putin-exemplary'] };
    const groups = highlightGroups(putinXi, ranges, findings, new Set(['isnad-quote-xi']));
    expect(groups.get('isnad-changed')).toEqual([putin.range]);
    expect(groups.get('isnad-misattributed')).toEqual([ranges.get('quote-putin-exemplary')]);
    const none = highlightGroups(putinXi, ranges, findings, new Set(['isnad-quote-xi', 'isnad-quote-putin']));
    expect(none.has('isnad-changed')).toBe(false);
    expect(none.has('isnad-misattributed')).toBe(false);
  });

  it("hands the page's registry copies: what the page does to them never reaches Isnad's ranges", () => {
    const { api, entries } = fakeApi();
    const ranges = rangesFor(putinXi);
    const groups = highlightGroups(putinXi, ranges);
    const before = new Map([...ranges].map(([id, range]) => [id, range.toString()]));
    paint(api, names, groups);
    const painted = [...entries.values()].flatMap((highlight) => highlight.ranges);
    for (const range of ranges.values()) expect(painted).not.toContain(range);
    const own = document.createElement('p');
    own.textContent = 'نص كتبته الصفحة';
    document.body.append(own);
    for (const range of painted) range.selectNodeContents(own);
    expect(new Map([...ranges].map(([id, range]) => [id, range.toString()]))).toEqual(before);
  });

  it('deletes every known name before painting, without iterating the registry', () => {
    const { api, deleted } = fakeApi();
    paint(api, names, new Map());
    expect([...deleted].sort()).toEqual([...names].sort());
  });

  it('replaces on repaint: a speaker no longer placed disappears', () => {
    const { api, entries } = fakeApi();
    paint(api, names, highlightGroups(putinXi, rangesFor(putinXi)));
    expect(entries.has('isnad-quote-putin')).toBe(true);
    const onlyXi = (id: string): boolean => !id.startsWith('quote-xi');
    paint(api, names, highlightGroups(putinXi, rangesFor(putinXi, onlyXi)));
    expect(Object.keys(texts(entries))).toEqual(['isnad-quote-xi']);
    paint(api, names, new Map());
    expect(entries.size).toBe(0);
  });

  it('never duplicates: painting twice leaves the same highlights, with the latest ranges', () => {
    const { api, entries } = fakeApi();
    paint(api, names, highlightGroups(putinXi, rangesFor(putinXi)));
    const first = texts(entries);
    const latest = highlightGroups(putinXi, rangesFor(putinXi));
    paint(api, names, latest);
    expect(texts(entries)).toEqual(first);
    for (const [name, ranges] of latest) expect(entries.get(name)?.ranges, name).toEqual(ranges);
  });

  it('leaves out hidden names, and removes them if they were painted before', () => {
    const { api, entries } = fakeApi();
    const groups = highlightGroups(putinXi, rangesFor(putinXi));
    paint(api, names, groups);
    const hidden = new Set(['isnad-quote-putin', CLAIM_HIGHLIGHT]);
    paint(api, names, groups, hidden);
    expect([...entries.keys()].sort()).toEqual([...groups.keys()].filter((name) => !hidden.has(name)).sort());
    expect(entries.has('isnad-quote-xi')).toBe(true);
  });
});

describe('pageHighlightApi', () => {
  it('is undefined where the browser has no highlight registry (jsdom)', () => {
    expect(pageHighlightApi()).toBeUndefined();
  });

  it('is undefined with CSS but no Highlight, or Highlight but no CSS.highlights', () => {
    vi.stubGlobal('CSS', { highlights: new Map() });
    expect(pageHighlightApi()).toBeUndefined();
    vi.stubGlobal('CSS', {});
    vi.stubGlobal('Highlight', FakeHighlight);
    expect(pageHighlightApi()).toBeUndefined();
  });

  it('uses CSS.highlights and makes a Highlight of the ranges where they exist', () => {
    const registry = new Map<string, unknown>();
    class PageHighlight {
      priority = 0;
      readonly ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', PageHighlight);
    const api = pageHighlightApi();
    expect(api?.registry).toBe(registry);
    const [a, b] = [document.createRange(), document.createRange()];
    const made = api?.make([a, b]);
    expect(made).toBeInstanceOf(PageHighlight);
    expect((made as PageHighlight).ranges).toEqual([a, b]);
  });
});
