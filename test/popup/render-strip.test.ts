import { describe, expect, it, vi } from 'vitest';
import { markLabel, stripMarks } from '../../src/popup/render-strip';
import { CLAIM_GREY } from '../../src/shared/highlights';
import { summarize } from '../../src/popup/summary';
import { putinXi } from '../support/article-page';
import { changedPage, english, everything } from './found';

/** A colour as the style declaration writes it back. */
function asStyled(color: string): string {
  const probe = document.createElement('i');
  probe.style.setProperty('background', color);
  return probe.style.getPropertyValue('background');
}

const exact = (id: string): string => putinXi.annotations.find((annotation) => annotation.id === id)?.target.exact ?? '';

describe('the strip', () => {
  it("names a quote's mark by its speaker and words, and a claim's by its category and verdict, as the tooltip announces them", () => {
    expect(markLabel(putinXi, 'quote-xi-grand-plan', english)).toBe(`announceQuote:[Xi Jinping]: ${exact('quote-xi-grand-plan')}`);
    expect(markLabel(putinXi, 'claim-trade-volume', english)).toBe('announceClaim:[categoryStatistic|verdictMissingContext]');
    expect(markLabel(putinXi, 'no-such-annotation', english)).toBe('no-such-annotation');
  });

  it('draws a button per annotation from the right of an Arabic article, quotes in their colour and claims grey, each named and going to its place', () => {
    const goTo = vi.fn();
    const summary = summarize(putinXi, everything);
    const marks = stripMarks(summary, english, goTo);
    expect(marks).toHaveLength(putinXi.annotations.length);
    const first = marks[0];
    const mark = summary.marks[0];
    expect(first?.type).toBe('button');
    expect(first?.className).toBe(mark?.kind);
    expect(first?.style.getPropertyValue('right')).toBe(`${((mark?.from ?? 0) * 100).toFixed(2)}%`);
    expect(first?.style.getPropertyValue('left')).toBe('');
    expect(first?.getAttribute('aria-label')).toBe(markLabel(putinXi, mark?.id ?? '', english));
    expect(first?.title).toBe(first?.getAttribute('aria-label'));
    const quote = marks.find((button) => button.className === 'quote');
    const quoteColor = summary.marks.find((entry) => entry.kind === 'quote')?.color ?? '';
    expect(quote?.style.getPropertyValue('background')).toBe(asStyled(quoteColor));
    expect(marks.find((button) => button.className === 'claim')?.style.getPropertyValue('background')).toBe(asStyled(CLAIM_GREY));
    quote?.click();
    expect(goTo).toHaveBeenCalledTimes(1);
  });

  it('draws an annotation the page does not hold as unplaced, and disabled', () => {
    const marks = stripMarks(summarize(putinXi, changedPage), english, () => undefined);
    const missing = marks.filter((button) => button.disabled);
    expect(missing).toHaveLength(putinXi.annotations.length - changedPage.placed.length);
    for (const button of missing) expect(button.classList).toContain('unplaced');
  });

  it('draws from the left for a left-to-right article, at least half a percent wide', () => {
    const summary = summarize({ ...putinXi, lang: 'en' }, everything);
    for (const button of stripMarks(summary, english, () => undefined)) {
      expect(button.style.getPropertyValue('left')).toMatch(/%$/);
      expect(Number.parseFloat(button.style.getPropertyValue('width'))).toBeGreaterThanOrEqual(0.5);
    }
  });
});
