/**
 * The synthetic catalogue: valid article files, the same bytes for the same
 * count and seed, speakers the build accepts beside the bundled articles,
 * and articles that share their subjects' phrases yet never take each
 * other's pages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { DEFAULT_SEED, parseArguments } from '../../scripts/catalogue/args';
import { runCatalogue } from '../../scripts/catalogue/cli';
import { articlesDir } from '../../scripts/paths';
import { MAX_PARAGRAPHS, MIN_PARAGRAPHS } from '../../scripts/catalogue/plan';
import { POOL } from '../../scripts/catalogue/speakers';
import { syntheticArticle } from '../../scripts/catalogue/synthesize';
import { writeCatalogue } from '../../scripts/catalogue/write';
import type { Article } from '../../src/article/schema';
import { referenceText } from '../../src/article/text-quote';
import { BLOCK_BREAK } from '../../src/engine/arabic';
import { indexArticle } from '../../src/engine/article-index';
import { matchText } from '../../src/engine/match';
import { normalize } from '../../src/engine/normalize';
import { poorContrast, speakerColors } from '../../testkit/contrast';

const SEED = 7;
const COUNT = 30;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'isnad-catalogue-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const bundledFiles = readdirSync(articlesDir).filter((name) => name.endsWith('.json'));
const bytes = (dir: string): Map<string, string> => new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('a written catalogue', () => {
  const dir = tempDir();
  const result = writeCatalogue(dir, COUNT, SEED);
  const articles = loadArticles(dir);
  const synthetic = articles.filter((article) => article.id.startsWith('synthetic-'));

  it('holds the synthetic articles and copies of the bundled files, all valid', () => {
    expect(result).toEqual({ written: COUNT, copied: bundledFiles.length, removed: 0 });
    expect(synthetic).toHaveLength(COUNT);
    expect(articles).toHaveLength(COUNT + bundledFiles.length);
    expect(new Set(articles.map((article) => article.id)).size).toBe(articles.length);
    for (const name of bundledFiles) expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(articlesDir, name), 'utf8'));
  });

  it('is the same, byte for byte, when written again', () => {
    const again = tempDir();
    writeCatalogue(again, COUNT, SEED);
    expect(bytes(again)).toEqual(bytes(dir));
  });

  it('writes each file as JSON.stringify with two spaces, "$schema" first', () => {
    const [first] = synthetic;
    if (first === undefined) throw new Error('no synthetic article');
    const text = readFileSync(join(dir, `${first.id}.json`), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(Object.keys(JSON.parse(text) as object)[0]).toBe('$schema');
  });

  it('gives each speaker id one colour and cue across the catalogue, as the build requires', () => {
    const looks = new Map<string, string>();
    for (const speaker of articles.flatMap((article) => article.speakers)) {
      const look = `${speaker.color} ${speaker.cue}`;
      expect(looks.get(speaker.id) ?? look, speaker.id).toBe(look);
      looks.set(speaker.id, look);
    }
  });

  it('removes the synthetic files of an earlier, larger run', () => {
    const shrunk = tempDir();
    writeCatalogue(shrunk, 5, SEED);
    expect(writeCatalogue(shrunk, 3, SEED)).toEqual({ written: 3, copied: bundledFiles.length, removed: 2 });
    expect(readdirSync(shrunk).filter((name) => name.startsWith('synthetic-'))).toHaveLength(3);
  });
});

describe('the speaker pool', () => {
  it('keeps 3:1 contrast on white, on a dark page and on the dark tooltip', () => {
    expect(poorContrast(speakerColors({ id: 'pool', speakers: POOL.map((who) => who.speaker) }))).toEqual([]);
  });

  it('gives no name to two speakers, as the engine compares names', () => {
    const names = POOL.flatMap((who) => who.speaker.names.map((name) => normalize(name).text.trim()));
    expect(new Set(names).size).toBe(names.length);
  });

  it('names each speaker in its first and later mentions by one of its names, so attributions name the speaker', () => {
    for (const who of POOL) {
      for (const mention of [who.first, ...who.later])
        expect(
          who.speaker.names.some((name) => mention.includes(name)),
          mention,
        ).toBe(true);
    }
  });
});

describe('each synthetic article', () => {
  const articles = Array.from({ length: COUNT }, (_, index) => syntheticArticle(index, SEED));

  it.each(articles.map((article) => [article.id, article] as const))('%s is shaped like a news report', (_id, article) => {
    expect(article.id).toMatch(/^synthetic-\d{5}-[a-z0-9-]+$/);
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(MIN_PARAGRAPHS);
    expect(article.paragraphs.length).toBeLessThanOrEqual(MAX_PARAGRAPHS);
    expect(article.speakers.length).toBeGreaterThanOrEqual(3);
    expect(article.speakers.length).toBeLessThanOrEqual(5);
    const quotes = article.annotations.filter((annotation) => annotation.kind === 'quote');
    expect(new Set(quotes.map((quote) => quote.speaker)).size).toBeGreaterThanOrEqual(2);
    expect(quotes.some((quote) => quote.form === 'direct')).toBe(true);
    expect(article.annotations.some((annotation) => annotation.kind === 'claim')).toBe(true);
    // Every speaker has something to say.
    const voiced = new Set(
      article.annotations.flatMap((annotation) => (annotation.kind === 'quote' ? [annotation.speaker] : annotation.attributedTo)),
    );
    expect([...voiced].sort()).toEqual(article.speakers.map((speaker) => speaker.id).sort());
  });

  it.each(articles.map((article) => [article.id, article] as const))(
    '%s quotes inside quotation marks, right after the phrase that attributes them',
    (_id, article) => {
      const text = referenceText(article.paragraphs);
      for (const quote of article.annotations) {
        if (quote.kind !== 'quote') continue;
        const start = text.indexOf(`${quote.target.prefix ?? ''}${quote.target.exact}`) + (quote.target.prefix ?? '').length;
        const end = start + quote.target.exact.length;
        expect('“«').toContain(text.charAt(start - 1));
        expect('”»').toContain(text.charAt(end));
        const before = text.slice(Math.max(0, start - quote.attribution.exact.length - 2), start - 1);
        expect(before.endsWith(quote.attribution.exact) || before.endsWith(`${quote.attribution.exact} `), quote.id).toBe(true);
      }
    },
  );

  it('stays the same article whatever the count: article i depends only on i and the seed', () => {
    expect(syntheticArticle(3, SEED)).toEqual(articles[3]);
    expect(syntheticArticle(3, SEED + 1)).not.toEqual(articles[3]);
  });
});

describe('detection across the catalogue', () => {
  const [bundled] = loadArticles();
  if (bundled === undefined) throw new Error('no bundled article');
  const articles: Article[] = [bundled, ...Array.from({ length: COUNT }, (_, index) => syntheticArticle(index, SEED))];
  const indexes = articles.map(indexArticle);
  const pages = articles.map((article) => article.paragraphs.join(BLOCK_BREAK));

  it('finds each article on its own text, every annotation placed and none misattributed', () => {
    articles.forEach((article, at) => {
      const verdict = matchText(indexes[at] ?? indexArticle(article), pages[at] ?? '');
      expect(verdict.found && verdict.coverage, article.id).toBe(1);
      if (!verdict.found) return;
      expect(verdict.unplaced, article.id).toEqual([]);
      expect(verdict.misattributed, article.id).toEqual([]);
    });
  });

  it("never finds an article on another's text, the bundled article's included", () => {
    const taken: string[] = [];
    let shared = 0;
    articles.forEach((page, on) => {
      indexes.forEach((index, of) => {
        if (on === of) return;
        const verdict = matchText(index, pages[on] ?? '');
        if (verdict.found) taken.push(`${index.article.id} on ${page.id} (${verdict.coverage.toFixed(2)})`);
        if (verdict.coverage > 0) shared += 1;
      });
    });
    expect(taken).toEqual([]);
    // They do share their subjects' phrases: some paragraphs of some articles are found on others' pages.
    expect(shared).toBeGreaterThan(0);
  });
});

describe('the command line', () => {
  it('takes --synthetic N and --out DIR, and --seed S or the fixed seed, as separate or = arguments', () => {
    expect(parseArguments(['--synthetic', '10', '--out', 'catalogue'])).toEqual({ count: 10, out: 'catalogue', seed: DEFAULT_SEED });
    expect(parseArguments(['--out=dir', '--seed=5', '--synthetic=0'])).toEqual({ count: 0, out: 'dir', seed: 5 });
  });

  it.each([
    [[], '--synthetic N is required'],
    [['--synthetic', '3'], '--out DIR is required'],
    [['--synthetic', 'ten', '--out', 'd'], '--synthetic takes an integer from 0 to 99999, not "ten"'],
    [['--synthetic', '-1', '--out', 'd'], '--synthetic takes an integer from 0 to 99999, not "-1"'],
    [['--synthetic', '2.5', '--out', 'd'], '--synthetic takes an integer from 0 to 99999, not "2.5"'],
    [['--synthetic', '100000', '--out', 'd'], '--synthetic takes an integer from 0 to 99999, not "100000"'],
    [['--synthetic', '3', '--out'], '--out needs a value'],
    [['--synthetic', '--out', 'd'], '--synthetic needs a value'],
    [['--synthetic', '3', '--out', 'd', '--synthetic', '4'], '--synthetic is given twice'],
    [['--synthetic', '3', '--out', 'd', '--seed', 'x'], '--seed takes an integer from 0 to 4294967295, not "x"'],
    [['--synthetic', '3', '--out', 'd', '--count', '4'], 'unknown argument "--count"'],
    [['3'], 'unknown argument "3"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });

  /** The command as the script runs it, with what it prints. */
  const run = (...argv: string[]) => {
    const printed = { status: 0, stdout: '', stderr: '' };
    printed.status = runCatalogue(argv, tmpdir(), {
      log: (line) => (printed.stdout += `${line}\n`),
      error: (line) => (printed.stderr += `${line}\n`),
    });
    return printed;
  };

  it('says on one line what it wrote and where, a relative DIR from the given directory', () => {
    const dir = tempDir();
    const done = run('--synthetic', '2', '--out', basename(dir));
    expect(done).toEqual({ status: 0, stdout: `wrote 2 synthetic articles and ${bundledFiles.length} bundled to ${dir}\n`, stderr: '' });
  });

  it('refuses bad arguments and an --out that is a file with one line and exit code 1, no stack trace', () => {
    const file = join(tempDir(), 'taken');
    writeFileSync(file, '');
    for (const argv of [
      ['--synthetic', 'many', '--out', 'dir'],
      ['--synthetic', '1', '--out', file],
    ]) {
      const refused = run(...argv);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^catalogue: [^\n]+ \(usage: npm run catalogue -- --synthetic N --out DIR \[--seed S\]\)\n$/);
    }
  });
});
