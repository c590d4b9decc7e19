/** Reading colours off a browser test's screenshots: what a reader sees painted. */
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer-core';
import { eventually } from '../../testkit/eventually';

/** A part of the page, in page coordinates. */
export interface Clip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels of a screenshot of `clip` within 12 of a colour (#rrggbb) in each channel. */
export async function pixelsNear(page: Page, clip: Clip, hex: string): Promise<number> {
  if (clip.width < 1 || clip.height < 1) return 0;
  const rgb = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
  const png = PNG.sync.read(Buffer.from(await page.screenshot({ clip, type: 'png' })));
  let count = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    if (Math.max(...rgb.map((channel, at) => Math.abs((png.data[offset + at] ?? 0) - channel))) <= 12) count += 1;
  }
  return count;
}

/** A colour with opacity over white, as the browser blends it: a highlight's tint on a white page. */
export const overWhite = (hex: string, alpha: number): string =>
  `#${[1, 3, 5]
    .map((offset) =>
      Math.round(Number.parseInt(hex.slice(offset, offset + 2), 16) * alpha + 255 * (1 - alpha))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/**
 * The pixels of `clip` in `hex`, once more than a quarter of it is: a highlight's colour comes from the background
 * once the article is found, just after the highlight itself. Times out, naming `what`, if it never is.
 */
export const paintedPixels = (page: Page, clip: Clip, hex: string, what: string): Promise<number> =>
  eventually(async () => {
    const count = await pixelsNear(page, clip, hex);
    return count > (clip.width * clip.height) / 4 ? count : undefined;
  }, what);
