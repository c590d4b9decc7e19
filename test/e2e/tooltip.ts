/** Pointing at Isnad's highlights and reading its tooltip in a browser test, through the open shadow root the debug switch gives. */
import type { Page } from 'puppeteer-core';
import { eventually } from '../../testkit/eventually';

/** The tooltip's text while it shows; undefined while hidden or absent. */
export const tooltipText = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => {
    const box = document.querySelector('[data-isnad-ui]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
    return box && box.style.display !== 'none' && box.isConnected ? box.textContent : undefined;
  });

/** The tooltip's text once it shows. */
export const shownTooltip = (page: Page, what = 'the tooltip'): Promise<string> => eventually(() => tooltipText(page), what);

/** Waits until no tooltip shows. */
export const hiddenTooltip = (page: Page, what = 'the tooltip to hide'): Promise<true> =>
  eventually(async () => ((await tooltipText(page)) === undefined ? true : undefined), what);

/**
 * Hides the tooltip with Escape, so that the next one read is the next hover's: a hover is explained at the next
 * animation frame, and until then the one before still shows.
 */
export async function dismissTooltip(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await hiddenTooltip(page);
}

/** The first line of a range (a highlight's or a page text's): viewport coordinates, for the pointer; page coordinates, for a screenshot clip. */
export interface RangeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly clip: { x: number; y: number; width: number; height: number };
}

/** Where a range is: in highlight `name`, the range holding `text`; on the page (no name), `text`'s first occurrence within one text node. */
export interface RangeOf {
  readonly text: string;
  readonly name?: string;
}

/**
 * The range `of` says, scrolled to the middle of the view; undefined while there is none.
 * Returns once the scroll's event has been dispatched: the tooltip hides on a scroll, and one dispatched after a
 * tap or a hover would hide what it showed. (The page dispatches it at its next frame, which a tab in the
 * background, or a busy machine, may take a while to draw: waited for five seconds at most.)
 */
export const rangeInView = (page: Page, of: RangeOf): Promise<RangeBox | undefined> =>
  page.evaluate(async ({ text, name }) => {
    const onPage = (): Range | undefined => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        return range;
      }
      return undefined;
    };
    const range =
      name === undefined
        ? onPage()
        : [...(CSS.highlights.get(name) ?? [])].find(
            (candidate): candidate is Range => candidate instanceof Range && candidate.toString() === text,
          );
    if (range === undefined) return undefined;
    const before = [scrollX, scrollY];
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    if (scrollX !== before[0] || scrollY !== before[1])
      await new Promise((resolve) => {
        addEventListener('scroll', resolve, { once: true, capture: true });
        setTimeout(resolve, 5000);
      });
    const box = range.getClientRects()[0];
    if (box === undefined) return undefined;
    const size = { width: box.width, height: box.height };
    return { x: box.left, y: box.top, ...size, clip: { x: box.left + scrollX, y: box.top + scrollY, ...size } };
  }, of);

/**
 * Moves the mouse over the start of a range's first line, from a corner: a move to where the pointer already is (the
 * same place on a page loaded again) is no move, and shows nothing.
 */
export async function pointAt(page: Page, box: RangeBox): Promise<void> {
  await page.mouse.move(2, 2);
  await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
}

/** Moves the mouse over the range `of` says, scrolled into view, the tooltip before hidden. */
export async function hoverRange(page: Page, of: RangeOf): Promise<RangeBox> {
  await dismissTooltip(page);
  const box = await eventually(() => rangeInView(page, of), `the ${of.name ?? 'page'} range «${of.text}»`);
  await pointAt(page, box);
  return box;
}
