/**
 * `npm run draft` on good and bad input: one line says what is wrong, nothing
 * is written over an existing file unless asked, a saved page gives its
 * article body, and the build refuses the draft until its marks are written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleFileError, loadArticleFile } from '../../scripts/articles';
import { DraftInputError, draftCommand } from '../../scripts/draft-command';
import { putinXi } from '../support/article-page';

const work = mkdtempSync(join(tmpdir(), 'isnad-draft-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const file = (name: string, contents: string | Buffer): string => {
  const path = join(work, name);
  writeFileSync(path, contents);
  return path;
};
const draft = (...args: string[]): string[] => draftCommand(args, putinXi.speakers);
/** The one line a bad input gets. */
const refusal = (...args: string[]): string => {
  try {
    draft(...args);
  } catch (error) {
    if (error instanceof DraftInputError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

const report = putinXi.paragraphs.join('\n');

describe('npm run draft', () => {
  it('writes the draft beside the report and says what it found', () => {
    const said = draft(file('report.txt', report));
    expect(said).toEqual([
      expect.stringMatching(
        /^wrote .*report\.json: 14 paragraphs, 12 quotations \(0 with no speaker the text names, 0 new speakers\), 6 claim candidates/,
      ),
    ]);
    expect(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'))).toMatchObject({ lang: 'ar', paragraphs: putinXi.paragraphs });
  });

  it('never writes over an existing file unless asked', () => {
    const out = file('taken.json', '{"kept": true}');
    expect(refusal(file('again.txt', report), '--out', out)).toMatch(/taken\.json exists: nothing written \(--force to write over it\)$/);
    expect(readFileSync(out, 'utf8')).toBe('{"kept": true}');
    draft(join(work, 'again.txt'), '--out', out, '--force', '--id', 'putin-xi', '--date', '2026-02-04');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: 'putin-xi', date: '2026-02-04' });
  });

  it('gives one line for each bad input, and writes nothing', () => {
    expect(refusal(file('empty.txt', ''))).toMatch(/empty\.txt: the file is empty$/);
    expect(refusal(file('latin1.txt', Buffer.from([0x71, 0x61, 0x6c, 0xe9, 0x0a])))).toMatch(/latin1\.txt: not UTF-8 text/);
    expect(refusal(file('english.txt', 'The president said "we agree".'))).toMatch(/english\.txt: no Arabic text: nothing written$/);
    expect(refusal(file('huge.txt', `${report}\n`.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(`${report}\n`)))))).toMatch(
      /huge\.txt: 5\.\d MB is more than one report \(at most 1 MB\): nothing written$/,
    );
    expect(refusal(file('menu.html', '<html><body><nav><p>الرئيسية</p></nav><div>no article</div></body></html>'))).toMatch(
      /menu\.html: the page has no article body with Arabic paragraphs: nothing written$/,
    );
    expect(refusal(join(work, 'missing.txt'))).toMatch(/missing\.txt: no such file$/);
    expect(refusal(file('dated.txt', report), '--date', '4/2/2026')).toBe('--date 4/2/2026: must be YYYY-MM-DD');
    expect(refusal(join(work, 'dated.txt'), '--titel', 'x')).toMatch(/--titel/);
    expect(refusal(join(work, 'dated.txt'), '--out', join(work, 'no-such-folder', 'x.json'))).toMatch(
      /x\.json: cannot be written \(ENOENT\)$/,
    );
  });

  it('drafts a text without quotations or with unpaired marks, and says so', () => {
    expect(draft(file('plain.txt', 'ارتفع حجم التجارة إلى 200 مليار دولار في عام 2025.'))).toContainEqual(
      expect.stringMatching(/plain\.txt: no quotation found: the draft has claim candidates only$/),
    );
    expect(draft(file('open.txt', 'وقال بوتين إن “التعاون مستمر.\nوقال شي إن “الثقة متبادلة”.'))).toContainEqual(
      expect.stringMatching(/open\.txt: quotation marks left unpaired in paragraphs 1: check those quotations$/),
    );
  });

  it("reads a saved page's article body, leaving its menus and scripts out", () => {
    const page = `<!doctype html><html><body><nav><p>الرئيسية</p></nav><article>${putinXi.paragraphs.map((text) => `<p>${text}</p>`).join('')}</article><script>var x = "قال";</script></body></html>`;
    draft(file('page.html', page));
    expect(JSON.parse(readFileSync(join(work, 'page.json'), 'utf8'))).toMatchObject({ paragraphs: putinXi.paragraphs });
    // Read as the extension reads a page: a <br> parts two paragraphs, and hidden text is not text.
    const [first = '', next = ''] = putinXi.paragraphs;
    draft(file('lines.html', `<html><body><main><div>${first}<br>${next}</div><p hidden>نص مخفي</p></main></body></html>`));
    expect(JSON.parse(readFileSync(join(work, 'lines.json'), 'utf8'))).toMatchObject({ paragraphs: [first, next] });
  });

  it('leaves a file the build refuses, naming the file, each JSON path and what is missing', () => {
    draft(file('todo.txt', report), '--out', join(work, 'todo.json'));
    expect(() => loadArticleFile(join(work, 'todo.json'))).toThrow(ArticleFileError);
    expect(() => loadArticleFile(join(work, 'todo.json'))).toThrow(
      /todo\.json: \$\.annotations\[0\]\.translation\.en: draft: the quotation in English/,
    );
  });
});
