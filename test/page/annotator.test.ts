/**
 * The annotator's state on a jsdom page carrying the article, or two
 * articles: scanning and painting (through a stand-in highlight registry),
 * keyboard navigation with selection and announcement, and telling when the
 * page re-rendered.
 * jsdom lacks scrollIntoView, Range.getClientRects, matchMedia and real
 * frames: each is stood in for and taken away after every test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Article } from '../../src/article/schema';
import { CLAIM_HIGHLIGHT, quoteHighlightName } from '../../src/shared/highlights';
import { placeInReference, referenceText } from '../../src/article/text-quote';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/shared/preferences';
import { Annotator } from '../../src/page/annotator';
import type { HighlightApi, HighlightLike, HighlightRegistryLike } from '../../src/page/paint';
import type { ArticleFound } from '../../src/shared/messages';
import { cityLibrary, putinXi, withAnnotationIds } from '../support/article-page';
import { echo } from '../support/fake-browser';

class FakeHighlight implements HighlightLike {
  priority = 0;
  constructor(readonly ranges: readonly Range[]) {}
}

function fakeHighlights(): { api: HighlightApi; entries: Map<string, FakeHighlight> } {
  const entries = new Map<string, FakeHighlight>();
  const registry: HighlightRegistryLike = {
    set: (name, highlight) => {
      if (!(highlight instanceof FakeHighlight)) throw new Error('not made by make()');
      return entries.set(name, highlight);
    },
    delete: (name) => entries.delete(name),
  };
  return { api: { registry, make: (ranges) => new FakeHighlight([...ranges]) }, entries };
}

/** A plain news page: a header, each article's title and paragraphs as <p> in an <article> of its own, in the order given, a footer. */
function storiesPage(articles: readonly Article[]): HTMLElement[] {
  document.body.replaceChildren();
  const header = document.createElement('header');
  header.textContent = 'الرئيسية — أخبار — اقتصاد';
  const stories = articles.map((article) => {
    const body = document.createElement('article');
    const title = document.createElement('h1');
    title.textContent = article.title.ar;
    body.append(title);
    for (const paragraph of article.paragraphs) {
      const p = document.createElement('p');
      p.textContent = paragraph;
      body.append(p);
    }
    return body;
  });
  const footer = document.createElement('footer');
  footer.textContent = 'جميع الحقوق محفوظة';
  document.body.append(header, ...stories, footer);
  return stories;
}

/** The page of one article: its <article>. */
function articlePage(article: Article): HTMLElement {
  const [body] = storiesPage([article]);
  if (body === undefined) throw new Error('no story');
  return body;
}

/** The article's annotations in reading order, worked out from the reference text, not the page. */
function documentOrder(article: Article): Annotation[] {
  const raw = referenceText(article.paragraphs);
  const start = (annotation: Annotation): number => {
    const place = placeInReference(raw, annotation.target);
    if (place === undefined) throw new Error(`${annotation.id} not in the reference text`);
    return place.start;
  };
  const order = [...article.annotations].sort((a, b) => start(a) - start(b));
  expect(new Set(order.map(start)).size).toBe(order.length); // no ties: the order is well defined
  return order;
}

let frames: FrameRequestCallback[];
let scrolled: Element[];
/** Line boxes the stand-in getClientRects gives every range: none unless a test says. */
let lineBoxes: DOMRect[];
let restores: (() => void)[];

function patch(target: object, key: PropertyKey, value: unknown): void {
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, writable: true, value });
  restores.push(() => {
    if (before === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, before);
  });
}

/** An annotator given the article (or the articles given), and what each of its scans told onScan. */
function annotator(
  options: {
    highlights?: HighlightApi | undefined;
    lang?: 'ar' | 'en';
    articles?: readonly Article[];
    preferences?: Preferences | undefined;
  } = {},
): {
  annotator: Annotator;
  scans: (readonly ArticleFound[])[];
} {
  const scans: (readonly ArticleFound[])[] = [];
  const created = new Annotator(
    {
      document,
      highlights: 'highlights' in options ? options.highlights : fakeHighlights().api,
      lang: options.lang ?? 'en',
      message: echo,
      debug: true, // an open shadow root, for tooltipRoot()
      onScan: (found) => scans.push(found),
      ...('preferences' in options
        ? options.preferences === undefined
          ? {}
          : { preferences: options.preferences }
        : { preferences: DEFAULT_PREFERENCES }),
    },
    options.articles ?? [putinXi],
  );
  return { annotator: created, scans };
}

/** What each highlight holds: its ranges' text, by name. */
const paintedTexts = (entries: ReadonlyMap<string, FakeHighlight>): Map<string, string[]> =>
  new Map([...entries].map(([name, highlight]) => [name, highlight.ranges.map((range) => range.toString())]));

/** Each annotation's text, by the name its highlight is painted under. */
function expectedTexts(articles: readonly Article[]): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const annotation of articles.flatMap((article) => article.annotations)) {
    const name = annotation.kind === 'quote' ? quoteHighlightName(annotation.speaker) : CLAIM_HIGHLIGHT;
    expected.set(name, [...(expected.get(name) ?? []), annotation.target.exact]);
  }
  return expected;
}

/** Runs the frames asked for, and gives the tooltip's announcement. */
function announced(): string | null | undefined {
  for (const frame of frames.splice(0)) frame(0);
  return tooltipRoot().querySelector('[aria-live="polite"]')?.textContent;
}

/** The tooltip's shadow root, once the annotator has put it in the page. */
function tooltipRoot(): ShadowRoot {
  const root = document.querySelector('[data-isnad-ui]')?.shadowRoot;
  if (!root) throw new Error('no tooltip in the page');
  return root;
}

beforeEach(() => {
  frames = [];
  scrolled = [];
  lineBoxes = [];
  restores = [];
  patch(Element.prototype, 'scrollIntoView', function (this: Element) {
    scrolled.push(this);
  });
  patch(Range.prototype, 'getClientRects', () => lineBoxes);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
});

afterEach(() => {
  for (const restore of restores.reverse()) restore();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.getSelection()?.removeAllRanges();
  for (const host of document.querySelectorAll('[data-isnad-ui]')) host.remove();
  document.body.replaceChildren();
});

describe('Annotator.scan', () => {
  it('finds the article, places every annotation and tells onScan how many', () => {
    articlePage(putinXi);
    const { annotator: a, scans } = annotator();
    expect(a.found).toEqual([]);
    a.scan();
    expect(scans).toHaveLength(1);
    expect(scans[0]).toHaveLength(1);
    const found = scans[0]?.[0];
    expect(found?.articleId).toBe(putinXi.id);
    expect(found?.placed).toHaveLength(putinXi.annotations.length);
    expect([...(found?.placed ?? [])].sort()).toEqual(putinXi.annotations.map((x) => x.id).sort());
    expect(found?.unplaced).toEqual([]);
    expect(found?.paragraphs).toEqual(putinXi.paragraphs.map((_, index) => index));
    expect(a.found).toBe(scans[0]);
    expect(a.found[0]).toBe(found);
  });

  it('tells onScan only the annotations it placed', () => {
    const body = articlePage(putinXi);
    // The paragraph with Putin's energy claims is missing from this page.
    const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent.includes('المورد الرئيسي'));
    paragraph?.remove();
    const { annotator: a, scans } = annotator();
    a.scan();
    const found = scans[0]?.[0];
    expect(found?.placed).not.toContain('claim-energy-supplier');
    expect(found?.placed.length).toBe(putinXi.annotations.length - (found?.unplaced.length ?? 0));
    expect(found?.unplaced.map((u) => u.id)).toContain('claim-energy-supplier');
  });

  it("paints each quote under its speaker's name and each claim under isnad-claim, over the annotated text", () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    annotator({ highlights: api }).annotator.scan();
    const expected = expectedTexts([putinXi]);
    const painted = paintedTexts(entries);
    expect(new Set(painted.keys())).toEqual(new Set(expected.keys()));
    for (const [name, texts] of expected) expect([...(painted.get(name) ?? [])].sort(), name).toEqual([...texts].sort());
    expect(entries.get(CLAIM_HIGHLIGHT)?.priority).toBe(0);
    expect(entries.get('isnad-quote-putin')?.priority).toBe(1);
  });

  it("paints nothing until it knows the reader's switches, and then never the speaker switched off", () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api, preferences: undefined });
    a.scan();
    expect(scans[0]?.[0]?.placed).toHaveLength(putinXi.annotations.length);
    expect(entries.size).toBe(0);
    a.setPreferences({ ...DEFAULT_PREFERENCES, hiddenSpeakers: ['putin'] });
    const painted = paintedTexts(entries);
    expect(painted.get('isnad-quote-xi')?.length).toBeGreaterThan(0);
    expect(painted.get('isnad-quote-putin') ?? []).toEqual([]);
  });

  it('paints nothing, and clears an earlier paint, when the article is gone', () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api });
    a.scan();
    expect(entries.size).toBeGreaterThan(0);
    document.body.innerHTML = '<article><p>أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات.</p></article>';
    a.scan();
    expect(scans.at(-1)).toEqual([]);
    expect(a.found).toEqual([]);
    expect(entries.size).toBe(0);
    expect(a.navigate('next')).toBeUndefined();
  });

  it('scans and navigates without a highlight registry', () => {
    articlePage(putinXi);
    const { annotator: a, scans } = annotator({ highlights: undefined });
    a.scan();
    expect(scans[0]?.[0]?.placed).toHaveLength(putinXi.annotations.length);
    expect(a.navigate('next')).toBe(documentOrder(putinXi)[0]?.id);
  });

  it('repaints the same highlights when scanning the same page again', () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a } = annotator({ highlights: api });
    a.scan();
    const first = new Map([...entries].map(([name, highlight]) => [name, highlight.ranges.length]));
    a.scan();
    expect(new Map([...entries].map(([name, highlight]) => [name, highlight.ranges.length]))).toEqual(first);
  });
});

describe('Annotator.navigate', () => {
  it('goes through the annotations in document order, selecting each, and wraps around', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    const order = documentOrder(putinXi);
    // The quote inside a claim comes right after it.
    const claimAt = order.findIndex((x) => x.id === 'claim-no-limits-partnership');
    expect(order[claimAt + 1]?.id).toBe('quote-china-russia-no-limits');
    for (const expected of [...order, order[0]]) {
      const id = a.navigate('next');
      expect(id).toBe(expected?.id);
      expect(document.getSelection()?.toString(), id).toBe(expected?.target.exact);
    }
  });

  it('goes back with previous, and wraps from the first to the last', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    const order = documentOrder(putinXi);
    a.navigate('next');
    a.navigate('next');
    expect(a.navigate('previous')).toBe(order[0]?.id);
    expect(a.navigate('previous')).toBe(order.at(-1)?.id);
    expect(document.getSelection()?.toString()).toBe(order.at(-1)?.target.exact);
    expect(a.navigate('next')).toBe(order[0]?.id);
  });

  it('starts from the last annotation when the first move is previous', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    expect(a.navigate('previous')).toBe(documentOrder(putinXi).at(-1)?.id);
  });

  it('scrolls the annotation into view and announces it on the next frame', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    const [first] = documentOrder(putinXi);
    expect(first?.id).toBe('quote-xi-grand-plan');
    expect(a.navigate('next')).toBe('quote-xi-grand-plan');
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0]?.textContent).toContain(first?.target.exact);
    const live = tooltipRoot().querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('');
    for (const frame of frames.splice(0)) frame(0);
    expect(live?.textContent).toBe('announceQuote:[Xi Jinping]');
    a.goTo('claim-trade-volume');
    for (const frame of frames.splice(0)) frame(0);
    expect(live?.textContent).toBe('announceClaim:[categoryStatistic|verdictMissingContext]');
  });

  it("shows the annotation's tooltip beside its first line box, in the UI language", () => {
    articlePage(putinXi);
    lineBoxes = [{ left: 100, top: 200, right: 400, bottom: 220 } as DOMRect];
    const { annotator: a } = annotator({ lang: 'ar' });
    a.scan();
    a.goTo('quote-putin-stabilising-factor');
    const box = tooltipRoot().querySelector<HTMLElement>('[role="tooltip"]');
    expect(box?.style.display).toBe('block');
    expect(box?.lang).toBe('ar');
    expect(box?.firstElementChild?.textContent).toBe('فلاديمير بوتين');
    expect(box?.style.top).toBe('228px');
    expect(document.getSelection()?.toString()).toBe(
      putinXi.annotations.find((x) => x.id === 'quote-putin-stabilising-factor')?.target.exact,
    );
    // And the next move continues from there.
    const order = documentOrder(putinXi);
    const at = order.findIndex((x) => x.id === 'quote-putin-stabilising-factor');
    expect(a.navigate('next')).toBe(order[at + 1]?.id);
  });

  it('does nothing before a scan, or for an unknown id', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    expect(a.navigate('next')).toBeUndefined();
    a.scan();
    expect(a.goTo('no-such-annotation')).toBe(false);
    expect(document.getSelection()?.rangeCount).toBe(0);
  });

  it('starts again from the first annotation after a new scan', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    a.navigate('next');
    a.navigate('next');
    a.scan();
    expect(a.navigate('next')).toBe(documentOrder(putinXi)[0]?.id);
  });
});

describe('Annotator.needsScan', () => {
  // What a page adds is the detector's to judge (the catalogue index's judgeAdded): the annotator only keeps its paint in step.
  it('after a scan that found nothing, stays false whatever the page adds, the article included', () => {
    document.body.innerHTML = '<p>لا شيء هنا</p>';
    const { annotator: a, scans } = annotator();
    a.scan();
    const unrelated = document.body.appendChild(document.createElement('p'));
    unrelated.textContent = 'خبر آخر لا علاقة له بالمقال';
    expect(a.needsScan()).toBe(false);
    const story = document.body.appendChild(document.createElement('article'));
    for (const paragraph of putinXi.paragraphs) story.appendChild(document.createElement('p')).textContent = paragraph;
    expect(a.needsScan()).toBe(false);
    // Told to scan, it finds the article there.
    a.scan();
    expect(scans.at(-1)?.[0]?.placed).toHaveLength(putinXi.annotations.length);
    expect(a.needsScan()).toBe(false);
  });

  it('is false after a successful scan, and stays so when unrelated parts of the page change', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    expect(a.needsScan()).toBe(false);
    document.querySelector('footer')?.append(' — إعلان');
    document.body.append(document.createElement('aside'));
    expect(a.needsScan()).toBe(false);
  });

  it("is true once the article's paragraphs are replaced by fresh copies, and false again after a rescan", () => {
    const body = articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api });
    a.scan();
    for (const p of body.querySelectorAll('p')) p.replaceWith(p.cloneNode(true));
    expect(a.needsScan()).toBe(true);
    a.scan();
    expect(a.needsScan()).toBe(false);
    expect(scans.at(-1)?.[0]?.placed).toHaveLength(putinXi.annotations.length);
    // The new paint is over the new paragraphs.
    for (const [name, highlight] of entries) {
      for (const range of highlight.ranges) expect(range.startContainer.isConnected, name).toBe(true);
    }
    const quote = entries.get('isnad-quote-putin')?.ranges[0];
    expect(quote && body.contains(quote.startContainer)).toBe(true);
  });

  it('is true when a single paragraph holding an annotation is re-rendered', () => {
    const body = articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent.includes('النموذجية'));
    paragraph?.replaceWith(paragraph.cloneNode(true));
    expect(a.needsScan()).toBe(true);
  });

  // A live Range whose end lies in a re-rendered inline element moves to just before the replacement: it loses
  // part of its text without collapsing, and only its text shows it.
  it('is true when an inline element holding the end of a quote is re-rendered', () => {
    const body = articlePage(putinXi);
    const exact = 'العلاقات بين موسكو وبكين تشكّل عامل استقرار في ظل الاضطرابات العالمية الراهنة';
    const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent.includes(exact));
    if (paragraph === undefined) throw new Error('no paragraph');
    // The quote's last words in a link, as news sites often have.
    const [before, after] = paragraph.textContent.split('العالمية الراهنة');
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'العالمية الراهنة';
    paragraph.replaceChildren(before ?? '', link, after ?? '');
    const { api, entries } = fakeHighlights();
    const { annotator: a } = annotator({ highlights: api });
    a.scan();
    const range = entries.get('isnad-quote-putin')?.ranges.find((r) => r.toString() === exact);
    expect(range).toBeDefined();
    link.replaceWith(link.cloneNode(true));
    expect(range?.toString()).not.toBe(exact); // the painted range lost its tail
    expect(a.needsScan()).toBe(true);
  });
});

describe('Annotator.pointerAt', () => {
  /** The article painted, and the pointer over «بلا حدود», which a claim encloses: every range gets one line box at (0..1000, 0..20). */
  function pointedAtQuote(): { a: Annotator; text: Text; box: () => HTMLElement | null } {
    const body = articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent.includes('“بلا حدود”'));
    const text = paragraph?.firstChild;
    if (!(text instanceof Text)) throw new Error('no text');
    lineBoxes = [{ left: 0, top: 0, right: 1000, bottom: 20 } as DOMRect];
    const offset = text.data.indexOf('بلا حدود') + 2;
    patch(document, 'caretPositionFromPoint', () => ({ offsetNode: text, offset }));
    return {
      a,
      text,
      box: () => document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]') ?? null,
    };
  }

  it('shows the tooltip of the innermost annotation under the pointer, and hides it elsewhere', () => {
    const { a, box } = pointedAtQuote();
    a.pointerAt(50, 10);
    expect(box()?.style.display).toBe('block');
    expect(box()?.firstElementChild?.textContent).toBe('China and Russia');
    a.pointerAt(50, 500); // below every line box
    expect(box()?.style.display).toBe('none');
  });

  it('explains nothing whose highlight the reader switched off', () => {
    const { a, box } = pointedAtQuote();
    a.setPreferences({ ...DEFAULT_PREFERENCES, highlights: false });
    a.pointerAt(50, 10);
    expect(box()?.style.display ?? 'none').toBe('none');
    a.setPreferences(DEFAULT_PREFERENCES);
    a.pointerAt(50, 10);
    expect(box()?.style.display).toBe('block');
  });

  it('explains nothing over text the page changed under a painted range, until the next scan', () => {
    const { a, text, box } = pointedAtQuote();
    // Words typed inside the quote: its range (and the claim's around it) grows over them, still under the pointer.
    text.insertData(text.data.indexOf('بلا حدود') + 1, ' كلمات الصفحة ');
    a.pointerAt(50, 10);
    expect(box()?.style.display ?? 'none').toBe('none');
  });
});

/** The articles' ids, in the order found. */
const ids = (found: readonly ArticleFound[] | undefined): string[] => (found ?? []).map((entry) => entry.articleId);

describe('Annotator.addArticles', () => {
  it('looks for articles added from the next scan on, and paints their speakers', () => {
    storiesPage([putinXi, cityLibrary]);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api, articles: [] });
    a.scan();
    expect(scans.at(-1)).toEqual([]);
    expect(entries.size).toBe(0);
    a.addArticles([putinXi]);
    expect(a.found).toEqual([]); // not before the next scan
    a.scan();
    expect(ids(scans.at(-1))).toEqual([putinXi.id]);
    expect(entries.has(quoteHighlightName('mayor'))).toBe(false);
    a.addArticles([cityLibrary]);
    a.scan();
    expect(ids(scans.at(-1))).toEqual([putinXi.id, cityLibrary.id]);
    expect(entries.get(quoteHighlightName('mayor'))?.ranges.map((range) => range.toString())).toEqual(
      cityLibrary.annotations.filter((x) => x.kind === 'quote' && x.speaker === 'mayor').map((x) => x.target.exact),
    );
  });

  it('keeps an article it knows as it is: added again, under the same id, it is looked for once', () => {
    storiesPage([putinXi]);
    const { annotator: a, scans } = annotator();
    const renamed = withAnnotationIds(putinXi, { 'quote-xi-grand-plan': 'quote-xi-renamed' });
    a.addArticles([putinXi, renamed]);
    a.scan();
    expect(ids(scans.at(-1))).toEqual([putinXi.id]);
    expect(scans.at(-1)?.[0]?.placed).toContain('quote-xi-grand-plan');
    expect(a.goTo('quote-xi-renamed')).toBe(false);
    expect(a.goTo('quote-xi-grand-plan')).toBe(true);
  });
});

describe('Annotator on a page carrying two articles', () => {
  it('finds both, tells onScan of both, and paints both articles’ highlight groups', () => {
    storiesPage([putinXi, cityLibrary]);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api, articles: [putinXi, cityLibrary] });
    a.scan();
    expect(scans).toHaveLength(1);
    expect(ids(scans[0])).toEqual([putinXi.id, cityLibrary.id]);
    for (const [article, found] of [
      [putinXi, scans[0]?.[0]],
      [cityLibrary, scans[0]?.[1]],
    ] as const) {
      expect([...(found?.placed ?? [])].sort(), article.id).toEqual(article.annotations.map((x) => x.id).sort());
      expect(found?.unplaced, article.id).toEqual([]);
    }
    expect(a.found).toBe(scans[0]);
    const expected = expectedTexts([putinXi, cityLibrary]);
    const painted = paintedTexts(entries);
    expect(new Set(painted.keys())).toEqual(new Set(expected.keys()));
    for (const name of ['isnad-quote-putin', 'isnad-quote-xi', 'isnad-quote-mayor', 'isnad-quote-librarian', CLAIM_HIGHLIGHT])
      expect(painted.has(name), name).toBe(true);
    // One claim highlight for both articles' claims.
    for (const [name, texts] of expected) expect([...(painted.get(name) ?? [])].sort(), name).toEqual([...texts].sort());
    // A speaker of the second article switched off: only that speaker's highlight goes.
    a.setPreferences({ ...DEFAULT_PREFERENCES, hiddenSpeakers: ['mayor'] });
    expect(new Set(entries.keys())).toEqual(new Set([...expected.keys()].filter((name) => name !== quoteHighlightName('mayor'))));
  });

  it('goes through both articles’ annotations in document order, whatever order the articles were given in', () => {
    // The library story first on the page, the article given first.
    storiesPage([cityLibrary, putinXi]);
    const { annotator: a } = annotator({ articles: [putinXi, cityLibrary] });
    a.scan();
    expect(ids(a.found)).toEqual([putinXi.id, cityLibrary.id]);
    const order = [...documentOrder(cityLibrary), ...documentOrder(putinXi)];
    for (const expected of [...order, order[0]]) {
      const id = a.navigate('next');
      expect(id).toBe(expected?.id);
      expect(document.getSelection()?.toString(), id).toBe(expected?.target.exact);
    }
    // And back: from the first to the last, the last annotation of the article given first.
    expect(a.navigate('previous')).toBe(order.at(-1)?.id);
    expect(a.navigate('previous')).toBe(order.at(-2)?.id);
  });

  it('goes to the annotation of the article asked for where both articles use the same id', () => {
    // The mayor's quote under the id of Xi's quote in the article.
    const shared = 'quote-xi-grand-plan';
    const library = withAnnotationIds(cityLibrary, { 'quote-mayor-open-every-day': shared });
    const exactOf = (article: Article): string | undefined => article.annotations.find((x) => x.id === shared)?.target.exact;
    storiesPage([putinXi, library]);
    const { annotator: a } = annotator({ articles: [putinXi, library] });
    a.scan();
    expect(a.found.map((found) => found.placed.includes(shared))).toEqual([true, true]);

    expect(a.goTo(shared, library.id)).toBe(true);
    expect(document.getSelection()?.toString()).toBe(exactOf(library));
    expect(announced()).toBe('announceQuote:[Salma al-Khatib]');
    // The next move continues from there, in the library story.
    const libraryOrder = documentOrder(library);
    expect(libraryOrder[0]?.id).toBe(shared);
    expect(a.navigate('next')).toBe(libraryOrder[1]?.id);

    expect(a.goTo(shared, putinXi.id)).toBe(true);
    expect(document.getSelection()?.toString()).toBe(exactOf(putinXi));
    expect(announced()).toBe('announceQuote:[Xi Jinping]');
    expect(a.navigate('next')).toBe(documentOrder(putinXi)[1]?.id);

    // Without an article: the first in document order; with an article not found here, none.
    expect(a.goTo(shared)).toBe(true);
    expect(document.getSelection()?.toString()).toBe(exactOf(putinXi));
    document.getSelection()?.removeAllRanges();
    expect(a.goTo(shared, 'no-such-article')).toBe(false);
    expect(a.goTo('claim-project-cost', putinXi.id)).toBe(false);
    expect(document.getSelection()?.rangeCount).toBe(0);
  });

  it('explains, under the pointer, the annotation of the article it is in where both articles use the same id', () => {
    const shared = 'quote-xi-grand-plan';
    const library = withAnnotationIds(cityLibrary, { 'quote-mayor-open-every-day': shared });
    const [, story] = storiesPage([putinXi, library]);
    const { annotator: a } = annotator({ articles: [putinXi, library] });
    a.scan();
    const exact = library.annotations.find((x) => x.id === shared)?.target.exact ?? '';
    const text = [...(story?.querySelectorAll('p') ?? [])].find((p) => p.textContent.includes(exact))?.firstChild;
    if (!(text instanceof Text)) throw new Error('no text');
    lineBoxes = [{ left: 0, top: 0, right: 1000, bottom: 20 } as DOMRect];
    patch(document, 'caretPositionFromPoint', () => ({ offsetNode: text, offset: text.data.indexOf(exact) + 3 }));
    a.pointerAt(50, 10);
    const box = tooltipRoot().querySelector<HTMLElement>('[role="tooltip"]');
    expect(box?.style.display).toBe('block');
    expect(box?.firstElementChild?.textContent).toBe('Salma al-Khatib');
  });
});

describe('Annotator.scan with the detector’s reading', () => {
  /** Reads of the whole page's text (the body's or the root element's textContent). */
  function pageReads(): () => number {
    const textContent = vi.spyOn(Node.prototype, 'textContent', 'get');
    return () => textContent.mock.contexts.filter((node) => node === document.body || node === document.documentElement).length;
  }

  it('does not read the page’s text again, and finds and paints what a scan without it does', () => {
    storiesPage([putinXi, cityLibrary]);
    const articles = [putinXi, cityLibrary];
    const reading = document.body.textContent;

    const plain = fakeHighlights();
    const { annotator: without, scans: plainScans } = annotator({ highlights: plain.api, articles });
    without.scan();

    const given = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: given.api, articles });
    const reads = pageReads();
    const scan = a.scan(reading);
    expect(reads()).toBe(0);
    expect(scan.nativeChars).toBe(reading.length);
    expect(scans).toEqual(plainScans);
    expect(ids(scans[0])).toEqual([putinXi.id, cityLibrary.id]);
    expect(paintedTexts(given.entries)).toEqual(paintedTexts(plain.entries));
    const order = [...documentOrder(putinXi), ...documentOrder(cityLibrary)];
    for (const expected of order) {
      expect(a.navigate('next')).toBe(expected.id);
      expect(without.navigate('next')).toBe(expected.id);
    }
  });

  it('reads the page again at a scan without it', () => {
    storiesPage([putinXi]);
    const reading = document.body.textContent;
    const { annotator: a, scans } = annotator();
    const reads = pageReads();
    a.scan(reading);
    expect(reads()).toBe(0);
    a.scan();
    expect(reads()).toBe(1);
    expect(scans[1]).toEqual(scans[0]);
  });
});
