import { describe, expect, it } from 'vitest';
import { indexArticle } from '../../src/engine/article-index';
import { detect, precheck } from '../../src/engine/detect';
import { normalize } from '../../src/engine/normalize';
import { COMMENTARY, ROUNDUP } from '../../testkit/other-texts';
import { putinXi } from '../support/article-page';

const index = indexArticle(putinXi);
const harakat = (text: string): string => text.replace(/([\u0628-\u064a])/g, '$1\u064e');

describe('precheck', () => {
  it('passes the article, verbatim or fully vocalised', () => {
    expect(precheck(index, putinXi.paragraphs.join('\n')).passed).toBe(true);
    expect(precheck(index, harakat(putinXi.paragraphs.join('\n'))).passed).toBe(true);
  });

  it('passes the fewest paragraphs that hold half the article (its longest), with a word edited in each', () => {
    const longest = [...putinXi.paragraphs].sort((a, b) => b.length - a.length);
    const total = putinXi.paragraphs.join('').length;
    const kept: string[] = [];
    for (const paragraph of longest) {
      if (kept.join('').length >= total / 2) break;
      kept.push(paragraph.replace(/\S+$/, 'كلمة'));
    }
    expect(precheck(index, kept.join('\n')).passed).toBe(true);
  });

  it('rejects unrelated Arabic news and text too short to hold half the article', () => {
    expect(precheck(index, ROUNDUP.join('\n').repeat(5)).passed).toBe(false);
    expect(precheck(index, putinXi.paragraphs.slice(0, 2).join('\n')).passed).toBe(false);
  });

  it('uses probes in folded spelling, so any spelling of the page finds them', () => {
    for (const probe of index.probes.phrases) expect(normalize(probe).text).toBe(probe);
    expect(index.probes.phrases.length).toBeGreaterThan(10);
  });
});

describe('detect', () => {
  it('reports every paragraph and full coverage for the article', () => {
    const detection = detect(index, normalize(putinXi.paragraphs.join('\n')));
    expect(detection.found).toBe(true);
    expect(detection.coverage).toBeCloseTo(1, 5);
    expect(detection.paragraphs.map((paragraph) => paragraph.index)).toEqual(putinXi.paragraphs.map((_, i) => i));
  });

  it('counts only paragraphs at least half present', () => {
    const half = putinXi.paragraphs.map((paragraph, i) => (i === 1 ? paragraph.slice(0, paragraph.length / 4) : paragraph));
    const detection = detect(index, normalize(half.join('\n')));
    expect(detection.paragraphs.map((paragraph) => paragraph.index)).not.toContain(1);
    expect(detection.coverage).toBeLessThan(1);
  });

  it('does not find the article in a commentary quoting it', () => {
    const detection = detect(index, normalize(COMMENTARY.join('\n')));
    expect(detection.found).toBe(false);
    expect(detection.coverage).toBeLessThan(0.3);
  });
});
