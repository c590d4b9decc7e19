/**
 * The public highlight names and the stylesheet that paints them. The names
 * are documented for other tools, so they are pinned here literally.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/article/schema';
import { CLAIM_HIGHLIGHT, highlightStyles, quoteHighlightName } from '../../src/shared/highlights';
import { putinXi } from '../support/article-page';

/** The stylesheet as the browser's CSSOM reads it: selector → declarations. */
function parsed(css: string): { selectors: string[]; rules: Map<string, CSSStyleDeclaration> } {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const sheet = style.sheet;
  if (sheet === null) throw new Error('no stylesheet');
  const selectors: string[] = [];
  const rules = new Map<string, CSSStyleDeclaration>();
  for (const rule of [...sheet.cssRules]) {
    if (!(rule instanceof CSSStyleRule)) throw new Error(`not a style rule: ${rule.cssText}`);
    selectors.push(rule.selectorText);
    rules.set(rule.selectorText, rule.style);
  }
  return { selectors, rules };
}

/** The property names a declaration block sets. */
const properties = (style: CSSStyleDeclaration): string[] => [...Array(style.length).keys()].map((index) => style.item(index));

const speaker = (id: string, color: string, cue: Speaker['cue']): Speaker => ({
  id,
  name: { ar: id, en: id },
  role: { ar: id, en: id },
  color,
  cue,
  names: [id],
});

afterEach(() => {
  document.head.innerHTML = '';
});

describe('highlight names', () => {
  it('are isnad-quote-<speaker id> for quotes and isnad-claim for claims', () => {
    expect(quoteHighlightName('putin')).toBe('isnad-quote-putin');
    expect(quoteHighlightName('china-mfa')).toBe('isnad-quote-china-mfa');
    expect(CLAIM_HIGHLIGHT).toBe('isnad-claim');
  });

  it('differ for every speaker of the article, and from the claim name', () => {
    const names = putinXi.speakers.map((s) => quoteHighlightName(s.id));
    expect(new Set([...names, CLAIM_HIGHLIGHT]).size).toBe(names.length + 1);
  });
});

describe('highlightStyles', () => {
  it('has one ::highlight rule per speaker, in order, one for claims, one for each kind of change, and nothing else', () => {
    const css = highlightStyles(putinXi.speakers);
    const { selectors } = parsed(css);
    expect(selectors).toEqual([
      ...putinXi.speakers.map((s) => `::highlight(isnad-quote-${s.id})`),
      '::highlight(isnad-claim)',
      '::highlight(isnad-misattributed)',
      '::highlight(isnad-changed)',
    ]);
    // The CSSOM dropped nothing: every rule in the text was understood.
    expect(css.match(/::highlight\(/g)).toHaveLength(putinXi.speakers.length + 3);
  });

  it('marks changed words and misattributed quotes above the text, where no speaker cue is drawn', () => {
    const { rules } = parsed(highlightStyles(putinXi.speakers));
    const decoration = (name: string): string => rules.get(`::highlight(${name})`)?.getPropertyValue('text-decoration') ?? '';
    expect(decoration('isnad-changed')).toContain('overline');
    expect(decoration('isnad-changed')).toContain('wavy');
    expect(decoration('isnad-misattributed')).toContain('overline');
    expect(decoration('isnad-misattributed')).toContain('double');
    for (const speaker of putinXi.speakers) expect(decoration(`isnad-quote-${speaker.id}`)).not.toContain('overline');
  });

  it.each([
    ['#0072B2', 'double', 'rgba(0, 114, 178, 0.22)'],
    ['#D55E00', 'solid', 'rgba(213, 94, 0, 0.22)'],
    ['#cc79a7', 'dashed', 'rgba(204, 121, 167, 0.22)'],
    ['#000000', 'dotted', 'rgba(0, 0, 0, 0.22)'],
    ['#FFFFFF', 'wavy', 'rgba(255, 255, 255, 0.22)'],
  ] as const)('tints %s behind the quote and underlines it %s in that colour', (color, cue, tint) => {
    const css = highlightStyles([speaker('s', color, cue)]);
    expect(css).toContain(`background-color: ${tint};`);
    expect(css).toContain(`text-decoration: underline ${cue} ${color} 2px;`);
    const style = parsed(css).rules.get('::highlight(isnad-quote-s)');
    expect(style?.getPropertyValue('background-color')).not.toBe('');
    expect(style?.getPropertyValue('text-decoration')).toContain(cue);
  });

  it("gives each of the article's speakers its own colour and cue", () => {
    const { rules } = parsed(highlightStyles(putinXi.speakers));
    for (const s of putinXi.speakers) {
      const decoration = rules.get(`::highlight(${quoteHighlightName(s.id)})`)?.getPropertyValue('text-decoration') ?? '';
      expect(decoration.split(/\s+/), s.id).toContain(s.cue);
      expect(decoration.toLowerCase(), s.id).toContain(s.color.toLowerCase());
    }
  });

  it('never sets the text colour, so page text stays legible on light and dark pages', () => {
    const css = highlightStyles(putinXi.speakers);
    expect(css).not.toMatch(/(^|[\s;{])(-webkit-text-fill-)?color\s*:/);
    for (const [selector, style] of parsed(css).rules) {
      expect(properties(style), selector).not.toContain('color');
      expect(style.getPropertyValue('color'), selector).toBe('');
    }
  });

  it('paints claims grey and dotted, whatever the speakers', () => {
    for (const speakers of [[], putinXi.speakers]) {
      const style = parsed(highlightStyles(speakers)).rules.get('::highlight(isnad-claim)');
      expect(style?.getPropertyValue('background-color')).toBe('rgba(128, 128, 128, 0.14)');
      expect(style?.getPropertyValue('text-decoration').split(/\s+/)).toContain('dotted');
      document.head.innerHTML = '';
    }
  });

  it('uses only properties that ::highlight honours', () => {
    // CSS Pseudo-Elements 4: what a highlight pseudo-element may style (text colour excluded here on purpose).
    const allowed = /^(background-color|text-decoration(-.+)?|text-shadow|stroke-color|fill-color|stroke-width)$/;
    for (const [selector, style] of parsed(highlightStyles(putinXi.speakers)).rules) {
      for (const property of properties(style)) expect(property, selector).toMatch(allowed);
    }
  });
});
