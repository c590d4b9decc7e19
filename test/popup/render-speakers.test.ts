import { describe, expect, it, vi } from 'vitest';
import { showPreferences, speakerRows } from '../../src/popup/render-speakers';
import { summarize } from '../../src/popup/summary';
import { DEFAULT_PREFERENCES } from '../../src/shared/preferences';
import { putinXi } from '../support/article-page';
import { english, everything } from './found';

function rows(actions = { speaker: vi.fn(), claims: vi.fn() }) {
  const list = document.createElement('ul');
  list.append(...speakerRows(summarize(putinXi, everything), english, actions));
  document.body.replaceChildren(list);
  return { list, actions };
}

describe('the speaker switches', () => {
  it("gives each quoted speaker a row: a swatch of the page's tint and cue, a label naming the switch, and the switch", () => {
    const { list } = rows();
    const putin = list.querySelector('#speaker-putin')?.closest('li');
    expect(putin?.className).toBe('speaker');
    const swatch = putin?.querySelector<HTMLElement>('.swatch');
    expect(swatch?.getAttribute('aria-hidden')).toBe('true');
    expect(swatch?.style.getPropertyValue('background')).toBe('rgba(0, 114, 178, 0.22)');
    expect(swatch?.style.getPropertyValue('border-bottom')).toBe('3px double rgb(0, 114, 178)');
    const label = putin?.querySelector('label.who');
    expect(label?.getAttribute('for')).toBe('speaker-putin');
    expect([...(label?.children ?? [])].map((part) => [part.className, part.textContent])).toEqual([
      ['name', 'Vladimir Putin'],
      ['role', 'President of Russia'],
      ['count', 'popupQuoteCount:[6]'],
    ]);
    const toggle = list.querySelector<HTMLInputElement>('#speaker-putin');
    expect([toggle?.type, toggle?.getAttribute('role'), toggle?.dataset.speaker]).toEqual(['checkbox', 'switch', 'putin']);
    expect([...list.querySelectorAll<HTMLInputElement>('input[data-speaker]')].map((input) => input.dataset.speaker)).toEqual([
      'xi',
      'putin',
      'china-mfa',
      'china-russia',
    ]);
  });

  it('ends with the claims, grey and dotted', () => {
    const { list } = rows();
    const claims = list.lastElementChild;
    expect(claims?.querySelector('input')?.id).toBe('claims-switch');
    expect(claims?.querySelector('label')?.getAttribute('for')).toBe('claims-switch');
    expect(claims?.querySelector('.name')?.textContent).toBe('popupClaimsSwitch');
    const swatch = claims?.querySelector<HTMLElement>('.swatch');
    expect(swatch?.style.getPropertyValue('background')).toBe('rgba(128, 128, 128, 0.22)');
    expect(swatch?.style.getPropertyValue('border-bottom')).toBe('3px dotted rgb(128, 128, 128)');
  });

  it('says which switch the reader turned, and to what', () => {
    const { list, actions } = rows();
    const putin = list.querySelector<HTMLInputElement>('#speaker-putin');
    putin?.click();
    expect(actions.speaker).toHaveBeenLastCalledWith('putin', true);
    putin?.click();
    expect(actions.speaker).toHaveBeenLastCalledWith('putin', false);
    list.querySelector<HTMLInputElement>('#claims-switch')?.click();
    expect(actions.claims).toHaveBeenLastCalledWith(true);
  });

  it('sets each switch as the preferences say, all disabled while the master switch is off', () => {
    const { list } = rows();
    const master = document.createElement('input');
    master.id = 'all-highlights';
    document.body.append(master);
    showPreferences(document, { ...DEFAULT_PREFERENCES, hiddenSpeakers: ['putin'], claims: false });
    const switches = [...list.querySelectorAll<HTMLInputElement>('input')];
    expect(switches.map((input) => [input.id, input.checked, input.disabled])).toEqual([
      ['speaker-xi', true, false],
      ['speaker-putin', false, false],
      ['speaker-china-mfa', true, false],
      ['speaker-china-russia', true, false],
      ['claims-switch', false, false],
    ]);
    expect(master.checked).toBe(true);
    showPreferences(document, { ...DEFAULT_PREFERENCES, highlights: false });
    expect(master.checked).toBe(false);
    expect(switches.every((input) => input.disabled)).toBe(true);
  });
});
