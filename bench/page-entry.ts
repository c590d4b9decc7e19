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
import type { Annotation, Article } from '../src/article/schema';
import { indexArticle } from '../src/engine/article-index';
import { normalize } from '../src/engine/normalize';
import { Annotator } from '../src/page/annotator';
import { pageHighlightApi } from '../src/page/paint';
import { scanPage, type ScanStage } from '../src/page/scan';
import { ChangeCollector } from '../src/detector/watch';
import { catalogueEntries } from '../src/engine/catalogue-entry';
import { CatalogueIndex, writeCatalogueIndex } from '../src/engine/catalogue-index';
import { precheck } from '../src/engine/detect';
import { sampledKeys } from '../src/engine/probes';
import { apacheAnchorAll } from './peers/apache';
import { hypothesisAnchorAll, type TextQuoteSelector } from './peers/hypothesis';
import { markAll } from './peers/markjs';
import type { FloorResult, IsnadBench, PageInfo, Placements, RescanResult, RunResult, Stages } from './protocol';
import { BENCH_TEMPLATE_ID, STORY_ID } from './story-id';

const article: Article =
  articles[0] ??
  (() => {
    throw new Error('no bundled article');
  })();
const annotations: readonly Annotation[] = article.annotations;
/** What the peers are given: each annotation's TextQuoteSelector from the article file. */
const selectors: readonly TextQuoteSelector[] = annotations.map(({ target }) => ({
  exact: target.exact,
  prefix: target.prefix,
  suffix: target.suffix,
}));
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
  return {
    quotesCorrect: count('quote', 'correct'),
    quotesWrong: count('quote', 'wrong'),
    claimsCorrect: count('claim', 'correct'),
    claimsWrong: count('claim', 'wrong'),
  };
}

/** One range per annotation (Isnad): right when it lies in the story and holds the annotation's text. */
function checkRanges(ranges: ReadonlyMap<string, Range>): Placements {
  return tally(
    annotations.map((annotation) => {
      const range = ranges.get(annotation.id);
      if (range === undefined) return { correct: false, wrong: false };
      const correct =
        inStory(range.startContainer) && inStory(range.endContainer) && norm(range.toString()) === norm(annotation.target.exact);
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
      const correct = inside.length > 0 && norm(inside.map((mark) => mark.textContent).join('')) === norm(annotation.target.exact);
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

/** The content script's annotator, made anew for each rebuilt page (as the content script makes it once per page), before any clock starts. */
let annotator: Annotator | undefined;
const newAnnotator = (): Annotator =>
  new Annotator({ document, highlights: pageHighlightApi(), lang: 'en', message: () => '', onScan: () => undefined }, articles);

/** The catalogue's detection index, as the background reads it from the package: what judges a change. */
const catalogue = new CatalogueIndex(writeCatalogueIndex(catalogueEntries(articles)).buffer as ArrayBuffer);

/** About 1 KB (UTF-8) of the page's own text outside the story, for a change that adds text. */
function kilobyteOfText(): string {
  const parts: string[] = [];
  let bytes = 0;
  for (const paragraph of document.body.querySelectorAll('p, li')) {
    if (inStory(paragraph)) continue;
    const text = paragraph.textContent;
    parts.push(text);
    bytes += new TextEncoder().encode(text).length;
    if (bytes >= 1024) break;
  }
  return parts.join(' ');
}

const bench: IsnadBench = {
  /** The body as served, its style computed: what a tool meets on a page that has finished loading. */
  reset(): void {
    clear();
    annotator = undefined;
    document.body.innerHTML = pristine;
    // Reading a computed style brings the whole document's style up to date (no tool needs layout).
    getComputedStyle(document.getElementById(STORY_ID) ?? document.body).getPropertyValue('display');
    getComputedStyle(document.body.lastElementChild ?? document.body).getPropertyValue('display');
    annotator = newAnnotator();
  },

  empty(): void {
    clear();
    annotator = undefined;
    document.body.replaceChildren();
  },

  info(): PageInfo {
    const { text, nodes } = collectText();
    return {
      textChars: text.length,
      textBytes: new TextEncoder().encode(text).length,
      elements: document.body.getElementsByTagName('*').length,
      textNodes: nodes,
    };
  },

  /** The least any text-anchoring tool must do: one TreeWalker pass collecting the text of every text node. */
  floor(): FloorResult {
    const started = performance.now();
    const { text } = collectText();
    const ms = performance.now() - started;
    kept.push(text);
    return { ms, chars: text.length };
  },

  /** What the content script does on a scan: Annotator.scan (scanPage, the ranges sorted and read, highlights registered). */
  isnad(): RunResult {
    const scanner = annotator ?? newAnnotator();
    const started = performance.now();
    const scan = scanner.scan();
    const ms = performance.now() - started;
    return { ms, ...checkRanges(scan.articles[0]?.ranges ?? new Map<string, Range>()) };
  },

  /**
   * After a scan, a change that adds about 1 KB of text outside the story: what judging it costs (the nodes
   * gathered from the records, their text's sampled phrases, and the catalogue's judgement, which the background makes).
   */
  rescan(): RescanResult {
    const seen = catalogue.lookUp(sampledKeys(document.body.textContent), 0).seen;
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const added = document.createElement('p');
    added.textContent = kilobyteOfText();
    document.body.append(added);
    const records = observer.takeRecords();
    observer.disconnect();
    const started = performance.now();
    const collector = new ChangeCollector();
    collector.collect(records);
    const text = collector
      .take()
      .nodes.map((node) => node.textContent ?? '')
      .join('\n');
    const rescans = catalogue.judgeAdded(sampledKeys(text), seen).worth;
    const ms = performance.now() - started;
    return { ms, rescans, addedBytes: new TextEncoder().encode(added.textContent).length };
  },

  /** scanPage's own stages, timed as each ends. */
  stages(): Stages {
    let started = performance.now();
    const index = indexArticle(article);
    const indexMs = performance.now() - started;
    const times: Partial<Record<ScanStage, number>> = {};
    started = performance.now();
    const scan = scanPage(document.body, [index], {
      onStage: (stage) => {
        const now = performance.now();
        times[stage] = (times[stage] ?? 0) + now - started;
        started = now;
      },
    });
    kept.push(scan);
    return {
      indexMs,
      nativeMs: times.native ?? 0,
      precheckMs: times.precheck ?? 0,
      ...(times.locate === undefined ? {} : { locateMs: times.locate }),
      ...(times.read === undefined ? {} : { readMs: times.read }),
      ...(times.match === undefined ? {} : { matchMs: times.match }),
      ...(times.ranges === undefined ? {} : { rangesMs: times.ranges }),
      outcome: scan.outcome,
      nativeChars: scan.nativeChars,
      readChars: scan.readChars,
      probesFound: precheck(index, document.body.textContent).hits.distinct,
      probes: index.probes.phrases.length,
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
