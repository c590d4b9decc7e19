import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/popup/summary';
import { putinXi } from '../support/article-page';
import { changedPage, everything, xiQuotes } from './found';

describe('summarize', () => {
  it('counts paragraphs and annotations placed', () => {
    const summary = summarize(putinXi, { ...everything, paragraphs: [0, 1, 2], placed: ['quote-xi-grand-plan'] });
    expect(summary).toMatchObject({ paragraphsFound: 3, placed: 1, total: putinXi.annotations.length });
    expect(summary.unplaced.map((annotation) => annotation.id)).not.toContain('quote-xi-grand-plan');
    expect(summary.unplaced).toHaveLength(putinXi.annotations.length - 1);
  });

  it('lists the speakers who are quoted, with their number of quotations', () => {
    expect(summarize(putinXi, everything).speakers.map(({ speaker, quotes }) => [speaker.id, quotes])).toEqual([
      ['xi', 4],
      ['putin', 6],
      ['china-mfa', 1],
      ['china-russia', 1],
    ]);
  });

  it("maps every annotation along the article, in order, quotes in their speakers' colours", () => {
    const { marks } = summarize(putinXi, everything);
    expect(marks).toHaveLength(putinXi.annotations.length);
    for (const mark of marks) {
      expect(mark.from).toBeGreaterThanOrEqual(0);
      expect(mark.to).toBeLessThanOrEqual(1);
      expect(mark.to).toBeGreaterThan(mark.from);
    }
    const first = marks.find((mark) => mark.id === 'quote-xi-grand-plan');
    const last = marks.find((mark) => mark.id === 'quote-china-mfa-broad-consensus');
    expect(first?.color).toBe(putinXi.speakers.find((speaker) => speaker.id === 'xi')?.color);
    expect(first?.from).toBeLessThan(last?.from ?? -1);
    expect(marks.filter((mark) => mark.kind === 'claim').every((mark) => mark.color === null)).toBe(true);
    // Claims first, so quotes (drawn later) show over them.
    expect(marks.findIndex((mark) => mark.kind === 'quote')).toBe(putinXi.annotations.filter((a) => a.kind === 'claim').length);
  });

  it('marks what was not placed', () => {
    const { marks } = summarize(putinXi, { ...everything, placed: ['claim-trade-volume'] });
    expect(marks.filter((mark) => mark.placed).map((mark) => mark.id)).toEqual(['claim-trade-volume']);
  });
});

describe('summarize: what this page changed', () => {
  it('finds nothing on the article as published', () => {
    expect(summarize(putinXi, everything).findings).toMatchObject({
      altered: [],
      figures: [],
      rewritten: [],
      misattributed: [],
      omittedQuotes: [],
      omittedClaims: 0,
      count: 0,
    });
  });

  it('lists altered wording, changed figures, misattributions and, per speaker, the quotations left out', () => {
    const { findings } = summarize(putinXi, changedPage);
    expect(findings.altered.map(({ annotation, changes }) => [annotation.id, changes.length])).toEqual([
      ['quote-putin-stabilising-factor', 1],
    ]);
    expect(findings.figures.map(({ annotation, change }) => [annotation.id, change.pageWords, change.referenceWords])).toEqual([
      ['claim-trade-volume', '300', '200'],
    ]);
    expect(findings.misattributed.map(({ quote, named, speaker }) => [quote.id, named?.id, speaker?.id])).toEqual([
      ['quote-putin-firm-support', 'xi', 'putin'],
    ]);
    expect(findings.omittedQuotes.map(({ speaker, missing, quotes }) => [speaker.id, missing, quotes])).toEqual([
      ['xi', 2, xiQuotes.length],
    ]);
    expect(findings.omittedClaims).toBe(1);
    expect(findings.rewritten.map((quote) => quote.id)).toEqual([xiQuotes[2]]);
    expect(findings.count).toBe(4);
  });
});
