/**
 * The catalogue's detection index on plain strings: written and read back
 * as bytes, every article's probes found in one pass over a text however
 * many articles there are, the hits an article's own pre-check would give,
 * and a change judged by the text it added.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/article/schema';
import { catalogueEntries } from '../../src/engine/catalogue-entry';
import { CatalogueIndex, writeCatalogueIndex } from '../../src/engine/catalogue-index';
import { normalize } from '../../src/engine/normalize';
import { isSampled, keyOf, phrasesOf, sampledKeys } from '../../src/engine/probes';
import { putinXi } from '../support/article-page';
import { COMMENTARY, DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';

/** An article of other news: its text only, enough for the index. */
const otherArticle = (id: string, paragraphs: readonly string[]): Article => ({
  ...putinXi,
  id,
  paragraphs: [...paragraphs],
  annotations: [],
});

/** The bundled article's text as a page has it: paragraphs in blocks, among other news. */
const articlePage = ['عاجل', ...ROUNDUP, ...putinXi.paragraphs, ...COMMENTARY].join('\n');
const otherPage = [...ROUNDUP, ...COMMENTARY, ...DIFFERENT_REPORT].join('\n');

/** What the detector and the background make of a text together: its sampled phrases' keys, looked up. */
const lookUp = (index: CatalogueIndex, text: string): ReturnType<CatalogueIndex['lookUp']> => index.lookUp(sampledKeys(text), text.length);

const read = (articles: readonly Article[]): CatalogueIndex =>
  new CatalogueIndex(writeCatalogueIndex(catalogueEntries(articles)).buffer as ArrayBuffer);

/** Many articles: another report of the same call cut into windows, numbered, so their probes are many; none is on the pages above. */
function manyArticles(count: number): Article[] {
  const sentences = DIFFERENT_REPORT;
  return Array.from({ length: count }, (_, number) =>
    otherArticle(
      `other-${number}`,
      Array.from({ length: 8 }, (_, at) => `${sentences[(number * 3 + at) % sentences.length] ?? ''} ${number + at}`),
    ),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('the catalogue index', () => {
  it('reads back what was written: the ids, in order', () => {
    const articles = [putinXi, ...manyArticles(3)];
    const index = read(articles);
    expect(index.size).toBe(4);
    expect(articles.map((_, number) => index.idOf(number))).toEqual(articles.map((article) => article.id));
  });

  it('is the same bytes for the same articles', () => {
    const articles = [putinXi, ...manyArticles(5)];
    expect(writeCatalogueIndex(catalogueEntries(articles))).toEqual(writeCatalogueIndex(catalogueEntries(articles)));
  });

  it('refuses bytes that are not an index of this version, or cut short', () => {
    const bytes = writeCatalogueIndex(catalogueEntries([putinXi]));
    expect(() => new CatalogueIndex(new ArrayBuffer(8))).toThrow(/truncated/);
    const other = bytes.slice();
    other[0] = 0;
    expect(() => new CatalogueIndex(other.buffer)).toThrow(/not a catalogue index/);
    expect(() => new CatalogueIndex(bytes.slice(0, bytes.length - 8).buffer)).toThrow(/truncated/);
  });

  it('finds the article on a page that carries it, and nothing on other news on the same subjects', () => {
    expect(lookUp(read([...manyArticles(20), putinXi]), articlePage).candidates).toEqual([20]);
    expect(lookUp(read([putinXi]), otherPage).candidates).toEqual([]);
    // Nor on a page too short to hold half of it, whatever phrases it has.
    expect(read([putinXi]).lookUp(sampledKeys(articlePage), 100).candidates).toEqual([]);
  });

  it('chooses its probes among the sampled phrases only: the ones a page hands over', () => {
    const [entry] = catalogueEntries([putinXi]);
    expect(entry?.phrases.length).toBeGreaterThanOrEqual(10);
    expect(entry?.phrases.every((phrase) => isSampled(keyOf(phrase)))).toBe(true);
    expect(entry?.needed).toBe(Math.ceil((entry?.phrases.length ?? 0) * 0.4));
  });

  it("chooses, where other articles share a paragraph's phrases, the ones they do not", () => {
    const [alone] = catalogueEntries([putinXi]);
    // Another article with the first half of each paragraph: in each, the phrases it shares give way to the article's own.
    const halves = putinXi.paragraphs.map((paragraph) => {
      const words = paragraph.split(' ');
      return words.slice(0, Math.ceil(words.length / 2)).join(' ');
    });
    const [shared] = catalogueEntries([putinXi, otherArticle('halves', halves)]);
    const halfPhrases = new Set(halves.flatMap((paragraph) => phrasesOf(normalize(paragraph).text)));
    expect(alone?.phrases.filter((phrase) => halfPhrases.has(phrase)).length).toBeGreaterThan(0);
    const ownLeft = (alone?.phrases ?? []).filter((phrase) => !halfPhrases.has(phrase));
    expect(shared?.phrases.filter((phrase) => halfPhrases.has(phrase)).length).toBeLessThan(
      alone?.phrases.filter((phrase) => halfPhrases.has(phrase)).length ?? 0,
    );
    expect(shared?.phrases).toEqual(expect.arrayContaining(ownLeft));
  });

  it('looks each key up once, whatever the number of articles: the page’s one pass is the only one over its text', () => {
    const keys = [...sampledKeys(articlePage)];
    const index = read([putinXi, ...manyArticles(200)]);
    const charCodeAt = vi.spyOn(String.prototype, 'charCodeAt');
    expect(index.lookUp(keys, articlePage.length).candidates).toEqual([0]);
    expect(charCodeAt).not.toHaveBeenCalled();
    charCodeAt.mockRestore();
    // The page's pass: each code unit once; a unit met for the first time is read again once it is known.
    const reads = vi.spyOn(String.prototype, 'charCodeAt');
    sampledKeys(articlePage);
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(articlePage.length);
    expect(reads.mock.calls.length).toBeLessThan(articlePage.length + 200);
  });

  it('judges a change by the text it added and the probes seen before', () => {
    const index = read([putinXi]);
    const half = Math.ceil(putinXi.paragraphs.length / 2);
    const first = lookUp(index, putinXi.paragraphs.slice(0, 3).join('\n'));
    expect(first.candidates).toEqual([]);
    expect(index.judgeAdded(sampledKeys(ROUNDUP.join('\n')), first.seen).worth).toBe(false);
    const judged = index.judgeAdded(sampledKeys(putinXi.paragraphs.slice(3, half + 3).join('\n')), first.seen);
    expect(judged.worth).toBe(true);
    expect(judged.seen[0]?.length).toBeGreaterThan(first.seen[0]?.length ?? 0);
    // Article numbers outside the catalogue, sent back by a page, are ignored.
    expect(index.judgeAdded([], { 99: [1, 2, 3] }).seen).toEqual({});
  });
});
