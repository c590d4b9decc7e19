/**
 * The benchmark's harness inside the page, bundled by bench/bundle.ts into
 * an IIFE that sets `globalThis.isnadBench`. It keeps the body's HTML as
 * the page was served (in a <template>); before each measured run the
 * runner has the body rebuilt from it (so DOM-mutating peers start clean)
 * with its style computed, and after the run emptied, so that the browser
 * never spends seconds laying out a page nobody measures. What a run keeps alive
 * (ranges, highlights) stays referenced until then, as in the extension.
 */
import articles from 'isnad:articles';
import type { Annotation, Article } from '../src/annotations/schema';
import { anchorAll } from '../src/core/anchor';
import { ignorableMarks, indexArticle } from '../src/core/article-index';
import { detect, precheck } from '../src/core/detect';
import { normalize, toSourceRange } from '../src/core/normalize';
import { words } from '../src/core/tokens';
import { highlightGroups, highlightNames, pageHighlightApi, paint } from '../src/page/paint';
import { domRange, readPageText } from '../src/page/read-text';
import { PageScanner } from '../src/page/scan';
import { apacheAnchorAll } from './peers/apache';
import { hypothesisAnchorAll, type TextQuoteSelector } from './peers/hypothesis';
import { markAll } from './peers/markjs';
import type { FloorResult, IsnadBench, PageInfo, Placements, RunResult, Stages } from './protocol';
import { BENCH_TEMPLATE_ID, STORY_ID } from './story-id';

const article: Article = articles[0] ?? (() => { throw new Error('no bundled article'); })();
const annotations: readonly Annotation[] = article.annotations;
/** What the peers are given: each annotation's TextQuoteSelector from the article file. */
const selectors: readonly TextQuoteSelector[] = annotations.map(({ target }) => ({ exact: target.exact, prefix: target.prefix, suffix: target.suffix }));
const markClass = (index: number): string => `bench-a${index}`;

/** Results kept alive, as the extension keeps its ranges and highlights. */
const kept: unknown[] = [];

const norm = (text: string): string => normalize(text).text.trim();
const story = (): Element => document.getElementById(STORY_ID) ?? document.body;
const inStory = (node: Node): boolean => story().contains(node);

/** Tallies placements, quotes and claims apart. */
function tally(results: readonly { correct: boolean; wrong: boolean }[]): Placements {
  const count = (kind: Annotation['kind'], key: 'correct' | 'wrong'): number =>
    results.filter((result, index) => annotations[index]?.kind === kind && result[key]).length;
  return { quotesCorrect: count('quote', 'correct'), quotesWrong: count('quote', 'wrong'), claimsCorrect: count('claim', 'correct'), claimsWrong: count('claim', 'wrong') };
}

/** One range per annotation (Isnad): right when it lies in the story and holds the annotation's text. */
function checkRanges(ranges: ReadonlyMap<string, Range>): Placements {
  return tally(
    annotations.map((annotation) => {
      const range = ranges.get(annotation.id);
      if (range === undefined) return { correct: false, wrong: false };
      const correct = inStory(range.startContainer) && inStory(range.endContainer) && norm(range.toString()) === norm(annotation.target.exact);
      return { correct, wrong: !correct };
    }),
  );
}

/** Wrapper elements per annotation (the peers): right when those in the story hold its text, once; any outside is wrong. */
function checkMarks(): Placements {
  return tally(
    annotations.map((annotation, index) => {
      const marks = [...document.getElementsByClassName(markClass(index))];
      const inside = marks.filter(inStory);
      const outside = marks.length - inside.length;
      const correct = inside.length > 0 && norm(inside.map((mark) => mark.textContent ?? '').join('')) === norm(annotation.target.exact);
      return { correct, wrong: outside > 0 || (inside.length > 0 && !correct) };
    }),
  );
}

function collectText(): { text: string; nodes: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push((walker.currentNode as Text).data);
  return { text: parts.join(''), nodes: parts.length };
}

/** The body as served, from its <template> (this script comes after it, so it is all parsed). */
const template = document.getElementById(BENCH_TEMPLATE_ID);
const pristine = template instanceof HTMLTemplateElement ? template.innerHTML : document.body.innerHTML;
template?.remove();

function clear(): void {
  kept.length = 0;
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.clear();
  // RegExp's last-match state keeps the last string matched alive (a whole page's text, after the pre-check): reset it.
  /^/.test('');
}

const bench: IsnadBench = {
  /** The body as served, its style computed: what a tool meets on a page that has finished loading. */
  reset(): void {
    clear();
    document.body.innerHTML = pristine;
    // Reading a computed style brings the whole document's style up to date (no tool needs layout).
    void getComputedStyle(document.getElementById(STORY_ID) ?? document.body).display;
    void getComputedStyle(document.body.lastElementChild ?? document.body).display;
  },

  empty(): void {
    clear();
    document.body.replaceChildren();
  },

  info(): PageInfo {
    const { text, nodes } = collectText();
    return { textChars: text.length, textBytes: new TextEncoder().encode(text).length, elements: document.body.getElementsByTagName('*').length, textNodes: nodes };
  },

  /** The least any text-anchoring tool must do: one TreeWalker pass collecting the text of every text node. */
  floor(): FloorResult {
    const started = performance.now();
    const { text } = collectText();
    const ms = performance.now() - started;
    kept.push(text);
    return { ms, chars: text.length };
  },

  /** What the content script does on a scan (Annotator.scan): read, match, ranges, paint. */
  isnad(): RunResult {
    const api = pageHighlightApi();
    const names = highlightNames(articles);
    const scanner = new PageScanner(articles); // the content script builds it once, at start-up
    const started = performance.now();
    const scan = scanner.scan(document.body);
    const found = articles.find((candidate) => candidate.id === scan.found?.articleId);
    const placed = [...scan.ranges]
      .map(([id, range]) => ({ id, range }))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    const texts = placed.map(({ range }) => range.toString());
    const groups = found === undefined ? new Map<string, Range[]>() : highlightGroups(found, scan.ranges);
    if (api !== undefined) paint(api, names, groups);
    const ms = performance.now() - started;
    kept.push({ scanner, scan, placed, texts, groups });
    return { ms, ...checkRanges(scan.ranges) };
  },

  /** The same pipeline as matchArticle and PageScanner.scan, stage by stage, then diagnostics on the same page. */
  stages(): Stages {
    let started = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const ms = now - started;
      started = now;
      return ms;
    };
    const index = indexArticle(article);
    const indexMs = lap();
    const page = readPageText(document.body);
    const readPageTextMs = lap();
    const prechecked = precheck(index, page.text);
    const precheckMs = lap();
    let later: Partial<Stages> = {};
    let normalized: ReturnType<typeof normalize> | undefined;
    if (prechecked) {
      normalized = normalize(page.text);
      const normalizeMs = lap();
      const detection = detect(index, normalized);
      const detectMs = lap();
      later = { normalizeMs, detectMs, found: detection.found, normalizedChars: normalized.text.length, pageWords: detection.pageWords.count };
      if (detection.found) {
        const anchoring = anchorAll(index, normalized.text, detection);
        const anchorMs = lap();
        const source = anchoring.placed.map((placed) => ({ id: placed.id, range: toSourceRange(normalized as ReturnType<typeof normalize>, placed.start, placed.end) }));
        const toSourceMs = lap();
        const ranges = new Map<string, Range>();
        for (const { id, range: [start, end] } of source) {
          const range = domRange(page, start, end);
          if (range !== undefined) ranges.set(id, range);
        }
        const domRangeMs = lap();
        const api = pageHighlightApi();
        if (api !== undefined) paint(api, highlightNames(articles), highlightGroups(article, ranges));
        const paintMs = lap();
        // Diagnostic: anchoring on the text cut after the article, to see what of its cost comes from the rest of the page.
        const last = Math.max(...detection.paragraphs.map((paragraph) => paragraph.end));
        lap();
        anchorAll(index, normalized.text.slice(0, last + 1000), detection);
        const anchorCutMs = lap();
        later = { ...later, anchorMs, toSourceMs, domRangeMs, paintMs, anchorCutMs };
        kept.push(ranges);
      }
    }

    // Diagnostics: the same read without getComputedStyle, and getComputedStyle alone.
    lap();
    readPageText(document.body, () => '');
    const readPageTextWithoutStyleMs = lap();
    let displays = 0;
    for (const element of document.body.getElementsByTagName('*')) displays += getComputedStyle(element).display.length;
    const computedStyleLoopMs = lap();
    if (normalized !== undefined) {
      const text = normalized.text;
      const pageWords = words(text);
      const wordsMs = lap();
      // detect's pageWordIds loop, re-run: one substring and one Map lookup per page word.
      let known = 0;
      for (let word = 0; word < pageWords.count; word += 1) if (index.vocabulary.has(text.slice(pageWords.starts[word], pageWords.ends[word]))) known += 1;
      const wordLookupMs = lap();
      later = { ...later, wordsMs, wordLookupMs };
      kept.push(known);
    }
    kept.push(displays);
    const probesFound = index.probes.filter((probe) => page.text.includes(probe)).length;
    const marksOnPage = new RegExp(ignorableMarks.source).test(page.text);
    return {
      indexMs,
      readPageTextMs,
      precheckMs,
      prechecked,
      ...later,
      readPageTextWithoutStyleMs,
      computedStyleLoopMs,
      pageChars: page.text.length,
      probesFound,
      probes: index.probes.length,
      marksOnPage,
    };
  },

  hypothesis(): RunResult {
    const started = performance.now();
    const highlights = hypothesisAnchorAll(document.body, selectors, markClass);
    const ms = performance.now() - started;
    kept.push(highlights);
    return { ms, ...checkMarks() };
  },

  async 'apache-annotator'(): Promise<RunResult> {
    const started = performance.now();
    await apacheAnchorAll(document.body, selectors, (index) => ({ class: markClass(index) }));
    const ms = performance.now() - started;
    return { ms, ...checkMarks() };
  },

  'mark.js'(): RunResult {
    const started = performance.now();
    kept.push(markAll(document.body, selectors, markClass));
    const ms = performance.now() - started;
    return { ms, ...checkMarks() };
  },
};

globalThis.isnadBench = bench;
