/**
 * The content script's state on a jsdom page carrying the article: scanning
 * and painting (through a stand-in highlight registry), keyboard navigation
 * with selection and announcement, and telling when the page re-rendered.
 * jsdom lacks scrollIntoView, Range.getClientRects, matchMedia and real
 * frames: each is stood in for and taken away after every test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Article } from '../../src/article/schema';
import { CLAIM_HIGHLIGHT, quoteHighlightName } from '../../src/shared/highlights';
import { placeInReference, referenceText } from '../../src/article/text-quote';
import { DEFAULT_PREFERENCES } from '../../src/shared/preferences';
import { Annotator } from '../../src/page/annotator';
import type { HighlightApi, HighlightLike, HighlightRegistryLike } from '../../src/page/paint';
import type { ArticleFound } from '../../src/shared/messages';
import { putinXi } from '../support/article-page';
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

/** A plain news page: a header, the article's title and paragraphs as <p>, a footer. */
function articlePage(article: Article): HTMLElement {
  document.body.replaceChildren();
  const header = document.createElement('header');
  header.textContent = 'الرئيسية — أخبار — اقتصاد';
  const body = document.createElement('article');
  const title = document.createElement('h1');
  title.textContent = article.title.ar;
  body.append(title);
  for (const paragraph of article.paragraphs) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    body.append(p);
  }
  const footer = document.createElement('footer');
  footer.textContent = 'جميع الحقوق محفوظة';
  document.body.append(header, body, footer);
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

function annotator(options: { highlights?: HighlightApi | undefined; lang?: 'ar' | 'en' } = {}): {
  annotator: Annotator;
  scans: (ArticleFound | null)[];
} {
  const scans: (ArticleFound | null)[] = [];
  const created = new Annotator({
    document,
    articles: [putinXi],
    highlights: 'highlights' in options ? options.highlights : fakeHighlights().api,
    lang: options.lang ?? 'en',
    message: echo,
    debug: true, // an open shadow root, for tooltipRoot()
    onScan: (found) => scans.push(found),
  });
  return { annotator: created, scans };
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
  vi.unstubAllGlobals();
  document.getSelection()?.removeAllRanges();
  for (const host of document.querySelectorAll('[data-isnad-ui]')) host.remove();
  document.body.replaceChildren();
});

describe('Annotator.scan', () => {
  it('finds the article, places every annotation and tells onScan how many', () => {
    articlePage(putinXi);
    const { annotator: a, scans } = annotator();
    expect(a.found).toBeNull();
    a.scan();
    expect(scans).toHaveLength(1);
    const [found] = scans;
    expect(found?.articleId).toBe(putinXi.id);
    expect(found?.placed).toHaveLength(putinXi.annotations.length);
    expect([...(found?.placed ?? [])].sort()).toEqual(putinXi.annotations.map((x) => x.id).sort());
    expect(found?.unplaced).toEqual([]);
    expect(found?.paragraphs).toEqual(putinXi.paragraphs.map((_, index) => index));
    expect(a.found).toBe(found);
  });

  it('tells onScan only the annotations it placed', () => {
    const body = articlePage(putinXi);
    // The paragraph with Putin's energy claims is missing from this page.
    const paragraph = [...body.querySelectorAll('p')].find((p) => p.textContent.includes('المورد الرئيسي'));
    paragraph?.remove();
    const { annotator: a, scans } = annotator();
    a.scan();
    expect(scans[0]?.placed).not.toContain('claim-energy-supplier');
    expect(scans[0]?.placed.length).toBe(putinXi.annotations.length - (scans[0]?.unplaced.length ?? 0));
    expect(scans[0]?.unplaced.map((u) => u.id)).toContain('claim-energy-supplier');
  });

  it("paints each quote under its speaker's name and each claim under isnad-claim, over the annotated text", () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    annotator({ highlights: api }).annotator.scan();
    const expected = new Map<string, string[]>();
    for (const annotation of putinXi.annotations) {
      const name = annotation.kind === 'quote' ? quoteHighlightName(annotation.speaker) : CLAIM_HIGHLIGHT;
      expected.set(name, [...(expected.get(name) ?? []), annotation.target.exact]);
    }
    const painted = new Map([...entries].map(([name, highlight]) => [name, highlight.ranges.map((range) => range.toString())]));
    expect(new Set(painted.keys())).toEqual(new Set(expected.keys()));
    for (const [name, texts] of expected) expect([...(painted.get(name) ?? [])].sort(), name).toEqual([...texts].sort());
    expect(entries.get(CLAIM_HIGHLIGHT)?.priority).toBe(0);
    expect(entries.get('isnad-quote-putin')?.priority).toBe(1);
  });

  it('paints nothing, and clears an earlier paint, when the article is gone', () => {
    articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api });
    a.scan();
    expect(entries.size).toBeGreaterThan(0);
    document.body.innerHTML = '<article><p>أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المحافظات.</p></article>';
    a.scan();
    expect(scans.at(-1)).toBeNull();
    expect(a.found).toBeNull();
    expect(entries.size).toBe(0);
    expect(a.navigate('next')).toBeUndefined();
  });

  it('scans and navigates without a highlight registry', () => {
    articlePage(putinXi);
    const { annotator: a, scans } = annotator({ highlights: undefined });
    a.scan();
    expect(scans[0]?.placed).toHaveLength(putinXi.annotations.length);
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

/** Changes that added nothing (a removal): where the article is painted, the ranges alone decide. */
const NO_CHANGES = { nodes: [], overflow: false } as const;

describe('Annotator.needsScan', () => {
  it('after a scan that found nothing, is true only when what the page added may hold the article', () => {
    document.body.innerHTML = '<p>لا شيء هنا</p>';
    const { annotator: a } = annotator();
    a.scan();
    const unrelated = document.body.appendChild(document.createElement('p'));
    unrelated.textContent = 'خبر آخر لا علاقة له بالمقال';
    expect(a.needsScan({ nodes: [unrelated], overflow: false })).toBe(false);
    const story = document.body.appendChild(document.createElement('article'));
    for (const paragraph of putinXi.paragraphs) story.appendChild(document.createElement('p')).textContent = paragraph;
    expect(a.needsScan({ nodes: [story], overflow: false })).toBe(true);
  });

  it('is false after a successful scan, and stays so when unrelated parts of the page change', () => {
    articlePage(putinXi);
    const { annotator: a } = annotator();
    a.scan();
    expect(a.needsScan(NO_CHANGES)).toBe(false);
    document.querySelector('footer')?.append(' — إعلان');
    document.body.append(document.createElement('aside'));
    expect(a.needsScan(NO_CHANGES)).toBe(false);
  });

  it("is true once the article's paragraphs are replaced by fresh copies, and false again after a rescan", () => {
    const body = articlePage(putinXi);
    const { api, entries } = fakeHighlights();
    const { annotator: a, scans } = annotator({ highlights: api });
    a.scan();
    for (const p of body.querySelectorAll('p')) p.replaceWith(p.cloneNode(true));
    expect(a.needsScan(NO_CHANGES)).toBe(true);
    a.scan();
    expect(a.needsScan(NO_CHANGES)).toBe(false);
    expect(scans.at(-1)?.placed).toHaveLength(putinXi.annotations.length);
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
    expect(a.needsScan(NO_CHANGES)).toBe(true);
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
    expect(a.needsScan(NO_CHANGES)).toBe(true);
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
