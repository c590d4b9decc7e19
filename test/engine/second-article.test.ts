/**
 * A second article, known only to the tests (a small municipal story), run
 * through the same engine: nothing in the engine is specific to the first
 * article, and the two articles never take each other's pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { checkArticle } from '../../src/engine/validate-article';
import {
  ALL_VARIANTS,
  anchoringProblems,
  buildArticlePage,
  indexOf,
  loadArticle,
  norm,
  putinXi,
  runPipeline,
} from '../support/article-page';

const json: unknown = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8'));
const second = loadArticle(json);

describe('a second article', () => {
  it('is a valid article: two speakers, quotes and a claim', () => {
    expect(checkArticle(json)).toMatchObject({ ok: true });
    expect(second.speakers).toHaveLength(2);
    expect(second.annotations.filter((annotation) => annotation.kind === 'quote').length).toBeGreaterThanOrEqual(2);
    expect(second.annotations.some((annotation) => annotation.kind === 'claim')).toBe(true);
    expect(second.id).not.toBe(putinXi.id);
  });

  it('is found and fully anchored on its own page', () => {
    const built = buildArticlePage(second, { layout: true, boxes: [2] });
    const result = runPipeline(indexOf(second));
    expect(anchoringProblems(second, built, result)).toEqual([]);
    expect(result.verdict.found && result.verdict.articleId).toBe(second.id);
    expect(result.ranges.size).toBe(second.annotations.length);
  });

  it('is found and anchored through inline markup and other spellings', () => {
    const built = buildArticlePage(second, {
      inline: { perParagraph: 3, throughAnnotations: true },
      variants: ALL_VARIANTS,
      br: [2, 3],
      seed: 9,
    });
    expect(anchoringProblems(second, built, runPipeline(indexOf(second)))).toEqual([]);
  });

  it("is not found on the first article's page, and the first is not found on its page", () => {
    buildArticlePage(putinXi, { layout: true });
    expect(runPipeline(indexOf(second)).verdict.found).toBe(false);
    expect(runPipeline(indexOf(putinXi)).verdict.found).toBe(true);
    buildArticlePage(second, { layout: true });
    expect(runPipeline(indexOf(putinXi)).verdict.found).toBe(false);
    expect(runPipeline(indexOf(second)).verdict.found).toBe(true);
  });

  it('and the first are both found on a page holding both, each anchored in its own text', () => {
    const built = buildArticlePage(putinXi, { layout: true });
    const other = document.createElement('article');
    for (const paragraph of second.paragraphs) other.append(Object.assign(document.createElement('p'), { textContent: paragraph }));
    built.body.after(other);

    const first = runPipeline(indexOf(putinXi));
    expect(anchoringProblems(putinXi, built, first)).toEqual([]);
    // The second's ranges: over its own words, inside its own <article>.
    const result = runPipeline(indexOf(second));
    expect(result.verdict.found).toBe(true);
    for (const annotation of second.annotations) {
      const range = result.ranges.get(annotation.id);
      expect(norm(range?.toString() ?? '')).toBe(norm(annotation.target.exact));
      expect(other.contains(range?.startContainer ?? null)).toBe(true);
    }
  });
});
