import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/schema';
import { checkArticle } from '../../src/engine/validate-article';
import { indexArticle } from '../../src/engine/article-index';
import { scanPage } from '../../src/page/scan';
import { sampleArticle, selectorWithin } from '../../src/welcome/sample';
import { putinXi } from '../support/article-page';

describe('selectorWithin', () => {
  const reference = 'one two three\nfour two five';
  const second = { start: 14, end: 27 };

  it('keeps only the part of the prefix and suffix inside the paragraph', () => {
    expect(selectorWithin({ exact: 'four', prefix: 'three\n', suffix: ' two' }, reference, second)).toEqual({
      exact: 'four',
      suffix: ' two',
    });
    expect(selectorWithin({ exact: 'two', prefix: 'four ' }, reference, second)).toEqual({ exact: 'two', prefix: 'four ' });
  });

  it('refuses words outside the paragraph, and a selector the cut leaves ambiguous', () => {
    expect(selectorWithin({ exact: 'two', prefix: 'one ' }, reference, second)).toBeUndefined();
    const repeated = 'a b\nx a x a';
    expect(selectorWithin({ exact: 'a', prefix: 'b\nx ' }, repeated, { start: 4, end: 11 })).toBeUndefined();
  });
});

describe('sampleArticle', () => {
  const sample = sampleArticle(putinXi);

  it('is the first paragraph with a quote and a claim, with exactly its annotations', () => {
    expect(sample?.paragraphs).toEqual([putinXi.paragraphs[8]]);
    expect(sample?.annotations.map((annotation) => annotation.kind).sort()).toEqual(['claim', 'quote']);
    const inParagraph = putinXi.annotations.filter((annotation) => putinXi.paragraphs[8]?.includes(annotation.target.exact));
    expect(sample?.annotations.map((annotation) => annotation.id)).toEqual(inParagraph.map((annotation) => annotation.id));
  });

  it('is a valid article: every selector picks exactly one place in the paragraph', () => {
    const checked = checkArticle(sample);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('is found and fully placed by the engine in a page holding only that paragraph', () => {
    if (sample === undefined) throw new Error('no sample');
    const container = document.createElement('blockquote');
    container.textContent = sample.paragraphs.join('\n');
    document.body.replaceChildren(document.createElement('h1'), container);
    const [found] = scanPage(document.body, [indexArticle(sample)]).articles.map((article) => article.found);
    expect(found?.placed.slice().sort()).toEqual(sample.annotations.map((annotation) => annotation.id).sort());
    expect(found?.unplaced).toEqual([]);
  });

  it('skips a quote whose attribution is in another paragraph, and is undefined without a paragraph holding both kinds', () => {
    const [quote, claim] = [putinXi.annotations.find((a) => a.kind === 'quote'), putinXi.annotations.find((a) => a.kind === 'claim')];
    if (quote?.kind !== 'quote' || claim === undefined) throw new Error('the article has no quote or claim');
    const article: Article = {
      ...putinXi,
      paragraphs: ['وقال المتحدث إن', `قال إن “${quote.target.exact}” وإن ${claim.target.exact}`],
      annotations: [
        { ...quote, target: { exact: quote.target.exact }, attribution: { exact: 'وقال المتحدث إن' } },
        { ...claim, target: { exact: claim.target.exact } },
      ],
    };
    expect(sampleArticle(article)).toBeUndefined();
    const attributed: Article = {
      ...article,
      annotations: [{ ...quote, target: { exact: quote.target.exact }, attribution: { exact: 'قال إن' } }, article.annotations[1] ?? claim],
    };
    expect(sampleArticle(attributed)?.paragraphs).toEqual([article.paragraphs[1]]);
  });
});
