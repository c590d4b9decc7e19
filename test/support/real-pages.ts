/**
 * The real news pages in ../shared/fixtures/real-pages (see its SOURCE.md),
 * used as page templates: stripped of what fetches or runs, and with the
 * article put into their story.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/paths';
import type { Article } from '../../src/article/schema';

export const realPagesDir = join(projectRoot, '..', 'shared', 'fixtures', 'real-pages');
export const realPagesPresent = existsSync(realPagesDir);

/** Each page and the element holding its story's paragraphs, found by reading the file. */
export const realPages = [
  { file: 'bbc-1.html', name: 'BBC', story: '.story-body__inner' },
  { file: 'cnn.html', name: 'CNN', story: '#storytext' },
  { file: 'nytimes-1.html', name: 'The New York Times', story: '#story .story-body-1' },
  { file: 'lemonde-1.html', name: 'Le Monde', story: '#articleBody' },
  { file: 'folha.html', name: 'Folha', story: '[itemprop=articleBody]' },
  { file: 'herald-sun-1.html', name: 'Herald Sun', story: '.story-body' },
] as const;

/** Elements that fetch or run something: the test machines have no network. */
const FETCHING =
  'script, iframe, frame, frameset, link, img, picture, source, video, audio, track, object, embed, applet, base, meta[http-equiv]';

/** Removes what would fetch or run from a parsed page, event-handler attributes included. */
export function stripPage(document: Document): void {
  for (const element of document.querySelectorAll(FETCHING)) element.remove();
  for (const element of document.querySelectorAll('*')) {
    for (const { name } of [...element.attributes]) if (name.startsWith('on')) element.removeAttribute(name);
  }
}

/** Whether a style rule can decide an element's display: it sets display, resets it (all), or sets a custom property a display may read (var()). */
function mayDecideDisplay(style: CSSStyleDeclaration): boolean {
  for (let at = 0; at < style.length; at += 1) {
    const property = style.item(at);
    if (property === 'display' || property === 'all' || property.startsWith('--')) return true;
  }
  return false;
}

/**
 * Deletes, from a sheet or a grouping rule, the rules that cannot decide an element's display. Grouping rules
 * (@media, @supports, @layer, @container, and in jsdom a style rule, which may hold nested rules) stay while they
 * hold one that can; fonts and animations go; other at-rules (@namespace, which selectors depend on) stay.
 */
function pruneRules(parent: CSSStyleSheet | CSSGroupingRule): void {
  for (let at = parent.cssRules.length - 1; at >= 0; at -= 1) {
    const rule = parent.cssRules.item(at);
    if (rule instanceof CSSGroupingRule) pruneRules(rule);
    const decides =
      (rule instanceof CSSStyleRule && mayDecideDisplay(rule.style)) || (rule instanceof CSSGroupingRule && rule.cssRules.length > 0);
    const prunable =
      rule instanceof CSSStyleRule ||
      rule instanceof CSSGroupingRule ||
      rule instanceof CSSFontFaceRule ||
      rule instanceof CSSKeyframesRule;
    if (prunable && !decides) parent.deleteRule(at);
  }
}

/**
 * Leaves in the live document's stylesheets only the rules that can decide an element's display, all that reading
 * a page's text asks of its styles (read-text.ts): what is hidden is what it was. jsdom's getComputedStyle matches
 * every rule of every sheet against each element it is asked of, and most of a real page's rules are of colours,
 * fonts and boxes: they were most of the time a read took.
 */
export function keepDisplayRules(document: Document): void {
  for (const sheet of document.styleSheets) pruneRules(sheet);
}

/** Puts the article's paragraphs into the story, before its middle paragraph; returns how many story paragraphs there were. */
export function insertArticle(document: Document, article: Article, story: string): number {
  const container = document.querySelector(story);
  if (container === null) throw new Error(`no element matches ${story}`);
  const paragraphs = container.querySelectorAll(':scope > p');
  const before = paragraphs[Math.floor(paragraphs.length / 2)] ?? null;
  article.paragraphs.forEach((text, paragraph) => {
    const p = document.createElement('p');
    p.lang = 'ar';
    p.dir = 'rtl';
    p.textContent = text;
    p.dataset['paragraph'] = String(paragraph);
    container.insertBefore(p, before);
  });
  return paragraphs.length;
}

/**
 * Runs `read` without stack traces on errors. Loading and reading a real page, jsdom makes an error of every
 * stylesheet rule it cannot parse and every selector it cannot match, each time it meets it, and reports or
 * catches them all: capturing their stacks was a fifth to a third of the time. An error `read` throws keeps its
 * message.
 */
export function withoutStackTraces<T>(read: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return read();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
