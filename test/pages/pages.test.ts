/**
 * The page corpus: every folder of test/pages holds a page and what the
 * extension must make of it. One test per folder: the page loaded into the
 * document, scanned as the annotator scans it, and its outcome compared
 * with expected.json (rewritten by `npm run pages:update`; see README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cityLibrary, indexOf, putinXi } from '../support/article-page';
import { realPagesDir, realPagesPresent, withoutStackTraces } from '../support/real-pages';
import { cases, pagesDir, showCase } from './cases';
import { bundledIndexes, pageOutcome, type PageOutcome } from './outcome';

const ci = process.env['CI'] === 'true';
const indexes = bundledIndexes();
const folders = readdirSync(pagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const real = new Set(cases.filter((entry) => entry.kind === 'real').map((entry) => entry.name));

if (!realPagesPresent && ci) {
  it('has the real news pages under CI', () => {
    expect.fail(`${realPagesDir} is missing: under CI=true the real pages must be there`);
  });
} else if (!realPagesPresent) {
  console.warn(`page corpus: the ${real.size} real-… cases skipped: ${realPagesDir} is absent`);
}

describe('page corpus', () => {
  let blank: Node;
  beforeAll(() => {
    blank = document.documentElement.cloneNode(true);
    // jsdom says so of each stylesheet rule it skips (as browsers skip them): the real pages have dozens, and nothing else is said that way.
    const error = console.error.bind(console);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (args[0] !== 'Could not parse CSS stylesheet') error(...args);
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    document.replaceChild(blank, document.documentElement);
  });

  it('has a folder for every recipe', () => {
    expect(cases.map((entry) => entry.name).filter((name) => !folders.includes(name))).toEqual([]);
  });

  it('refuses to describe a page where several articles are found: expected.json records one', () => {
    showCase('second-article-beside');
    expect(pageOutcome(indexes).found?.articleId).toBe(putinXi.id);
    expect(() => pageOutcome([...indexes, indexOf(cityLibrary)])).toThrow(
      `articles ${putinXi.id}, ${cityLibrary.id} found on one page: expected.json records one`,
    );
  });

  // A real page holds large stylesheets, read through jsdom's computed styles around the article: up to a second, not milliseconds.
  for (const name of folders) {
    it.skipIf(real.has(name) && !realPagesPresent)(name, { timeout: 30_000 }, () => {
      const expectedFile = join(pagesDir, name, 'expected.json');
      expect(existsSync(expectedFile), `${name}/expected.json is missing: run npm run pages:update`).toBe(true);
      showCase(name);
      expect(withoutStackTraces(() => pageOutcome(indexes))).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')) as PageOutcome);
    });
  }
});
