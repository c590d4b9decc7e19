/** What `npm run draft` does (scripts/draft.ts runs it): reads a report, writes its draft article file, says what it did. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { draftArticle, paragraphsOf } from '../src/authoring/draft';
import { BLOCK_BREAK } from '../src/engine/arabic';
import { readPageText } from '../src/page/read-text';
import type { Speaker } from '../src/article/schema';

/** More than this is not one report: the draft would be of no use, and its reading unbounded. */
const MOST_BYTES = 1024 * 1024;
const ARABIC = /[\u0621-\u064a]/u;

/** Input the draft cannot be made from: its message is the one line the person is told. */
export class DraftInputError extends Error {}

/**
 * The paragraphs of a saved page's article body, read as the extension reads a news page (`readPageText`: visible
 * text, a break at every block): the blocks of its <article> (or <main>, or body) that hold Arabic, with the
 * page's navigation, header, footer, asides and forms left out.
 */
export function pageParagraphs(html: string): string[] {
  const { document } = new JSDOM(html).window;
  for (const around of document.querySelectorAll('nav, header, footer, aside, form, figure')) around.remove();
  const body = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  return readPageText(body)
    .text.split(BLOCK_BREAK)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => ARABIC.test(block));
}

/** The report's text, or the paragraphs of a saved page's article body; `shown` is the path as the person gave it. */
function readReport(path: string, shown: string): string {
  if (!existsSync(path)) throw new DraftInputError(`${shown}: no such file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DraftInputError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length === 0) throw new DraftInputError(`${shown}: the file is empty`);
  if (bytes.length > MOST_BYTES)
    throw new DraftInputError(
      `${shown}: ${(bytes.length / MOST_BYTES).toFixed(1)} MB is more than one report (at most 1 MB): nothing written`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DraftInputError(`${shown}: not UTF-8 text; save it as UTF-8 and try again`);
  }
  const html = /\.html?$/i.test(path) || /^\s*<(?:!doctype|html)/i.test(text);
  if (!html) return text;
  const paragraphs = pageParagraphs(text);
  if (paragraphs.length === 0) throw new DraftInputError(`${shown}: the page has no article body with Arabic paragraphs: nothing written`);
  return paragraphs.join('\n');
}

/** The options as given, or the one line that says which is wrong. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new DraftInputError((error as Error).message);
  }
}

/** The command on its arguments: writes the draft and returns what to tell the person, line by line; bad input throws DraftInputError. */
export function draftCommand(args: readonly string[], knownSpeakers: readonly Speaker[]): string[] {
  const { values, positionals } = parsed(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        id: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        url: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    }),
  );
  const [input] = positionals;
  if (input === undefined || positionals.length > 1)
    throw new DraftInputError(
      'usage: npm run draft -- REPORT.txt|REPORT.html [--out FILE.json] [--id ID --title T --date YYYY-MM-DD --url U] [--force]',
    );
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new DraftInputError(`--date ${values.date}: must be YYYY-MM-DD`);
  const path = resolve(input);
  const text = readReport(path, input);
  if (!ARABIC.test(text)) throw new DraftInputError(`${input}: no Arabic text: nothing written`);
  const out = resolve(values.out ?? join(dirname(path), `${basename(path, extname(path))}.json`));
  if (existsSync(out) && !values.force)
    throw new DraftInputError(`${relative(process.cwd(), out)} exists: nothing written (--force to write over it)`);

  const draft = draftArticle(text, { id: values.id, title: values.title, date: values.date, url: values.url, knownSpeakers });
  try {
    writeFileSync(out, `${JSON.stringify(draft.file, null, 2)}\n`);
  } catch (error) {
    throw new DraftInputError(`${relative(process.cwd(), out)}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { counts } = draft;
  const paragraphs = paragraphsOf(text);
  const lineOf = (offset: number): number => paragraphs.join('\n').slice(0, offset).split('\n').length;
  const said = [
    `wrote ${relative(process.cwd(), out)}: ${counts.paragraphs} paragraphs, ${counts.quotations} quotations ` +
      `(${counts.unknownSpeakers} with no speaker the text names, ${counts.newSpeakers} new speakers), ${counts.claimCandidates} claim candidates; ` +
      'each "$draft" is for you to write or confirm: npm run build lists those left',
  ];
  if (counts.quotations === 0) said.push(`${input}: no quotation found: the draft has claim candidates only`);
  if (counts.unbalanced.length > 0)
    said.push(
      `${input}: quotation marks left unpaired in paragraphs ${[...new Set(counts.unbalanced.map(lineOf))].join(', ')}: check those quotations`,
    );
  return said;
}
