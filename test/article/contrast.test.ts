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
import { contrast, DARK_PAGE, poorContrast, speakerColors, WHITE } from '../../testkit/contrast';

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
