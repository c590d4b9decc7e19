import { describe, expect, it } from 'vitest';
import arJson from '../../_locales/ar/messages.json';
import enJson from '../../_locales/en/messages.json';
import { announcementOf, categoryMessage, unplacedMessage, verdictMessage } from '../../src/shared/labels';
import type { Annotation } from '../../src/article/schema';
import { putinXi } from '../support/article-page';
import { echo } from '../support/fake-browser';

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

describe('announcementOf', () => {
  const annotation = (id: string): Annotation => {
    const found = putinXi.annotations.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`no ${id}`);
    return found;
  };

  it("names a quote's speaker in the UI language", () => {
    expect(announcementOf(putinXi, annotation('quote-xi-grand-plan'), 'en', echo)).toBe('announceQuote:[Xi Jinping]');
    expect(announcementOf(putinXi, annotation('quote-xi-grand-plan'), 'ar', echo)).toBe(
      `announceQuote:[${putinXi.speakers.find((speaker) => speaker.id === 'xi')?.name.ar ?? ''}]`,
    );
  });

  it("gives a claim's category and verdict", () => {
    expect(announcementOf(putinXi, annotation('claim-trade-volume'), 'en', echo)).toBe(
      'announceClaim:[categoryStatistic|verdictMissingContext]',
    );
  });

  it('falls back to the speaker id for an unknown speaker', () => {
    const quote = annotation('quote-xi-grand-plan');
    if (quote.kind !== 'quote') throw new Error('not a quote');
    expect(announcementOf(putinXi, { ...quote, speaker: 'nobody' }, 'en', echo)).toBe('announceQuote:[nobody]');
  });
});
