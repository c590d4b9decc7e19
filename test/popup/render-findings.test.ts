import { describe, expect, it, vi } from 'vitest';
import { renderFindings } from '../../src/popup/render-findings';
import { summarize } from '../../src/popup/summary';
import { putinXi } from '../support/article-page';
import { arabic, changedPage, english, everything, xiQuotes } from './found';

const exact = (id: string): string => putinXi.annotations.find((annotation) => annotation.id === id)?.target.exact ?? '';

describe('what the page changed', () => {
  it('has nothing to list on the article as published', () => {
    expect(renderFindings(summarize(putinXi, everything), english, () => undefined)).toEqual({ rows: [], count: 'popupFindingsCount:[0]' });
  });

  it('lists misattributions, figures, rewritten quotes, altered wording, then what the page leaves out', () => {
    const { rows, count } = renderFindings(summarize(putinXi, changedPage), english, () => undefined);
    expect(count).toBe('popupFindingsCount:[4]');
    expect(rows.map((row) => row.textContent)).toEqual([
      `popupFindingMisattributed:[«${exact('quote-putin-firm-support')}»|Xi Jinping|Vladimir Putin]`,
      `popupFindingFigure:[300|200|«${exact('claim-trade-volume')}»]`,
      `popupFindingRewritten:[«${exact(xiQuotes[2] ?? '')}»|Xi Jinping]`,
      `popupFindingAltered:[«${exact('quote-putin-stabilising-factor')}»|توازن ← استقرار]`,
      `popupFindingOmittedQuotes:[2|${xiQuotes.length}|Xi Jinping]`,
      `popupFindingOmittedClaims:[1|${putinXi.annotations.filter((annotation) => annotation.kind === 'claim').length}]`,
    ]);
  });

  it('makes a button of each change the page holds, leading to its place; what is gone is a plain line', () => {
    const goTo = vi.fn();
    const { rows } = renderFindings(summarize(putinXi, changedPage), english, goTo);
    const buttons = rows.flatMap((row) => [...row.querySelectorAll('button')]);
    expect(buttons.map((button) => button.dataset.annotation)).toEqual([
      'quote-putin-firm-support',
      'claim-trade-volume',
      'quote-putin-stabilising-factor',
    ]);
    // In the UI's direction, each of the article's words in its own <bdi>: an English line stays left to right around an Arabic quotation.
    for (const button of buttons) expect([button.type, button.className, button.dir]).toEqual(['button', 'item finding', '']);
    const isolated = (row: HTMLLIElement | undefined): (string | null)[] =>
      [...(row?.querySelectorAll('bdi') ?? [])].map((bdi) => bdi.textContent);
    expect(isolated(rows[0])).toEqual([`«${exact('quote-putin-firm-support')}»`]);
    expect(isolated(rows[1])).toEqual(['300', '200', `«${exact('claim-trade-volume')}»`]);
    expect(rows.filter((row) => row.querySelector('button') === null).map((row) => row.className)).toEqual(['meta', 'meta', 'meta']);
    buttons[1]?.click();
    expect(goTo).toHaveBeenCalledWith('claim-trade-volume');
  });

  it('lists the changes of a wording by kind, joined in the UI language', () => {
    const found = {
      ...everything,
      changes: [
        {
          id: 'quote-putin-stabilising-factor',
          kind: 'deleted',
          figure: false,
          pageWords: '',
          referenceWords: 'عامل',
          pageAt: [0, 0],
          referenceAt: [0, 4],
        },
        {
          id: 'quote-putin-stabilising-factor',
          kind: 'inserted',
          figure: false,
          pageWords: 'كبير',
          referenceWords: '',
          pageAt: [0, 4],
          referenceAt: [0, 0],
        },
      ],
    } as const;
    const [row] = renderFindings(summarize(putinXi, found), arabic, () => undefined).rows;
    expect(row?.textContent).toBe(`popupFindingAltered:[«${exact('quote-putin-stabilising-factor')}»|− عامل، + كبير]`);
  });
});
