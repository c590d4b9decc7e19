/**
 * Is the article on this page? Pure: works on the page's text.
 *
 * The article is on the page when at least half of its reference text
 * (normalised, counted in characters) is found there, paragraph by paragraph
 * in any order. A reference word counts as found when a run of SHINGLE_WORDS
 * words around it appears on the page; a paragraph counts when at least half
 * of it is found. So another report that shares names, figures and stock
 * phrases, or a commentary quoting a sentence or two, stays well below half.
 */
import { shingleKey, type ArticleIndex } from './article-index';
import type { NormalizedText } from './normalize';
import { scanProbes, type ProbeHits } from './probes';
import { words, type Words } from './tokens';
import { itemAt } from './item-at';

/** Share of the article (by characters) that must be on the page. */
export const ARTICLE_THRESHOLD = 0.5;
/** Share of a paragraph that must be on the page for the paragraph to count. */
export const PARAGRAPH_THRESHOLD = 0.5;
/** Words a copy of a paragraph may stretch beyond its length (insertions, ads inside a paragraph). */
const SLACK_WORDS = 20;
export interface Precheck {
  /** Whether the text may hold the article, and so is read further. */
  readonly passed: boolean;
  /** Which of the article's probes the text holds, and where: where to read it. */
  readonly hits: ProbeHits;
}

/**
 * The pre-check, on a page's raw text: too short a text, or one without
 * most of the article's probes, is not the article.
 */
export function precheck(index: ArticleIndex, rawPageText: string): Precheck {
  const hits = scanProbes(index.probes, rawPageText);
  return { passed: rawPageText.length >= index.totalWeight * ARTICLE_THRESHOLD && hits.distinct >= index.probes.needed, hits };
}

export interface ParagraphOnPage {
  /** Index in the article's paragraphs. */
  readonly index: number;
  /** Share of the paragraph found, 0 to 1. */
  readonly coverage: number;
  /** Where the copy chosen for anchoring sits in the normalised page text. */
  readonly start: number;
  readonly end: number;
}

export interface Detection {
  readonly found: boolean;
  /** Share of the article found on the page, 0 to 1, counting paragraphs that are at least half there. */
  readonly coverage: number;
  /** The paragraphs found, in article order. */
  readonly paragraphs: readonly ParagraphOnPage[];
  /** Reference word → page word of its chosen copy, or -1: what anchoring starts from. */
  readonly pageWordOf: Int32Array;
  readonly pageWords: Words;
}

/** Word ids of the page's words, -1 for words the article does not use. */
function pageWordIds(index: ArticleIndex, text: string, pageWords: Words): Int32Array {
  const ids = new Int32Array(pageWords.count);
  const { vocabulary } = index;
  for (let word = 0; word < pageWords.count; word += 1) {
    ids[word] = vocabulary.get(text.slice(pageWords.starts[word], pageWords.ends[word])) ?? -1;
  }
  return ids;
}

interface Hit {
  readonly referenceWord: number;
  readonly pageWord: number;
  readonly length: number;
}

/** A copy of one paragraph on the page: the hits that cluster together. */
interface Copy {
  readonly hits: Hit[];
  covered: number;
  readonly firstPageWord: number;
  lastPageWord: number;
  /** The furthest reference word reached so far: a copy reads the paragraph forwards. */
  lastReferenceWord: number;
  /** Page word minus reference word at the copy's last hit: the alignment it follows. */
  shift: number;
}

export function detect(index: ArticleIndex, page: NormalizedText): Detection {
  const text = page.text;
  const pageWords = words(text);
  const ids = pageWordIds(index, text, pageWords);
  const paragraphCount = index.paragraphWords.length;

  // Every shingle of the page that the article has, grouped by the article's paragraph.
  const hitsByParagraph: Hit[][] = Array.from({ length: paragraphCount }, () => []);
  for (const length of index.shingleLengths) {
    let run = 0; // consecutive article words ending here
    for (let word = 0; word < pageWords.count; word += 1) {
      run = itemAt(ids, word) < 0 ? 0 : run + 1;
      if (run < length) continue;
      const first = word - length + 1;
      const starts = index.shingles.get(shingleKey(ids, first, length));
      if (starts === undefined) continue;
      for (const referenceWord of starts) {
        const paragraph = itemAt(index.paragraphOf, referenceWord);
        const words = index.paragraphWords[paragraph];
        // A short paragraph's whole-paragraph shingle only; a long one's regular shingles only.
        if (words !== undefined && Math.min(length, words.end - words.first) === length) {
          hitsByParagraph[paragraph]?.push({ referenceWord, pageWord: first, length });
        }
      }
    }
  }

  const copies = hitsByParagraph.map((hits, paragraph) => copiesOf(index, paragraph, hits));
  const chosen = chooseCopies(copies);

  const pageWordOf = new Int32Array(index.words.count).fill(-1);
  const paragraphs: ParagraphOnPage[] = [];
  let coveredWeight = 0;
  chosen.forEach((copy, paragraph) => {
    if (copy === undefined) return;
    let weight = 0;
    for (const hit of copy.hits) {
      for (let offset = 0; offset < hit.length; offset += 1) {
        const referenceWord = hit.referenceWord + offset;
        if (pageWordOf[referenceWord] !== -1) continue;
        pageWordOf[referenceWord] = hit.pageWord + offset;
        weight += itemAt(index.words.ends, referenceWord) - itemAt(index.words.starts, referenceWord) + 1;
      }
    }
    const coverage = weight / itemAt(index.paragraphWeight, paragraph);
    if (coverage < PARAGRAPH_THRESHOLD) {
      const words = index.paragraphWords[paragraph];
      if (words !== undefined) pageWordOf.fill(-1, words.first, words.end);
      return;
    }
    coveredWeight += weight;
    paragraphs.push({
      index: paragraph,
      coverage: Math.min(1, coverage),
      start: itemAt(pageWords.starts, copy.firstPageWord),
      end: itemAt(pageWords.ends, copy.lastPageWord),
    });
  });

  const coverage = coveredWeight / index.totalWeight;
  return { found: coverage >= ARTICLE_THRESHOLD, coverage, paragraphs, pageWordOf, pageWords };
}

/**
 * The copies of a paragraph on the page. A hit continues the current copy
 * when it is near on the page and either keeps the copy's alignment (edits
 * shift it a little) or reads on in the paragraph (an inserted box shifts it
 * a lot); a hit that starts the paragraph over is another copy (a standfirst
 * and the body, even close together).
 */
function copiesOf(index: ArticleIndex, paragraph: number, hits: Hit[]): Copy[] {
  const words = index.paragraphWords[paragraph];
  if (words === undefined || hits.length === 0) return [];
  const span = words.end - words.first;
  hits.sort((a, b) => a.pageWord - b.pageWord || a.referenceWord - b.referenceWord);
  const copies: Copy[] = [];
  let current: Copy | undefined;
  for (const hit of hits) {
    const shift = hit.pageWord - hit.referenceWord;
    // The paragraph's first words again, after the copy has read past them: a copy of its own (a pull quote, then the body).
    const startsOver =
      current !== undefined && hit.referenceWord === words.first && current.lastReferenceWord >= hit.referenceWord + hit.length;
    const continues =
      current !== undefined &&
      !startsOver &&
      hit.pageWord - current.lastPageWord <= span + SLACK_WORDS &&
      (Math.abs(shift - current.shift) <= SLACK_WORDS || hit.referenceWord >= current.lastReferenceWord - hit.length);
    if (current === undefined || !continues) {
      current = {
        hits: [],
        covered: 0,
        firstPageWord: hit.pageWord,
        lastPageWord: hit.pageWord,
        lastReferenceWord: hit.referenceWord,
        shift,
      };
      copies.push(current);
    }
    current.hits.push(hit);
    current.lastPageWord = Math.max(current.lastPageWord, hit.pageWord + hit.length - 1);
    current.lastReferenceWord = Math.max(current.lastReferenceWord, hit.referenceWord + hit.length - 1);
    current.shift = shift;
  }
  for (const copy of copies) {
    const covered = new Set<number>();
    for (const hit of copy.hits) for (let offset = 0; offset < hit.length; offset += 1) covered.add(hit.referenceWord + offset);
    copy.covered = covered.size;
  }
  return copies;
}

/**
 * One copy per paragraph: the fullest; between copies about as full, the one
 * nearest the middle of the other paragraphs, so that the body wins over a
 * standfirst or a pull quote repeating it.
 */
function chooseCopies(copies: readonly Copy[][]): (Copy | undefined)[] {
  const fullest = copies.map((list) =>
    list.reduce<Copy | undefined>((best, copy) => (best === undefined || copy.covered > best.covered ? copy : best), undefined),
  );
  const middles = fullest
    .filter((copy): copy is Copy => copy !== undefined)
    .map((copy) => (copy.firstPageWord + copy.lastPageWord) / 2)
    .sort((a, b) => a - b);
  // No copy of any paragraph: nothing to choose between.
  if (middles.length === 0) return fullest;
  const median = itemAt(middles, Math.floor(middles.length / 2));
  return copies.map((list, paragraph) => {
    const best = fullest[paragraph];
    if (best === undefined || list.length < 2) return best;
    const rivals = list.filter((copy) => copy.covered >= best.covered * 0.9);
    const distance = (copy: Copy): number => Math.abs((copy.firstPageWord + copy.lastPageWord) / 2 - median);
    return rivals.reduce((nearest, copy) => (distance(copy) < distance(nearest) ? copy : nearest));
  });
}
