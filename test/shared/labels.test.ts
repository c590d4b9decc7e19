import { describe, expect, it } from 'vitest';
import arJson from '../../_locales/ar/messages.json';
import enJson from '../../_locales/en/messages.json';
import { categoryMessage, unplacedMessage, verdictMessage } from '../../src/shared/labels';

const locales: Record<string, Record<string, { message: string }>> = { ar: arJson, en: enJson };

describe('labels', () => {
  it.each(['ar', 'en'])('every category, verdict and reason for an unplaced annotation has a message in _locales/%s', (lang) => {
    for (const key of [...Object.values(categoryMessage), ...Object.values(verdictMessage), ...Object.values(unplacedMessage)]) {
      expect(locales[lang]?.[key]?.message.trim(), key).toBeTruthy();
    }
  });

  it('names a distinct message for each reason an annotation is not placed', () => {
    expect(new Set(Object.values(unplacedMessage)).size).toBe(Object.keys(unplacedMessage).length);
  });
});
