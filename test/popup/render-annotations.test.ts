import { describe, expect, it, vi } from 'vitest';
import type { Claim, Quote } from '../../src/article/schema';
import { claimItem, quoteItem } from '../../src/popup/render-annotations';
import { putinXi } from '../support/article-page';
import { arabic, english } from './found';

const claim = putinXi.annotations.find((annotation): annotation is Claim => annotation.id === 'claim-trade-volume');
const quote = putinXi.annotations.find((annotation): annotation is Quote => annotation.id === 'quote-putin-stabilising-factor');
if (claim === undefined || quote === undefined) throw new Error('the article lacks its trade claim or its stabilising quote');

describe('the claims and quotations to go to', () => {
  it("makes a claim's item: its verdict as a badge, its category, and its context in the UI language", () => {
    const goTo = vi.fn();
    const item = claimItem(claim, arabic, goTo);
    const button = item.querySelector('button');
    expect([button?.type, button?.className, button?.dataset.annotation]).toEqual(['button', 'item', 'claim-trade-volume']);
    expect([...(button?.children ?? [])].map((part) => [part.className, part.textContent])).toEqual([
      ['badge', 'verdictMissingContext'],
      ['meta', 'categoryStatistic'],
      ['line', claim.context.ar],
    ]);
    expect(button?.querySelector<HTMLElement>('.badge')?.dataset.verdict).toBe('missing-context');
    expect(button?.querySelector<HTMLElement>('.line')?.lang).toBe('ar');
    button?.click();
    expect(goTo).toHaveBeenCalledWith('claim-trade-volume');
  });

  it("makes a quote's item: its speaker, and its words in the article's language, edged in the speaker's cue and colour", () => {
    const goTo = vi.fn();
    const button = quoteItem(putinXi, quote, english, goTo).querySelector('button');
    expect(button?.style.getPropertyValue('border-inline-start')).toBe('4px double #0072B2');
    expect(button?.querySelector('.meta')?.textContent).toBe('Vladimir Putin');
    const line = button?.querySelector<HTMLElement>('.line');
    expect([line?.textContent, line?.lang, line?.dir]).toEqual([`«${quote.target.exact}»`, 'ar', 'rtl']);
    button?.click();
    expect(goTo).toHaveBeenCalledWith(quote.id);
  });

  it('edges a quote by an unknown speaker in solid grey, under its speaker id', () => {
    const button = quoteItem(putinXi, { ...quote, speaker: 'nobody' }, english, () => undefined).querySelector('button');
    expect(button?.style.getPropertyValue('border-inline-start')).toBe('4px solid #808080');
    expect(button?.querySelector('.meta')?.textContent).toBe('nobody');
  });
});
