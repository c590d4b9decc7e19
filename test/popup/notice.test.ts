import { describe, expect, it } from 'vitest';
import arJson from '../../_locales/ar/messages.json';
import enJson from '../../_locales/en/messages.json';
import { errorText, NOTICE_MESSAGES } from '../../src/popup/notice';
import { stage } from './fakes';

describe('the alert region', () => {
  it('shows a message, then the browser’s words isolated in their own direction, and clears', () => {
    const { region, notice } = stage();
    notice.show('popupScanRefused', 'Cannot access a chrome:// URL');
    expect(region.firstElementChild?.textContent).toBe('popupScanRefused');
    const detail = region.querySelector('bdi');
    expect(detail?.textContent).toBe('Cannot access a chrome:// URL');
    notice.show('popupSaveFailed');
    expect(region.textContent).toBe('popupSaveFailed');
    expect(region.querySelector('bdi')).toBeNull();
    notice.clear();
    expect(region.childNodes).toHaveLength(0);
  });

  it('reads an error’s message, or whatever was thrown', () => {
    expect(errorText(new TypeError('boom'))).toBe('boom');
    expect(errorText('refused')).toBe('refused');
  });
});

describe('the alert messages', () => {
  const locales: Record<string, Record<string, { message: string; description?: string }>> = { ar: arJson, en: enJson };
  it.each(['ar', 'en'])('each has a message and a description in _locales/%s', (lang) => {
    for (const name of NOTICE_MESSAGES) {
      expect(locales[lang]?.[name]?.message.trim(), name).toBeTruthy();
      expect(locales[lang]?.[name]?.description?.trim(), name).toBeTruthy();
    }
  });

  it('the Arabic messages are in Arabic', () => {
    for (const name of NOTICE_MESSAGES) expect(arJson[name].message, name).toMatch(/^[\u0600-\u06FF]/);
  });
});
