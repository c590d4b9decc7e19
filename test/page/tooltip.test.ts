/**
 * Where the tooltip goes (pure geometry), and the tooltip itself in jsdom:
 * its host, its text-only content, its language and direction, and the
 * screen-reader live region. jsdom has no layout, matchMedia or real frames:
 * sizes, the colour scheme and requestAnimationFrame are stood in for.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TooltipContent } from '../../src/page/describe';
import { placeTooltip, Tooltip, type Box } from '../../src/page/tooltip';

const GAP = 8;
const viewport = { width: 1000, height: 800 };
const size = { width: 200, height: 100 };
const line = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom });

/** Whether the tooltip at `at` with `size` covers any of `box`. */
const overlaps = (at: { left: number; top: number }, s: typeof size, box: Box): boolean =>
  at.left < box.right && box.left < at.left + s.width && at.top < box.bottom && box.top < at.top + s.height;

describe('placeTooltip', () => {
  it('goes below the line, a gap under it, aligned to its left edge', () => {
    expect(placeTooltip(line(100, 100, 300, 120), size, viewport, false)).toEqual({ left: 100, top: 128 });
  });

  it('goes below while it just fits, above once it does not', () => {
    // Room below down to height - GAP exactly: 684 + 8 + 100 = 792.
    expect(placeTooltip(line(100, 664, 300, 684), size, viewport, false).top).toBe(692);
    expect(placeTooltip(line(100, 665, 300, 685), size, viewport, false).top).toBe(665 - GAP - 100);
  });

  it('goes above a line near the bottom of the viewport, a gap over it', () => {
    const at = placeTooltip(line(100, 740, 300, 760), size, viewport, false);
    expect(at).toEqual({ left: 100, top: 632 });
    expect(at.top + size.height).toBe(740 - GAP);
  });

  it('stays inside the viewport when neither side has room', () => {
    const tall = { width: 200, height: 500 };
    const at = placeTooltip(line(100, 290, 300, 310), tall, viewport, false);
    expect(at.top).toBeGreaterThanOrEqual(GAP);
    expect(at.top + tall.height).toBeLessThanOrEqual(viewport.height - GAP);
    // It prefers below, as far down as the viewport allows (it cannot help covering the line here).
    expect(at.top).toBe(viewport.height - GAP - tall.height);
  });

  it('aligns to the right edge of the line in right-to-left text', () => {
    expect(placeTooltip(line(400, 100, 700, 120), size, viewport, true)).toEqual({ left: 500, top: 128 });
  });

  it.each([
    ['ltr, near the right edge', line(900, 100, 990, 120), false, 1000 - 200 - GAP],
    ['rtl, near the left edge', line(0, 100, 100, 120), true, GAP],
    ['ltr, line starting left of the viewport', line(-50, 100, 100, 120), false, GAP],
    ['rtl, line ending right of the viewport', line(800, 100, 1100, 120), true, 1000 - 200 - GAP],
  ] as const)('is clamped into the viewport horizontally (%s)', (_, box, rtl, left) => {
    expect(placeTooltip(box, size, viewport, rtl).left).toBe(left);
  });

  it('keeps the gap on the left when wider than the viewport', () => {
    expect(placeTooltip(line(300, 100, 500, 120), { width: 1200, height: 100 }, viewport, true).left).toBe(GAP);
  });

  it('never covers the line, and stays in the viewport, wherever one side has room (property)', () => {
    const cases = fc
      .record({
        vw: fc.integer({ min: 320, max: 2000 }),
        vh: fc.integer({ min: 200, max: 1500 }),
        w: fc.integer({ min: 40, max: 400 }),
        h: fc.integer({ min: 20, max: 300 }),
        x: fc.double({ min: 0, max: 1, noNaN: true }),
        y: fc.double({ min: 0, max: 1, noNaN: true }),
        lineWidth: fc.integer({ min: 1, max: 600 }),
        lineHeight: fc.integer({ min: 10, max: 40 }),
        rtl: fc.boolean(),
      })
      .filter(({ vw, w }) => w <= vw - 2 * GAP);
    fc.assert(
      fc.property(cases, ({ vw, vh, w, h, x, y, lineWidth, lineHeight, rtl }) => {
        const left = x * (vw - lineWidth);
        const top = y * (vh - lineHeight);
        const box = line(left, top, left + lineWidth, top + lineHeight);
        const fitsBelow = box.bottom + GAP + h <= vh - GAP;
        const fitsAbove = box.top - GAP - h >= GAP;
        fc.pre(fitsBelow || fitsAbove);
        const at = placeTooltip(box, { width: w, height: h }, { width: vw, height: vh }, rtl);
        expect(overlaps(at, { width: w, height: h }, box)).toBe(false);
        expect(at.top).toBe(fitsBelow ? box.bottom + GAP : box.top - GAP - h);
        expect(at.left).toBeGreaterThanOrEqual(GAP);
        expect(at.left + w).toBeLessThanOrEqual(vw - GAP);
        expect(at.top).toBeGreaterThanOrEqual(GAP);
        expect(at.top + h).toBeLessThanOrEqual(vh - GAP);
      }),
      { numRuns: 500 },
    );
  });
});

const english: TooltipContent = {
  lang: 'en',
  accent: '#0072B2',
  heading: 'Vladimir Putin',
  subheading: 'President of Russia · Direct quote',
  lines: [
    { text: 'English translation', lang: 'en', kind: 'label' },
    { text: 'Relations are a stabilising factor', lang: 'en', kind: 'text' },
  ],
  announcement: 'Quote by Vladimir Putin',
};

const arabic: TooltipContent = {
  lang: 'ar',
  accent: '#D55E00',
  heading: 'شي جين بينج',
  subheading: 'رئيس الصين · اقتباس مباشر',
  lines: [
    { text: 'الترجمة الإنجليزية', lang: 'ar', kind: 'label' },
    { text: 'are on the right track', lang: 'en', kind: 'text' },
  ],
  announcement: 'اقتباس لـشي جين بينج',
};

/** The tooltip's host in the page and its shadow root's parts. */
function parts(): { host: HTMLElement; root: ShadowRoot; box: HTMLElement; live: HTMLElement } {
  const hosts = document.querySelectorAll<HTMLElement>('[data-isnad-ui]');
  expect(hosts).toHaveLength(1);
  const host = hosts[0];
  const root = host?.shadowRoot;
  const box = root?.querySelector<HTMLElement>('[role="tooltip"]');
  const live = root?.querySelector<HTMLElement>('[aria-live="polite"]');
  if (host === undefined || !root || !box || !live) throw new Error('tooltip parts missing');
  return { host, root, box, live };
}

describe('Tooltip', () => {
  let dark = false;
  let frames: FrameRequestCallback[] = [];
  const runFrames = (): void => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(0);
  };

  /** A tooltip whose shadow root the test can read. */
  const readable = (): Tooltip => new Tooltip(document, { openShadowRoot: true });

  beforeEach(() => {
    dark = false;
    frames = [];
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('dark') && dark, media: query }));
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    for (const host of document.querySelectorAll('[data-isnad-ui]')) host.remove();
    document.body.innerHTML = '';
  });

  it('is not in the page until it has something to show', () => {
    new Tooltip(document);
    expect(document.querySelector('[data-isnad-ui]')).toBeNull();
  });

  it('lives in a closed shadow root of a host marked data-isnad-ui, fixed and click-through, its styles important', () => {
    new Tooltip(document).show(english, line(10, 10, 100, 30));
    const host = document.querySelector<HTMLElement>('[data-isnad-ui]');
    expect(host?.getAttribute('data-isnad-ui')).toBe('');
    expect(host?.parentNode).toBe(document.documentElement);
    expect(host?.shadowRoot).toBeNull(); // the page finds no way in
    for (const [property, value] of [
      ['position', 'fixed'],
      ['pointer-events', 'none'],
      ['z-index', '2147483647'],
      ['display', 'block'],
      ['visibility', 'visible'],
      ['opacity', '1'],
    ]) {
      expect([property, host?.style.getPropertyValue(property ?? ''), host?.style.getPropertyPriority(property ?? '')]).toEqual([
        property,
        value,
        'important',
      ]);
    }
    expect(host?.childNodes).toHaveLength(0); // everything is in the shadow root
  });

  it('opens its shadow root only when asked (the debug switch)', () => {
    readable().show(english, line(10, 10, 100, 30));
    expect(parts().box.getAttribute('role')).toBe('tooltip');
  });

  it('shows heading, subheading and lines, each line in its own language', () => {
    const tooltip = readable();
    tooltip.show(arabic, line(10, 10, 100, 30));
    const { box } = parts();
    expect([...box.children].map((child) => child.textContent)).toEqual([
      'شي جين بينج',
      'رئيس الصين · اقتباس مباشر',
      'الترجمة الإنجليزية',
      'are on the right track',
    ]);
    const [, , label, translation] = [...box.children] as HTMLElement[];
    expect(label?.lang).toBe('ar');
    expect(translation?.lang).toBe('en');
    expect(translation?.dir).toBe('auto');
  });

  it('sets lang and dir: ar and rtl for Arabic, en and ltr for English', () => {
    const tooltip = readable();
    tooltip.show(arabic, line(10, 10, 100, 30));
    expect([parts().box.lang, parts().box.dir]).toEqual(['ar', 'rtl']);
    tooltip.show(english, line(10, 10, 100, 30));
    expect([parts().box.lang, parts().box.dir]).toEqual(['en', 'ltr']);
  });

  it('puts markup in the content on screen as text, never as elements', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const content: TooltipContent = {
      ...english,
      heading: `<b>${attack}</b>`,
      lines: [{ text: attack, lang: 'en', kind: 'text' }],
    };
    readable().show(content, line(10, 10, 100, 30));
    const { root, box } = parts();
    expect(root.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(box.children).toHaveLength(3);
    expect(box.children[0]?.textContent).toBe(`<b>${attack}</b>`);
    expect(box.children[2]?.textContent).toBe(attack);
    expect(box.children[2]?.childNodes).toHaveLength(1);
    expect(box.children[2]?.firstChild?.nodeType).toBe(Node.TEXT_NODE);
  });

  it("edges the box in the content's accent colour", () => {
    readable().show(english, line(10, 10, 100, 30));
    expect(parts().box.style.getPropertyValue('border-inline-start-color')).toBe('rgb(0, 114, 178)');
  });

  it('follows the colour scheme', () => {
    const tooltip = readable();
    tooltip.show(english, line(10, 10, 100, 30));
    const light = parts().box.style.getPropertyValue('background');
    dark = true;
    tooltip.show(english, line(10, 10, 100, 30));
    const night = parts().box.style.getPropertyValue('background');
    expect(light).toBe('rgb(255, 255, 255)');
    expect(night).not.toBe(light);
  });

  it('replaces its content on each show, and keeps a single host', () => {
    const tooltip = readable();
    tooltip.show(english, line(10, 10, 100, 30));
    tooltip.show(arabic, line(10, 10, 100, 30));
    expect(parts().box.children).toHaveLength(4);
    expect(parts().box.children[0]?.textContent).toBe('شي جين بينج');
  });

  it('is placed with placeTooltip, from its measured size and the window', () => {
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(200);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(100);
    const view = { width: window.innerWidth, height: window.innerHeight };
    const tooltip = readable();
    const low = line(300, view.height - 40, 600, view.height - 20);
    tooltip.show(arabic, low);
    const expected = placeTooltip(low, size, view, true);
    expect(expected).toEqual({ left: 400, top: view.height - 40 - GAP - 100 }); // above, right-aligned
    expect(parts().box.style.left).toBe(`${expected.left}px`);
    expect(parts().box.style.top).toBe(`${expected.top}px`);
    tooltip.show(english, line(300, 100, 600, 120));
    expect([parts().box.style.left, parts().box.style.top]).toEqual(['300px', '128px']);
  });

  it('hides, and shows again', () => {
    const tooltip = readable();
    tooltip.show(english, line(10, 10, 100, 30));
    expect(tooltip.visible).toBe(true);
    expect(parts().box.style.display).toBe('block');
    tooltip.hide();
    expect(tooltip.visible).toBe(false);
    expect(parts().box.style.display).toBe('none');
    tooltip.show(english, line(10, 10, 100, 30));
    expect(tooltip.visible).toBe(true);
  });

  it('comes back when a page re-render removed it', () => {
    const tooltip = readable();
    tooltip.show(english, line(10, 10, 100, 30));
    parts().host.remove();
    expect(document.querySelector('[data-isnad-ui]')).toBeNull();
    tooltip.show(english, line(10, 10, 100, 30));
    expect(parts().host.isConnected).toBe(true);
  });

  it("leaves the page's DOM alone while it is in place, so a content watcher sees no change", async () => {
    const tooltip = readable();
    tooltip.show(english, line(10, 10, 100, 30));
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    tooltip.show(arabic, line(10, 10, 100, 30));
    tooltip.announce('x');
    runFrames();
    tooltip.hide();
    await Promise.resolve();
    observer.disconnect();
    expect(changes).toEqual([]); // the shadow root's changes are not the page's
  });

  it('announces in a polite status region, on the next frame, outside the hideable box', () => {
    const tooltip = readable();
    tooltip.announce('Quote by Vladimir Putin');
    const { box, live } = parts(); // announce alone puts the host in the page
    expect(live.getAttribute('role')).toBe('status');
    expect(box.contains(live)).toBe(false);
    expect(live.textContent).toBe('');
    expect(frames).toHaveLength(1);
    runFrames();
    expect(live.textContent).toBe('Quote by Vladimir Putin');
    tooltip.hide();
    expect(live.textContent).toBe('Quote by Vladimir Putin');
  });

  it('empties the region before announcing again, so the same text is announced twice', () => {
    const tooltip = readable();
    tooltip.announce('Claim: Statistic, Missing context');
    runFrames();
    tooltip.announce('Claim: Statistic, Missing context');
    expect(parts().live.textContent).toBe('');
    runFrames();
    expect(parts().live.textContent).toBe('Claim: Statistic, Missing context');
  });

  it('announces markup as text', () => {
    const tooltip = readable();
    tooltip.announce('<img src=x onerror=alert(1)>');
    runFrames();
    expect(parts().live.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(parts().live.children).toHaveLength(0);
  });
});
