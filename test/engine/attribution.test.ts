/**
 * Who the page says spoke: a speaker's name swapped into a quote's
 * attribution is found, a name swapped anywhere else is not, and the
 * article as published, or spelled otherwise, credits every quote rightly.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { matchArticle } from '../../src/engine/match';
import { indexOf, putinXi } from '../support/article-page';

const index = indexOf(putinXi);
const page = (paragraphs: readonly string[]): string => paragraphs.join(BLOCK_BREAK);
const misattributed = (paragraphs: readonly string[]): readonly { id: string; named: string }[] => {
  const verdict = matchArticle(index, page(paragraphs));
  if (!verdict.found) throw new Error('article not found');
  return verdict.misattributed;
};
/** The article with one paragraph's text replaced. */
const edited = (paragraph: number, from: string, to: string): string[] =>
  putinXi.paragraphs.map((text, at) => (at === paragraph ? text.replace(from, to) : text));

describe('misattributions', () => {
  it('finds none in the article as published, nor spelled otherwise', () => {
    expect(misattributed(putinXi.paragraphs)).toEqual([]);
    expect(misattributed(putinXi.paragraphs.map((text) => text.replace(/([\u0628-\u064a])/g, '$1\u064e').replace(/ي /g, 'ى ')))).toEqual(
      [],
    );
  });

  it('finds a quote credited to the other president in its attribution', () => {
    // The two quotations the sentence carries on (مشيداً بـ، التي اعتبر أنها) go with it.
    expect(misattributed(edited(1, 'وقال الرئيس الصيني إن', 'وقال الرئيس الروسي إن'))).toEqual([
      { id: 'quote-xi-grand-plan', named: 'putin' },
      { id: 'quote-xi-china-russia-relations', named: 'putin' },
      { id: 'quote-xi-right-track', named: 'putin' },
    ]);
    expect(misattributed(edited(2, 'قال بوتين إن', 'قال شي إن'))).toEqual([
      { id: 'quote-putin-stabilising-factor', named: 'xi' },
      { id: 'quote-putin-exemplary', named: 'xi' }, // ووصف … بـ carries the sentence's speaker on
    ]);
    expect(misattributed(edited(4, 'وأكد بوتين', 'وأكد الرئيس الصيني'))).toEqual([{ id: 'quote-putin-firm-support', named: 'xi' }]);
  });

  it('finds a quotation carried on by a bare verb in the next paragraph, and a name with a clitic', () => {
    expect(misattributed(edited(4, 'وأكد بوتين', 'وأكد'))).toEqual([]);
    const xiBefore = edited(3, 'واعتبر بوتين أن', 'واعتبر شي أن');
    expect(misattributed(xiBefore.map((text, at) => (at === 4 ? text.replace('وأكد بوتين', 'وأكد') : text))).map(({ id }) => id)).toEqual([
      'quote-putin-energy-mutual-benefit',
      'quote-putin-strategic-nature',
      'quote-putin-resilient-relations',
      'quote-putin-firm-support',
    ]);
    expect(misattributed(edited(4, 'وأكد بوتين', 'وأكد لشي'))).toEqual([{ id: 'quote-putin-firm-support', named: 'xi' }]);
  });

  it('never flags a quote that the reading credits otherwise in the article as published', () => {
    // An article file whose annotation and the reading disagree: the publisher's own copy must not be flagged.
    const disagreeing = {
      ...putinXi,
      annotations: putinXi.annotations.map((annotation) =>
        annotation.id === 'quote-xi-right-track' && annotation.kind === 'quote' ? { ...annotation, speaker: 'putin' } : annotation,
      ),
    };
    const verdict = matchArticle(indexOf(disagreeing), page(putinXi.paragraphs));
    expect(verdict.found && verdict.misattributed).toEqual([]);
  });

  it('finds a quote whose attribution follows it credited to another speaker', () => {
    expect(misattributed(edited(13, 'وزارة الخارجية الصينية', 'الرئيس الروسي'))).toEqual([
      { id: 'quote-china-mfa-broad-consensus', named: 'putin' },
    ]);
  });

  it('ignores a name swapped elsewhere in the paragraph', () => {
    expect(misattributed(edited(0, 'الرئيس الروسي فلاديمير بوتين', 'الرئيس الصيني شي'))).toEqual([]);
    expect(misattributed(edited(6, 'أوضح بوتين', 'أوضح شي'))).toEqual([]);
    expect(misattributed(edited(2, 'بين موسكو وبكين', 'بين بوتين وشي'))).toEqual([]);
  });
});
