/**
 * WCAG 1.4.11 (non-text contrast, 3:1) for the highlight colours: shared by
 * the bundled articles' test and the synthetic catalogue's, so both hold
 * speakers to the same backgrounds.
 */
import type { Article } from '../src/article/schema';

/** A page's own light background. */
export const WHITE = '#ffffff';
/** A dark news page (the usual dark-theme surface); darker pages only gain contrast. */
export const DARK_PAGE = '#121212';
/** The tooltip's dark background (src/page/tooltip.ts), where a speaker's colour is the accent border. */
export const DARK_TOOLTIP = '#1f2328';

const MINIMUM = 3;

type Rgb = readonly [number, number, number];

/** `#rrggbb` or `rgb(r, g, b)`. */
function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex !== null) return [Number.parseInt(hex[1] ?? '', 16), Number.parseInt(hex[2] ?? '', 16), Number.parseInt(hex[3] ?? '', 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (rgb !== null) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`not a colour this test reads: ${color}`);
}

/** WCAG 2.1 relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = parseColor(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

export interface DrawnColor {
  readonly what: string;
  readonly color: string;
  readonly backgrounds: readonly string[];
}

/** Every colour below 3:1 against a background it is drawn on, as "what: colour vs background = ratio". */
export function poorContrast(colors: readonly DrawnColor[]): string[] {
  return colors.flatMap(({ what, color, backgrounds }) =>
    backgrounds
      .map((background) => ({ background, ratio: contrast(color, background) }))
      .filter(({ ratio }) => ratio < MINIMUM)
      .map(({ background, ratio }) => `${what}: ${color} vs ${background} = ${ratio.toFixed(2)}`),
  );
}

/** A speaker's colour is its underline cue on the page and the tooltip's accent. */
export const speakerColors = (article: Pick<Article, 'id' | 'speakers'>): DrawnColor[] =>
  article.speakers.map((speaker) => ({
    what: `${article.id} speaker ${speaker.id}`,
    color: speaker.color,
    backgrounds: [WHITE, DARK_PAGE, DARK_TOOLTIP],
  }));
