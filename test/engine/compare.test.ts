/**
 * What a page changed in an annotation's words: spelling is never a
 * change; a word replaced, inserted or deleted, or a figure changed, is
 * found, with exactly the words that differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordChanges } from '../../src/engine/compare';
import { normalize } from '../../src/engine/normalize';
import { putinXi } from '../support/article-page';

const texts = putinXi.annotations.map((annotation) => annotation.target.exact).filter((exact) => exact.split(' ').length >= 3);
const norm = (text: string): string => normalize(text).text;
const changesOf = (reference: string, page: string): ReturnType<typeof wordChanges> => wordChanges(norm(reference), norm(page));
/** The page words a change covers. */
const pageWords = (page: string, [start, end]: readonly [number, number]): string => norm(page).slice(start, end);

/** Orthographic noise the engine must see through, one kind per generator. */
const noise = fc.constantFrom<(text: string) => string>(
  (text) => text.replace(/([\u0628-\u064a])/g, '$1\u064e'), // harakat
  (text) => text.replace(/([بتثجحخسشصضطظعغفقكلمنهي])([\u0628-\u064a])/g, '$1\u0640$2'), // tatweel
  (text) => text.replace(/(^| )ا/g, '$1أ').replace(/إ/g, 'ا'), // hamza forms of alef
  (text) => text.replace(/ة(?= |$)/g, 'ه').replace(/ي(?= |$)/g, 'ى'), // ta marbuta / ha, alef maqsura / ya
  (text) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit))), // Arabic-Indic digits
  (text) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + Number(digit))), // Persian digits
  (text) => `«${text}»`, // quotation-mark style
  (text) => text.replace(/ /g, '\u00a0'), // no-break spaces
  (text) => text.replace(/ /g, '\n        '), // line breaks and indentation
  (text) => text.replace(/ /g, ' \u200f').replace(/(.)(.)/, '$1\u200c$2'), // bidi and zero-width marks
  (text) => text.replace(/،/g, ','), // Arabic comma as Latin
);

describe('wordChanges', () => {
  it('finds no change in the reference under any orthographic noise', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(noise, { minLength: 1, maxLength: 4 }), (text, noises) => {
        const page = noises.reduce((noisy, apply) => apply(noisy), text);
        expect(changesOf(text, page)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  const edit = fc.record({ text: fc.constantFrom(...texts), at: fc.nat(), op: fc.constantFrom('replace', 'insert', 'delete' as const) });
  it('finds a word replaced, inserted or deleted, with exactly the words that differ', () => {
    fc.assert(
      fc.property(edit, ({ text, at, op }) => {
        const words = text.split(' ');
        const word = at % words.length;
        const edited = [...words];
        if (op === 'replace') edited[word] = 'مختلفة';
        if (op === 'insert') edited.splice(word, 0, 'مختلفة');
        if (op === 'delete') edited.splice(word, 1);
        const page = edited.join(' ');
        const changes = changesOf(text, page);
        expect(changes).toHaveLength(1);
        const [change] = changes;
        expect(change?.kind).toBe(op === 'replace' ? 'replaced' : op === 'insert' ? 'inserted' : 'deleted');
        if (change === undefined) return;
        if (op !== 'delete') expect(pageWords(page, change.page)).toBe('مختلفه');
        else {
          // The words on either side of the gap.
          const around = [edited[word - 1], edited[word]].filter((each) => each !== undefined).map(norm);
          expect(
            pageWords(page, change.page)
              .split(/\s+/)
              .filter((each) => /[\u0621-\u064a0-9]/.test(each))
              .map((each) => each.replace(/[^\u0621-\u064a0-9]/g, '')),
          ).toEqual(around.map((each) => each.replace(/[^\u0621-\u064a0-9]/g, '')));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('compares figures by value, whatever their digits', () => {
    const claim = 'تجاوز حاجز 200 مليار دولار';
    expect(changesOf(claim, 'تجاوز حاجز ٢٠٠ مليار دولار')).toEqual([]);
    expect(changesOf(claim, 'تجاوز حاجز ۲۰۰ مليار دولار')).toEqual([]);
    for (const page of ['تجاوز حاجز 300 مليار دولار', 'تجاوز حاجز ٣٠٠ مليار دولار']) {
      const [change] = changesOf(claim, page);
      expect(change).toMatchObject({ kind: 'replaced', figure: true });
      expect(pageWords(page, change?.page ?? [0, 0])).toBe('300');
      expect(norm(claim).slice(...(change?.reference ?? [0, 0]))).toBe('200');
    }
    expect(changesOf(claim, 'تجاوز حاجز 200 مليون دولار')[0]?.figure).toBe(false);
  });
});
