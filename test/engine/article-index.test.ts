/**
 * What the engine precomputes for an article: the normalised reference and
 * its words, paragraphs and weights, where each annotation and attribution
 * sits, the speakers' names and the pre-check's probes. For the bundled
 * article, a tiny one written here, and the second article of the tests,
 * which needs no code of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { indexArticle, SHINGLE_WORDS, shingleKey, type ArticleIndex } from '../../src/engine/article-index';
import { matchArticle } from '../../src/engine/match';
import { annotationParagraphs, loadArticle, norm, putinXi, textWeight } from '../support/article-page';

/** Three short paragraphs, the second a two-word heading, with marks, hamza and tatweel in the annotations. */
const tiny: Article = loadArticle({
  id: 'test-tiny-article',
  lang: 'ar',
  title: { ar: 'خبر قصير', en: 'A short report' },
  date: '2026-01-01',
  paragraphs: [
    'قال وزيرُ الزراعة أحمد سالم إن “المـوسم القادم سيكون أفضل من سابقه بكثير”، مضيفاً أن الأمطار كانت وفيرة.',
    'أرقام الموسم',
    'وبلغ إنتاج القمح 300 ألف طن هذا العام، بحسب تقديرات الوزارة.',
  ],
  speakers: [
    {
      id: 'minister',
      name: { ar: 'أحمد سالم', en: 'Ahmad Salem' },
      role: { ar: 'وزير الزراعة', en: 'Minister of Agriculture' },
      color: '#D55E00',
      cue: 'solid',
      names: ['سالم', 'وزير الزراعة', 'أحمد سالم'],
    },
  ],
  annotations: [
    {
      id: 'quote-minister-better-season',
      kind: 'quote',
      speaker: 'minister',
      form: 'direct',
      translation: { en: 'Next season will be much better than the last' },
      target: { exact: 'المـوسم القادم سيكون أفضل من سابقه بكثير' },
      attribution: { exact: 'قال وزيرُ الزراعة أحمد سالم إن' },
    },
    {
      id: 'claim-wheat-output',
      kind: 'claim',
      attributedTo: ['minister'],
      category: 'statistic',
      verdict: 'attributed',
      context: { ar: 'تقدير رسمي.', en: 'An official estimate.' },
      sources: [],
      target: { exact: 'إنتاج القمح 300 ألف طن هذا العام' },
    },
  ],
});

const second = loadArticle(JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8')));
const articles: readonly [string, Article][] = [
  ['the bundled article', putinXi],
  ['a tiny article', tiny],
  ['the second article', second],
];

/** The words of the reference, as strings. */
const spelled = (index: ArticleIndex): string[] =>
  Array.from({ length: index.words.count }, (_, word) => index.reference.text.slice(index.words.starts[word], index.words.ends[word]));
/** [start, end) of each paragraph in the normalised reference. */
function paragraphBounds(index: ArticleIndex): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  for (const line of index.reference.text.split('\n')) {
    bounds.push([start, start + line.length]);
    start += line.length + 1;
  }
  return bounds;
}

describe.each(articles)('indexArticle on %s', (_name, article) => {
  const index = indexArticle(article);

  it('normalises the paragraphs, one per line, and keeps them as published', () => {
    expect(index.reference.text).toBe(norm(article.paragraphs.join(BLOCK_BREAK)));
    expect(index.reference.text.split('\n')).toEqual(article.paragraphs.map(norm));
    expect(index.published).toBe(article.paragraphs.join('\n'));
    expect(index.article).toBe(article);
  });

  it("places each annotation's normalised words, within its paragraph", () => {
    const bounds = paragraphBounds(index);
    const paragraphs = annotationParagraphs(article);
    expect([...index.spans.keys()]).toEqual(article.annotations.map((annotation) => annotation.id));
    for (const annotation of article.annotations) {
      const span = index.spans.get(annotation.id);
      expect(span?.paragraph, annotation.id).toBe(paragraphs.get(annotation.id));
      const [start, end] = bounds[span?.paragraph ?? -1] ?? [-1, -1];
      expect(span?.start).toBeGreaterThanOrEqual(start);
      expect(span?.end).toBeLessThanOrEqual(end);
      expect(index.reference.text.slice(span?.start, span?.end), annotation.id).toBe(norm(annotation.target.exact));
    }
  });

  it('splits the words by paragraph, and weighs each paragraph by its words plus one separator each', () => {
    const all = spelled(index);
    const byParagraph = article.paragraphs.map((paragraph) =>
      norm(paragraph)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== ''),
    );
    expect(index.paragraphWords).toHaveLength(article.paragraphs.length);
    index.paragraphWords.forEach(({ first, end }, paragraph) => {
      expect(all.slice(first, end)).toEqual(byParagraph[paragraph]);
      for (let word = first; word < end; word += 1) expect(index.paragraphOf[word]).toBe(paragraph);
      expect(index.paragraphWeight[paragraph]).toBe(textWeight(article.paragraphs[paragraph] ?? ''));
    });
    expect(index.paragraphWords.at(-1)?.end).toBe(index.words.count);
    expect(index.totalWeight).toBe(article.paragraphs.reduce((sum, paragraph) => sum + textWeight(paragraph), 0));
  });

  it('numbers each distinct word once, and files every run of three words (or a shorter whole paragraph) under its key', () => {
    const all = spelled(index);
    expect(index.vocabulary.size).toBe(new Set(all).size);
    all.forEach((word, at) => expect(index.wordIds[at]).toBe(index.vocabulary.get(word)));
    let runs = 0;
    for (const { first, end } of index.paragraphWords) {
      const length = Math.min(SHINGLE_WORDS, end - first);
      expect(index.shingleLengths).toContain(length);
      for (let word = first; word + length <= end; word += 1) {
        runs += 1;
        expect(index.shingles.get(shingleKey(index.wordIds, word, length))).toContain(word);
      }
    }
    expect([...index.shingles.values()].reduce((sum, starts) => sum + starts.length, 0)).toBe(runs);
  });

  it('takes as probes the two longest distinct runs of three words of each paragraph, in paragraph order, and needs 40% of them', () => {
    const { phrases, needed } = index.probes;
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const phrase of phrases) expect(phrase.split(' ')).toHaveLength(3);
    // Each paragraph's runs of three words, as its words joined by one space.
    const runs = index.paragraphWords.map(({ first, end }) => {
      const all = spelled(index).slice(first, end);
      return all.slice(0, Math.max(0, all.length - 2)).map((word, at) => `${word} ${all[at + 1] ?? ''} ${all[at + 2] ?? ''}`);
    });
    let paragraph = 0;
    const taken: string[][] = runs.map(() => []);
    for (const phrase of phrases) {
      while (paragraph < runs.length && !(runs[paragraph] ?? []).includes(phrase)) paragraph += 1;
      expect(paragraph, phrase).toBeLessThan(runs.length);
      taken[paragraph]?.push(phrase);
    }
    runs.forEach((own, at) => {
      const chosen = taken[at] ?? [];
      expect(chosen, `paragraph ${at}`).toHaveLength(Math.min(2, own.length));
      const shortest = Math.min(...chosen.map((phrase) => phrase.length));
      for (const run of own) if (!phrases.includes(run)) expect(run.length, run).toBeLessThanOrEqual(shortest);
    });
    expect(needed).toBe(Math.ceil(phrases.length * 0.4));
  });

  it('is all the engine needs to find the article in its own text', () => {
    const verdict = matchArticle(index, article.paragraphs.join(BLOCK_BREAK));
    expect(verdict.found && verdict.articleId).toBe(article.id);
    expect(verdict.found && verdict.placed.map((placed) => placed.id)).toEqual(article.annotations.map((annotation) => annotation.id));
  });
});

describe('indexArticle on the bundled article', () => {
  const index = indexArticle(putinXi);

  it('has 27 probes: two for each of its 14 paragraphs but the three-word heading, which has one', () => {
    expect(putinXi.paragraphs).toHaveLength(14);
    expect(index.paragraphWords.filter(({ first, end }) => end - first === 3)).toHaveLength(1);
    expect(index.probes.phrases).toHaveLength(27);
    expect(index.probes.needed).toBe(11);
    expect(index.probes.phrases).toContain('نمو التعاون الاقتصادي');
  });

  it('uses shingles of three words only, having no shorter paragraph', () => {
    expect(index.shingleLengths).toEqual([3]);
  });
});

describe('indexArticle on a tiny article', () => {
  const index = indexArticle(tiny);

  it('drops the marks and tatweel of an annotation, and folds its hamza, in its span', () => {
    const span = index.spans.get('quote-minister-better-season');
    expect(index.reference.text.slice(span?.start, span?.end)).toBe('الموسم القادم سيكون افضل من سابقه بكثير');
  });

  it('uses a shingle as long as its two-word heading beside those of three words', () => {
    expect(index.shingleLengths).toEqual([3, 2]);
    expect(index.shingles.get(shingleKey(index.wordIds, index.paragraphWords[1]?.first ?? -1, 2))).toEqual([
      index.paragraphWords[1]?.first,
    ]);
  });

  it('has two probes for each paragraph of three words or more, and none for the heading', () => {
    expect(index.probes.phrases).toHaveLength(4);
    expect(index.probes.phrases.some((phrase) => phrase.includes('ارقام'))).toBe(false);
    expect(index.probes.needed).toBe(2);
  });
});
