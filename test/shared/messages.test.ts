import { describe, expect, it } from 'vitest';
import { isMessage } from '../../src/shared/messages';

describe('isMessage: each field checked, a message is acted on only whole', () => {
  it('takes well-formed messages of the asked type', () => {
    expect(isMessage({ type: 'page-scanned', placed: 21, findings: 0 }, 'page-scanned')).toBe(true);
    expect(isMessage({ type: 'page-scanned', placed: null, findings: 0 }, 'page-scanned')).toBe(true);
    expect(isMessage({ type: 'navigate', direction: 'previous' }, 'navigate')).toBe(true);
    expect(isMessage({ type: 'go-to', id: 'quote-xi-grand-plan' }, 'go-to')).toBe(true);
    expect(isMessage({ type: 'page-status' }, 'page-status')).toBe(true);
    expect(isMessage({ type: 'inject-styles' }, 'inject-styles')).toBe(true);
  });

  it('refuses another type, and what is not an object', () => {
    expect(isMessage({ type: 'page-status' }, 'inject-styles')).toBe(false);
    for (const value of [null, undefined, 'page-status', 7, ['page-status']]) expect(isMessage(value, 'page-status')).toBe(false);
  });

  it('refuses a right type with wrong fields', () => {
    for (const message of [
      { type: 'page-scanned', placed: -1, findings: 0 },
      { type: 'page-scanned', placed: 1.5, findings: 0 },
      { type: 'page-scanned', placed: '21', findings: 0 },
      { type: 'page-scanned', placed: 3 },
      { type: 'page-scanned', placed: 3, findings: Number.NaN },
    ]) {
      expect(isMessage(message, 'page-scanned'), JSON.stringify(message)).toBe(false);
    }
    expect(isMessage({ type: 'navigate', direction: 'up' }, 'navigate')).toBe(false);
    expect(isMessage({ type: 'navigate' }, 'navigate')).toBe(false);
    expect(isMessage({ type: 'go-to', id: 42 }, 'go-to')).toBe(false);
    expect(isMessage({ type: 'go-to', id: '' }, 'go-to')).toBe(false);
    expect(isMessage({ type: 'go-to', id: 'x'.repeat(201) }, 'go-to')).toBe(false);
  });
});
