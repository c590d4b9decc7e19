/**
 * The one table of characters: what normalisation drops, what the probe
 * scan skips and what makes a word come from it, and agree for every code
 * unit and on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, DROP, EXPAND, INVISIBLE, LETTER_VARIANTS, LINE, MARKS, SPACE, fold, isWordUnit } from '../../src/engine/arabic';
import { normalize } from '../../src/engine/normalize';
import { probesOf, scanProbes } from '../../src/engine/probes';
import { words } from '../../src/engine/tokens';
import { putinXi } from '../support/article-page';

const inRanges = (ranges: readonly (readonly [number, number])[], code: number): boolean =>
  ranges.some(([from, to]) => code >= from && code <= to);
const BMP = Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => code < 0xd800 || code > 0xdfff);

describe('the table', () => {
  it('drops every mark and invisible mark it lists, and nothing it drops is part of a word', () => {
    for (const code of BMP) {
      if (inRanges(MARKS, code) || inRanges(INVISIBLE, code)) expect(fold(code), code.toString(16)).toBe(DROP);
      if (fold(code) === DROP) expect(isWordUnit(code), code.toString(16)).toBe(false);
    }
  });

  it('folds to a fixed point: what a code unit folds to folds to itself', () => {
    // One assertion over the 63,488 code units, listing every one that fails: an expect each is a second's work.
    const unfixed = BMP.filter((code) => fold(code) >= 0 && fold(fold(code)) !== fold(code)).map((code) => code.toString(16));
    expect(unfixed).toEqual([]);
  });

  it('folds each letter variant to a letter, both parts of words', () => {
    for (const [variants, letter] of LETTER_VARIANTS) {
      for (const variant of variants) {
        expect(fold(variant.charCodeAt(0))).toBe(letter.charCodeAt(0));
        expect(isWordUnit(variant.charCodeAt(0)) && isWordUnit(letter.charCodeAt(0))).toBe(true);
      }
    }
  });

  it('folds Arabic-Indic and Persian digits to ASCII digits, all parts of words', () => {
    for (let digit = 0; digit < 10; digit += 1) {
      for (const code of [0x0660 + digit, 0x06f0 + digit]) {
        expect(fold(code)).toBe(0x30 + digit);
        expect(isWordUnit(code)).toBe(true);
      }
    }
  });

  it('makes a line only of the block break; line breaks in text are spaces', () => {
    expect(fold(BLOCK_BREAK.charCodeAt(0))).toBe(LINE);
    for (const code of [0x0a, 0x0d, 0x2028, 0x85, 0xa0, 0x20]) expect(fold(code)).toBe(SPACE);
    for (const code of BMP) if (fold(code) === LINE) expect(code).toBe(BLOCK_BREAK.charCodeAt(0));
  });

  it('leaves presentation forms to NFKC, and expands ligatures', () => {
    expect(fold(0xfe8d)).toBe(0x0627); // ﺍ isolated alef
    expect(fold(0xfefb)).toBe(EXPAND); // ﻻ lam-alef
  });
});

describe('the probe scan and normalisation agree', () => {
  const probes = probesOf(normalize(putinXi.paragraphs.join(BLOCK_BREAK)).text.split('\n'));
  /** Whether normalised text holds the phrase as words in a row. */
  const holds = (text: string, phrase: string): boolean => {
    const normalized = normalize(text).text;
    const found = words(normalized);
    const spelled = Array.from({ length: found.count }, (_, word) => normalized.slice(found.starts[word], found.ends[word]));
    return ` ${spelled.join(' ')} `.includes(` ${phrase} `);
  };
  // Pieces of text: probe words and their neighbours, decorated with what the table folds away.
  const pieces = [...new Set([...probes.phrases, ...probes.phrases.flatMap((phrase) => phrase.split(' '))])];
  const decoration = fc.constantFrom('', '\u064e', '\u0651', '\u0640', '\u200c', '\u200f', '\u0670', '\u06e1');
  const separator = fc.constantFrom(' ', '  ', '\n  ', '\u00a0', '، ', ' «', '» ', '\u200b ', BLOCK_BREAK, '-', '');
  const variant = (word: string): fc.Arbitrary<string> =>
    fc
      .array(decoration, { minLength: word.length, maxLength: word.length })
      .map((marks) =>
        [...word]
          .map((char, at) =>
            char === ' '
              ? ' '
              : (char === 'ا' && at === 0
                  ? 'أ'
                  : char === 'ي' && at === word.length - 1
                    ? 'ى'
                    : char === 'ه' && at === word.length - 1
                      ? 'ة'
                      : char) + (marks[at] ?? ''),
          )
          .join(''),
      );
  const text = fc
    .array(fc.tuple(fc.constantFrom(...pieces).chain(variant), separator), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

  it('finds a probe exactly where the normalised words hold it', () => {
    let found = 0;
    fc.assert(
      fc.property(text, (generated) => {
        const hits = scanProbes(probes, generated);
        const disagreeing = probes.phrases.filter((phrase, probe) => (hits.found[probe] === 1) !== holds(generated, phrase));
        expect(disagreeing, 'probes the scan and the normalised words disagree on').toEqual([]);
        found += hits.distinct;
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(500);
  });

  it('finds every probe in the article, however it is decorated', () => {
    const decorated = putinXi.paragraphs
      .join('\n')
      .replace(/([\u0628-\u064a])/g, '$1\u064e')
      .replace(/ /g, '\u00a0');
    expect(scanProbes(probes, decorated).distinct).toBe(probes.phrases.length);
  });
});
