/**
 * The pre-check's probes: found in any spelling, each hit where it begins;
 * and where the hits cluster is where the page is read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { normalize } from '../../src/engine/normalize';
import { forEachPhrase, hitRegions, isSampled, keyOf, phrasesOf, probesOf, scanProbes, type ProbeHits } from '../../src/engine/probes';
import { putinXi } from '../support/article-page';
import { DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

const probes = probesOf(normalize(putinXi.paragraphs.join(BLOCK_BREAK)).text.split('\n'));

/** Article paragraphs and news around them, with marks, variants and spacing at the given rates. */
const decoratedText = fc
  .record({
    paragraphs: fc.subarray(putinXi.paragraphs.map((_, at) => at)),
    filler: fc.subarray([...ROUNDUP, ...DIFFERENT_REPORT]),
    marks: fc.constantFrom(0, 0, 0.001, 0.01, 0.2),
    mark: fc.constantFrom('\u064e', '\u0651', '\u0640', '\u200c', '\u06e1', '\ufe8d'),
    variants: fc.double({ min: 0, max: 1, noNaN: true }),
    space: fc.constantFrom(' ', '\u00a0', '\n      ', ' \u200f'),
    seed: fc.integer(),
  })
  .map(({ paragraphs, filler, marks, mark, variants, space, seed }) => {
    let state = seed >>> 0;
    const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const text = [...paragraphs.map((at) => putinXi.paragraphs[at] ?? ''), ...filler].join('\n');
    return [...text]
      .map((char) => {
        let out = char === ' ' ? space : char;
        if (char === 'ي' && random() < variants) out = 'ى';
        if (char === 'ا' && random() < variants / 2) out = 'أ';
        if (char >= '0' && char <= '9' && random() < variants) out = String.fromCharCode(0x0660 + char.charCodeAt(0) - 0x30);
        if (char >= '\u0628' && char <= '\u064a' && random() < marks) out += mark;
        return out;
      })
      .join('');
  });

describe('phrasesOf', () => {
  const paragraphs = normalize([...putinXi.paragraphs, ...ROUNDUP].join(BLOCK_BREAK)).text.split('\n');

  it('keys each run of three words as the one pass over a page does', () => {
    for (const paragraph of paragraphs) {
      const onPage = new Set<number>();
      forEachPhrase(paragraph, (key) => onPage.add(key));
      const keys = phrasesOf(paragraph).map(keyOf);
      expect(keys.filter((key) => !onPage.has(key))).toEqual([]);
      expect(keys.length).toBeGreaterThan(0);
    }
  });

  it('keeps, given a test of keys, exactly the runs whose key passes it, in the same order', () => {
    for (const paragraph of paragraphs) {
      const sampled = phrasesOf(paragraph, isSampled);
      expect(sampled).toEqual(phrasesOf(paragraph).filter((phrase) => isSampled(keyOf(phrase))));
    }
    expect(paragraphs.flatMap((paragraph) => phrasesOf(paragraph, isSampled)).length).toBeGreaterThan(10);
  });
});

describe('scanProbes', () => {
  it('finds every probe of the article as published, and as a vocalised copy with other spacing', () => {
    expect(scanProbes(probes, putinXi.paragraphs.join('\n')).distinct).toBe(probes.phrases.length);
    fc.assert(
      fc.property(decoratedText, (text) => {
        const hits = scanProbes(probes, text);
        expect(hits.offsets).toEqual([...hits.offsets].sort((a, b) => a - b));
        expect(hits.distinct).toBe(hits.found.reduce((sum, found) => sum + found, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('finds fewer than a pass needs in news on the same subjects', () => {
    expect(scanProbes(probes, [...ROUNDUP, ...DIFFERENT_REPORT].join('\n')).distinct).toBeLessThan(probes.needed);
  });

  it('records where each hit begins, in the raw text', () => {
    const text = `مقدمة ${putinXi.paragraphs[3] ?? ''}`;
    const hits = scanProbes(probes, text);
    hits.offsets.forEach((offset, at) => {
      const phrase = probes.phrases[hits.probeOf[at] ?? -1] ?? '';
      expect(normalize(text.slice(offset)).text.startsWith(phrase)).toBe(true);
    });
    expect(hits.offsets.length).toBeGreaterThan(0);
  });
});

describe('hitRegions', () => {
  const hits = (offsets: number[], probeOf: number[], overflow = false): ProbeHits => ({
    found: new Uint8Array(probes.phrases.length),
    distinct: new Set(probeOf).size,
    offsets,
    probeOf,
    overflow,
  });

  it('widens each cluster of two or more distinct probes by the reach, and drops lone hits', () => {
    expect(hitRegions(hits([100, 150, 5000, 9000, 9040], [1, 2, 3, 4, 4]), 200, 20_000)).toEqual([[0, 350]]);
  });

  it('merges clusters whose widened places overlap, and clamps to the text', () => {
    expect(hitRegions(hits([100, 120, 500, 530], [1, 2, 3, 4]), 200, 600)).toEqual([[0, 600]]);
    expect(hitRegions(hits([100, 120, 500, 530], [1, 2, 3, 4]), 150, 600)).toEqual([
      [0, 270],
      [350, 600],
    ]);
  });

  it('is the whole text when there were too many hits to keep', () => {
    expect(hitRegions(hits([1, 2], [1, 2], true), 10, 1000)).toEqual([[0, 1000]]);
  });
});
