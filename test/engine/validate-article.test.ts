import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleFileError, loadArticleFile, loadArticles } from '../../scripts/articles';
import { projectRoot } from '../../scripts/paths';
import { checkArticle, jsonPath } from '../../src/engine/validate-article';

const fixtures = join(projectRoot, 'test', 'fixtures', 'articles');
const fixture = (name: string): string => join(fixtures, name);

/** What loading `file` throws; fails the test if it does not throw an ArticleFileError. */
function loadError(file: string): ArticleFileError {
  try {
    loadArticleFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleFileError);
    return error as ArticleFileError;
  }
  throw new Error(`${file} loaded, but it should have been rejected`);
}

// One broken file per failure the build must report: [file, JSON path, reason].
const broken: readonly (readonly [string, string, string])[] = [
  ['unknown-speaker.json', '$.annotations[0].speaker', 'unknown speaker "nobody" (declared speakers: minister, ambassador)'],
  ['unknown-attributed-to.json', '$.annotations[1].attributedTo[1]', 'unknown speaker "nobody" (declared speakers: minister, ambassador)'],
  ['exact-not-found.json', '$.annotations[1].target.exact', 'not found in the reference text (paragraphs)'],
  [
    'ambiguous-exact.json',
    '$.annotations[0].target',
    '"exact" occurs 2 times in the reference text; add or lengthen prefix/suffix to pick one',
  ],
  [
    'prefix-mismatch.json',
    '$.annotations[0].target',
    '"exact" occurs 2 time(s) in the reference text, but never with this prefix and suffix',
  ],
  [
    'suffix-mismatch.json',
    '$.annotations[0].target',
    '"exact" occurs 2 time(s) in the reference text, but never with this prefix and suffix',
  ],
  ['missing-translation.json', '$.annotations[0].translation', 'required, but missing'],
  ['missing-context.json', '$.annotations[1].context', 'required, but missing'],
  ['empty-context-en.json', '$.annotations[1].context.en', 'Too small: expected string to have >=1 characters'],
  [
    'duplicate-annotation-id.json',
    '$.annotations[1].id',
    'duplicate annotation id "quote-minister-cooperation" (first used at $.annotations[0].id)',
  ],
  ['duplicate-speaker-id.json', '$.speakers[1].id', 'duplicate speaker id "minister" (first used at $.speakers[0].id)'],
  ['attribution-not-found.json', '$.annotations[0].attribution.exact', 'not found in the reference text (paragraphs)'],
  ['shared-name.json', '$.speakers[1].names[1]', '"الوزير" is also a name of speaker "minister" ($.speakers[0].names[0])'],
  ['empty-names.json', '$.speakers[0].names', 'Too small: expected array to have >=1 items'],
];

describe('loadArticleFile', () => {
  it('loads the valid minimal article', () => {
    const article = loadArticleFile(fixture('valid.json'));
    expect(article.id).toBe('minimal-article');
    expect(article.paragraphs).toHaveLength(2);
    expect(article.speakers.map((s) => s.id)).toEqual(['minister', 'ambassador']);
    expect(article.annotations.map((a) => a.kind)).toEqual(['quote', 'claim']);
  });

  it.each(broken)('rejects %s at %s', (name, path, reason) => {
    // Exactly one line: the file, the JSON path and the reason, nothing else.
    expect(loadError(fixture(name)).message).toBe(`test/fixtures/articles/${name}: ${path}: ${reason}`);
  });

  it('rejects invalid JSON, naming the file and the root path', () => {
    const { message } = loadError(fixture('invalid-json.json'));
    expect(message.startsWith('test/fixtures/articles/invalid-json.json: $: not valid JSON (')).toBe(true);
    expect(message.endsWith(')')).toBe(true);
  });

  it('reports every problem of a file, one per line', () => {
    const input = loadArticleFile(fixture('valid.json'));
    const result = checkArticle({
      ...input,
      annotations: input.annotations.map((a) =>
        a.kind === 'quote' ? { ...a, speaker: 'nobody' } : { ...a, id: input.annotations[0]?.id },
      ),
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['$.annotations[1].id', '$.annotations[0].speaker']);
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '$'],
    [['annotations', 3, 'speaker'], '$.annotations[3].speaker'],
    [[0], '$[0]'],
    [['a', 0, 1], '$.a[0][1]'],
    [['$schema'], '$.$schema'],
    [['_x1'], '$._x1'],
    [['@context'], '$["@context"]'],
    [['a-b', 'c'], '$["a-b"].c'],
    [['1st'], '$["1st"]'],
    [['say "hi"'], '$["say \\"hi\\""]'],
  ] as const)('%j → %s', (segments, expected) => {
    expect(jsonPath(segments)).toBe(expected);
  });
});

describe('loadArticles', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('rejects two files that share an article id, naming both', () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-articles-'));
    copyFileSync(fixture('valid.json'), join(dir, 'a.json'));
    copyFileSync(fixture('valid.json'), join(dir, 'b.json'));
    const a = relative(projectRoot, join(dir, 'a.json'));
    const b = relative(projectRoot, join(dir, 'b.json'));
    expect(() => loadArticles(dir)).toThrow(ArticleFileError);
    expect(() => loadArticles(dir)).toThrow(`${b}: $.id: duplicate article id "minimal-article" (also in ${a})`);
  });

  it('loads distinct articles in file-name order, ignoring other files', () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-articles-'));
    const valid = loadArticleFile(fixture('valid.json'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...valid, id: 'second' }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(valid));
    writeFileSync(join(dir, 'notes.txt'), 'not an article');
    mkdirSync(join(dir, 'sub'));
    expect(loadArticles(dir).map((article) => article.id)).toEqual(['minimal-article', 'second']);
  });

  it('rejects a directory with no article files', () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-articles-'));
    expect(() => loadArticles(dir)).toThrow(`${relative(projectRoot, dir)}: no article files (*.json)`);
  });

  it('rejects a directory holding a broken article, naming that file', () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-articles-'));
    copyFileSync(fixture('unknown-speaker.json'), join(dir, 'broken.json'));
    expect(() => loadArticles(dir)).toThrow(`${relative(projectRoot, join(dir, 'broken.json'))}: $.annotations[0].speaker`);
  });
});
