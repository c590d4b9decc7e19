/**
 * npm run pages:update: rebuilds the page corpus in test/pages from its
 * recipes (test/pages/cases.ts) and rewrites every case's expected.json from
 * the current engine, so that a change of behaviour shows as a diff to
 * review. Case folders without a recipe (hand-written pages) keep their
 * page.html and get a new expected.json. Real cases need
 * ../shared/fixtures/real-pages; without it they are left as they are.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cases, pagesDir, showCase } from '../test/pages/cases';
import { bundledIndexes, pageOutcome, showHtml } from '../test/pages/outcome';
import { realPagesPresent } from '../test/support/real-pages';
import { projectRoot } from './paths';

// The builders and the engine work on the global DOM (when called, never as they load), as in the tests' jsdom environment (same URL, same visual mode).
// CSS the parser skips (as browsers do) is not worth a line each: the real pages have plenty.
const dom = new JSDOM('<!DOCTYPE html>', {
  url: 'http://localhost:3000',
  pretendToBeVisual: true,
  virtualConsole: new VirtualConsole().forwardTo(console, { jsdomErrors: ['unhandled-exception', 'not-implemented', 'resource-loading'] }),
});
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  Node: dom.window.Node,
  NodeFilter: dom.window.NodeFilter,
  Element: dom.window.Element,
  Range: dom.window.Range,
  DOMParser: dom.window.DOMParser,
});

const BLANK = '<!DOCTYPE html><html><head></head><body></body></html>';

/** Elements after whose end tag the page breaks the line: whitespace between blocks, so the file reads and diffs by block. */
const LINE_AFTER = /(<\/(?:p|h[1-6]|div|aside|ul|ol|li|nav|header|main|footer|article|section|style|script|noscript|template|head)>)/g;

/** The built page as a file: Arabic, right to left, titled by its case. */
function pageHtml(name: string): string {
  const { documentElement, head } = document;
  documentElement.lang = 'ar';
  documentElement.dir = 'rtl';
  const charset = document.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  head.replaceChildren(charset, Object.assign(document.createElement('title'), { textContent: name }));
  // A <template>'s markup is its content: the builders' template holds its text as a child, which would not be written.
  for (const template of document.querySelectorAll('template')) template.content.append(...template.childNodes);
  return `<!DOCTYPE html>\n${documentElement.outerHTML.replace(LINE_AFTER, '$1\n')}\n`;
}

/** JSON with keys sorted at every level, and the invisible characters the pages use written as escapes, so a diff shows them. */
function stableJson(value: unknown): string {
  const sorted = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(sorted)
      : typeof item === 'object' && item !== null
        ? Object.fromEntries(
            Object.entries(item)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([key, entry]) => [key, sorted(entry)]),
          )
        : item;
  const text = JSON.stringify(sorted(value), null, 2);
  return `${text.replace(/[\u00a0\u00ad\u0640\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const indexes = bundledIndexes();
const recipes = new Map(cases.map((entry) => [entry.name, entry]));
const folders = readdirSync(pagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const names = [...new Set([...recipes.keys(), ...folders])].sort();
let skipped = 0;

for (const name of names) {
  const dir = join(pagesDir, name);
  const recipe = recipes.get(name);
  mkdirSync(dir, { recursive: true });
  showHtml(BLANK);
  if (recipe?.kind === 'built') {
    recipe.build();
    writeFileSync(join(dir, 'page.html'), pageHtml(name));
  } else if (recipe?.kind === 'real') {
    if (!realPagesPresent) {
      skipped += 1;
      continue;
    }
    writeFileSync(join(dir, 'source.json'), stableJson({ realPage: recipe.file, covers: recipe.covers }));
  }
  showCase(name);
  writeFileSync(join(dir, 'expected.json'), stableJson(pageOutcome(indexes)));
}

// The README's list of cases, between its markers, from the recipes; set off by blank lines, as Prettier writes Markdown.
const readme = join(pagesDir, 'README.md');
const list = names.map((name) => `- \`${name}\`: ${recipes.get(name)?.covers ?? 'a hand-written page'}`).join('\n');
const text = readFileSync(readme, 'utf8').replace(/(<!-- cases -->\n)[\s\S]*?(<!-- \/cases -->)/, `$1\n${list}\n\n$2`);
writeFileSync(readme, text);

console.log(
  `${relative(projectRoot, pagesDir)}: ${names.length - skipped} cases written${skipped > 0 ? `, ${skipped} real cases left as they were (no ../shared/fixtures/real-pages)` : ''}`,
);
