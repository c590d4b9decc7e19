import { describe, expect, it } from 'vitest';
import { isMessage } from '../../src/shared/messages';

describe('isMessage: each field checked, a message is acted on only whole', () => {
  it('takes well-formed messages of the asked type', () => {
    expect(isMessage({ type: 'page-scanned', placed: 21, findings: 0 }, 'page-scanned')).toBe(true);
    expect(isMessage({ type: 'page-scanned', placed: null, findings: 0 }, 'page-scanned')).toBe(true);
    expect(isMessage({ type: 'navigate', direction: 'previous' }, 'navigate')).toBe(true);
    expect(isMessage({ type: 'go-to', articleId: 'putin-xi', id: 'quote-xi-grand-plan' }, 'go-to')).toBe(true);
    expect(isMessage({ type: 'page-status' }, 'page-status')).toBe(true);
    expect(isMessage({ type: 'inject-styles', articleIds: ['putin-xi'] }, 'inject-styles')).toBe(true);
    expect(isMessage({ type: 'detect', keys: '1a2b 3c', length: 5000, annotator: false }, 'detect')).toBe(true);
    expect(isMessage({ type: 'detect', keys: '', length: 0, annotator: true }, 'detect')).toBe(true);
    expect(isMessage({ type: 'judge-added', keys: 'zzzzzz', seen: { 0: [1, 2], 12: [] } }, 'judge-added')).toBe(true);
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
    for (const id of [42, '', 'x'.repeat(201), '../manifest', 'Quote'])
      expect(isMessage({ type: 'go-to', articleId: 'putin-xi', id }, 'go-to'), String(id)).toBe(false);
    expect(isMessage({ type: 'go-to', id: 'quote-xi-grand-plan' }, 'go-to')).toBe(false);
    for (const articleIds of [undefined, 'putin-xi', ['../manifest'], Array.from({ length: 101 }, () => 'a')])
      expect(isMessage({ type: 'inject-styles', articleIds }, 'inject-styles'), String(articleIds)).toBe(false);
    for (const [text, annotator] of [
      [42, false],
      ['نص', 'no'],
      [undefined, false],
    ])
      expect(isMessage({ type: 'detect', text, annotator }, 'detect')).toBe(false);
    for (const seen of [null, [], { x: [1] }, { 0: [-1] }, { 0: 'all' }, { 0: Array.from({ length: 256 }, (_, at) => at) }])
      expect(isMessage({ type: 'judge-added', text: 'نص', seen }, 'judge-added'), JSON.stringify(seen)).toBe(false);
  });
});
