/**
 * WCAG 1.4.11 (non-text contrast): the lines that tell speakers, claims and
 * changed words apart must keep 3:1 against the backgrounds they are drawn on,
 * for every bundled article, so that an article with a pale or a black colour
 * fails here rather than vanishing on a light or a dark page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile, loadArticles } from '../../scripts/articles';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';
import { highlightStyles } from '../../src/shared/highlights';

/** A page's own light background. */
const WHITE = '#ffffff';
/** A dark news page (the usual dark-theme surface); darker pages only gain contrast. */
const DARK_PAGE = '#121212';
/** The tooltip's dark background (src/page/tooltip.ts), where a speaker's colour is the accent border. */
const DARK_TOOLTIP = '#1f2328';

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
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Every colour below 3:1 against a background it is drawn on, as "what: colour vs background = ratio". */
function poorContrast(
  colors: readonly { readonly what: string; readonly color: string; readonly backgrounds: readonly string[] }[],
): string[] {
  return colors.flatMap(({ what, color, backgrounds }) =>
    backgrounds
      .map((background) => ({ background, ratio: contrast(color, background) }))
      .filter(({ ratio }) => ratio < MINIMUM)
      .map(({ background, ratio }) => `${what}: ${color} vs ${background} = ${ratio.toFixed(2)}`),
  );
}

/** A speaker's colour is its underline cue on the page and the tooltip's accent. */
const speakerColors = (article: Article) =>
  article.speakers.map((speaker) => ({
    what: `${article.id} speaker ${speaker.id}`,
    color: speaker.color,
    backgrounds: [WHITE, DARK_PAGE, DARK_TOOLTIP],
  }));

/** The claim, changed and misattributed lines, as the stylesheet draws them on the page. */
function decorationColors(): { what: string; color: string; backgrounds: string[] }[] {
  const rules = [...highlightStyles([]).matchAll(/::highlight\(([^)]+)\) \{[^}]*?text-decoration: [^;]*?(rgb\([^)]*\)|#[0-9a-f]{6})/gi)];
  return rules.map(([, name = '', color = '']) => ({ what: name, color, backgrounds: [WHITE, DARK_PAGE] }));
}

describe('non-text contrast of the highlight colours (WCAG 1.4.11, 3:1)', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('rgb(128, 128, 128)', '#ffffff')).toBeCloseTo(contrast('#808080', '#ffffff'), 10);
  });

  it.each(loadArticles().map((article) => [article.id, article] as const))(
    'every speaker colour of %s keeps 3:1 on white, on a dark page and on the dark tooltip',
    (_id, article) => {
      expect(poorContrast(speakerColors(article))).toEqual([]);
    },
  );

  it('the claim, changed and misattributed lines keep 3:1 on white and on a dark page', () => {
    const decorations = decorationColors();
    expect(decorations.map(({ what }) => what).sort()).toEqual(['isnad-changed', 'isnad-claim', 'isnad-misattributed']);
    expect(poorContrast(decorations)).toEqual([]);
  });

  it('fails an article with a pale speaker colour, and one with black', () => {
    const valid = loadArticleFile(join(projectRoot, 'test/fixtures/articles/valid.json'));
    const [first, second, ...rest] = valid.speakers;
    if (first === undefined || second === undefined) throw new Error('the fixture needs two speakers');
    const poor: Article = { ...valid, speakers: [{ ...first, color: '#ffff66' }, { ...second, color: '#000000' }, ...rest] };
    expect(poorContrast(speakerColors(poor))).toEqual([
      `minimal-article speaker ${first.id}: #ffff66 vs #ffffff = 1.06`,
      `minimal-article speaker ${second.id}: #000000 vs #121212 = 1.12`,
      `minimal-article speaker ${second.id}: #000000 vs #1f2328 = 1.33`,
    ]);
  });
});
