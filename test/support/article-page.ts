/**
 * Builds news-like DOM pages from an article, for the engine tests: a news
 * layout, ads and related boxes, inline elements cutting through words and
 * quotes, <br>-separated paragraphs, a standfirst, edited words, orthographic
 * variants, and hidden copies that must not count. Deterministic: every
 * random choice comes from `seed`, or is given explicitly (property tests
 * drive the explicit options with fast-check).
 *
 * The builder tracks each annotation through edits and variants, so a test
 * knows the text and the DOM range where the annotation really is on the page.
 * Pages are built with document.createElement (no HTML parsing) in the jsdom
 * `document`, whose window computes styles: display:none must be seen.
 */
import type { Annotation, Article } from '../../src/article/schema';
import { checkArticle } from '../../src/engine/validate-article';
import type { Placed, Unplaced } from '../../src/engine/anchor';
import { indexArticle, type ArticleIndex } from '../../src/engine/article-index';
import type { PageVerdict } from '../../src/engine/match';
import { normalize } from '../../src/engine/normalize';
import { placeInReference, referenceText } from '../../src/article/text-quote';
import { words } from '../../src/engine/tokens';
import { OWN_UI_ATTRIBUTE } from '../../src/shared/own-ui';
import { scanPage, type ArticleScan, type Scan } from '../../src/page/scan';
import { computedDisplay, type DisplayOf } from '../../src/page/read-text';
import putinXiJson from '../../src/article/articles/putin-xi-video-call-2026-02-04.json';
import cityLibraryJson from '../fixtures/second-article.json';
import { randomFrom, type Random } from '../../testkit/random';

// ---------------------------------------------------------------- articles

/** A validated article from parsed JSON; throws with the problems otherwise. */
export function loadArticle(json: unknown): Article {
  const checked = checkArticle(json);
  if (!checked.ok) throw new Error(`invalid article: ${JSON.stringify(checked.problems)}`);
  return checked.article;
}

/** The project's article (JSON imports widen literal types, so it goes through the checker). */
export const putinXi: Article = loadArticle(putinXiJson);

/** A second article, known to the tests only (a municipal story, test/fixtures/second-article.json): a page may carry it beside the first. */
export const cityLibrary: Article = loadArticle(cityLibraryJson);

/**
 * The article with some of its annotations renamed (old id → new id),
 * checked again: ids are unique within an article only, so two articles may
 * well share one.
 */
export function withAnnotationIds(article: Article, renames: Readonly<Record<string, string>>): Article {
  for (const id of Object.keys(renames)) {
    if (!article.annotations.some((annotation) => annotation.id === id)) throw new Error(`${article.id} has no annotation ${id}`);
  }
  return loadArticle({
    ...article,
    annotations: article.annotations.map((annotation) => ({ ...annotation, id: renames[annotation.id] ?? annotation.id })),
  });
}

const indexes = new WeakMap<Article, ArticleIndex>();
/** indexArticle, once per article object. */
export function indexOf(article: Article): ArticleIndex {
  let index = indexes.get(article);
  if (index === undefined) indexes.set(article, (index = indexArticle(article)));
  return index;
}

/** Normalised text, as the engine compares it. */
export const norm = (text: string): string => normalize(text).text;

const weights = new Map<string, number>();
/** The engine's measure of text: normalised word characters plus one per word. Remembered: generators ask it of the same paragraphs over and over. */
export function textWeight(text: string): number {
  let weight = weights.get(text);
  if (weight === undefined) {
    const found = words(norm(text));
    weight = 0;
    for (let word = 0; word < found.count; word += 1) weight += (found.ends[word] ?? 0) - (found.starts[word] ?? 0) + 1;
    weights.set(text, weight);
  }
  return weight;
}

/** Share of the article's text (by the engine's measure) in the given paragraphs. */
export function articleShare(article: Article, paragraphs: readonly number[]): number {
  const total = article.paragraphs.reduce((sum, paragraph) => sum + textWeight(paragraph), 0);
  const kept = [...new Set(paragraphs)].reduce((sum, index) => sum + textWeight(article.paragraphs[index] ?? ''), 0);
  return kept / total;
}

/** Paragraph of each annotation in the article, by id. */
export function annotationParagraphs(article: Article): Map<string, number> {
  const raw = referenceText(article.paragraphs);
  const result = new Map<string, number>();
  for (const annotation of article.annotations) {
    const place = placeInReference(raw, annotation.target);
    if (place !== undefined) result.set(annotation.id, place.paragraph);
  }
  return result;
}

// ---------------------------------------------------------------- randomness

export { randomFrom, type Random };

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const result = [...items];
  for (let at = result.length - 1; at > 0; at -= 1) {
    const other = Math.floor(random() * (at + 1));
    [result[at], result[other]] = [result[other] as T, result[at] as T];
  }
  return result;
}

// ---------------------------------------------------------------- text with tracked spans

interface Span {
  readonly id: string;
  start: number;
  end: number;
  /** An edit touched it: its page text is no longer the article's. */
  edited: boolean;
}

interface Block {
  text: string;
  readonly spans: Span[];
  /** Index in the article's paragraphs, or -1 for text that is not the article's. */
  readonly paragraph: number;
}

/** Replace text[from, to) by `by`, moving the spans. */
function splice(block: Block, from: number, to: number, by: string): void {
  block.text = block.text.slice(0, from) + by + block.text.slice(to);
  const shift = by.length - (to - from);
  for (const span of block.spans) {
    if ((from < span.end && span.start < to) || (from === to && span.start < from && from < span.end)) span.edited = true;
    span.start = span.start < from ? span.start : span.start >= to ? span.start + shift : from;
    span.end = span.end <= from ? span.end : span.end >= to ? span.end + shift : from + by.length;
  }
}

/** Rewrite each character as `outputs[i]` (a character's output may add marks after it); spans follow. */
function rewrite(block: Block, outputs: readonly string[]): void {
  const map = new Int32Array(outputs.length + 1);
  let length = 0;
  outputs.forEach((output, index) => {
    map[index] = length;
    length += output.length;
  });
  map[outputs.length] = length;
  block.text = outputs.join('');
  for (const span of block.spans) {
    span.start = map[span.start] ?? length;
    span.end = map[span.end] ?? length;
  }
}

function articleBlocks(article: Article, paragraphs: readonly number[]): Block[] {
  const raw = referenceText(article.paragraphs);
  const blocks = new Map<number, Block>();
  for (const index of paragraphs) {
    blocks.set(index, { text: article.paragraphs[index] ?? '', spans: [], paragraph: index });
  }
  for (const annotation of article.annotations) {
    const place = placeInReference(raw, annotation.target);
    if (place === undefined) continue;
    const offset = place.start - place.paragraphStart;
    blocks
      .get(place.paragraph)
      ?.spans.push({ id: annotation.id, start: offset, end: offset + annotation.target.exact.length, edited: false });
  }
  return paragraphs.map((index) => blocks.get(index) as Block);
}

// ---------------------------------------------------------------- edits

/** A change of a few words: a literal find-and-replace, or a word (by index among the paragraph's words) replaced, followed by an insertion, or deleted. */
export type Edit =
  | { readonly paragraph: number; readonly find: string; readonly replace: string }
  | { readonly paragraph: number; readonly word: number; readonly op: 'replace' | 'insert'; readonly text: string }
  | { readonly paragraph: number; readonly word: number; readonly op: 'delete' };

const WORD = /[\u0621-\u065f\u0670\u0660-\u0669A-Za-z0-9]+/g;

/** [start, end) of each word of a paragraph. */
export function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(WORD)].map((match) => [match.index, match.index + match[0].length]);
}

function applyEdits(block: Block, edits: readonly Edit[]): void {
  const wordsOf = wordSpans(block.text);
  const changes = edits.map((edit): [number, number, string] => {
    if ('find' in edit) {
      const at = block.text.indexOf(edit.find);
      if (at < 0) throw new Error(`edit: "${edit.find}" not in paragraph ${edit.paragraph}`);
      return [at, at + edit.find.length, edit.replace];
    }
    const [start, end] = wordsOf[edit.word] ?? [-1, -1];
    if (start < 0) throw new Error(`edit: no word ${edit.word} in paragraph ${edit.paragraph}`);
    if (edit.op === 'replace') return [start, end, edit.text];
    if (edit.op === 'insert') return [end, end, ` ${edit.text}`];
    // Delete the word with the space after it (before it, at the end of the paragraph).
    return block.text[end] === ' ' ? [start, end + 1, ''] : [Math.max(0, start - (block.text[start - 1] === ' ' ? 1 : 0)), end, ''];
  });
  // From the end, so the earlier positions stay valid.
  changes.sort((a, b) => b[0] - a[0]);
  for (const [from, to, by] of changes) splice(block, from, to, by);
}

const FILLER_WORDS = ['أيضاً', 'رسمياً', 'اليوم', 'مجدداً', 'بشكل', 'الجديدة', 'حينها', 'كذلك'];

/** `count` word edits in random paragraphs, on words outside every annotation when `outsideAnnotations`. */
export function randomEdits(article: Article, count: number, random: Random, outsideAnnotations = true): Edit[] {
  const blocks = articleBlocks(
    article,
    article.paragraphs.map((_, index) => index),
  );
  const candidates: { paragraph: number; word: number }[] = [];
  for (const block of blocks) {
    const spans = wordSpans(block.text);
    if (spans.length < 8) continue; // a short paragraph (a subheading) loses too much to one edit
    spans.forEach(([start, end], word) => {
      const inside = block.spans.some((span) => start < span.end + 1 && span.start - 1 < end);
      if (!outsideAnnotations || !inside) candidates.push({ paragraph: block.paragraph, word });
    });
  }
  return shuffled(random, candidates)
    .slice(0, count)
    .map(({ paragraph, word }): Edit => {
      const op = pick(random, ['replace', 'insert', 'delete'] as const);
      return op === 'delete' ? { paragraph, word, op } : { paragraph, word, op, text: pick(random, FILLER_WORDS) };
    });
}

// ---------------------------------------------------------------- orthographic variants

/** Each a probability in [0, 1] per place it can apply, except `quotes`. */
export interface Variants {
  /** A haraka after an Arabic letter. */
  readonly harakat?: number;
  /** Tatweel between two joined letters of a word. */
  readonly tatweel?: number;
  /** ا ↔ أ (and إ → ا) at the start of a word. */
  readonly alef?: number;
  /** ي → ى at the end of a word. */
  readonly yaa?: number;
  /** ه ↔ ة at the end of a word. */
  readonly taa?: number;
  /** A number written in Arabic-Indic digits ٠-٩. */
  readonly digits?: number;
  /** Quotation marks “…” (and the article's ”…”) as «…» or "…". */
  readonly quotes?: 'guillemets' | 'straight';
  /** A space as a no-break space. */
  readonly nbsp?: number;
  /** A zero-width or bidi mark (U+200B, U+200E, U+200F) beside a space. */
  readonly invisible?: number;
  /** An Arabic comma as a Latin one. */
  readonly commas?: number;
  /** An en dash as a hyphen or an em dash. */
  readonly dashes?: number;
}

export const ALL_VARIANTS: Variants = {
  harakat: 0.3,
  tatweel: 0.1,
  alef: 0.5,
  yaa: 0.5,
  taa: 0.5,
  digits: 0.7,
  quotes: 'guillemets',
  nbsp: 0.2,
  invisible: 0.1,
  commas: 0.3,
  dashes: 1,
};

const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0652', '\u0651', '\u064b', '\u064d'];
const INVISIBLE = ['\u200b', '\u200e', '\u200f'];
/** Letters that never join the next one: no tatweel after them. */
const NON_JOINING = new Set(Array.from('اأإآدذرزوؤءة'));

const isLetter = (char: string | undefined): boolean => char !== undefined && char >= '\u0621' && char <= '\u064a' && char !== '\u0640';
const isMark = (char: string | undefined): boolean =>
  char !== undefined && ((char >= '\u064b' && char <= '\u065f') || char === '\u0670' || char === '\u0640');
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** Opening and closing quotation marks by position: “ or ” opens, the next ” closes (the article's usage). */
function quoteRoles(text: string): Map<number, 'open' | 'close'> {
  const roles = new Map<number, 'open' | 'close'>();
  let open = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (!open && (char === '“' || char === '”')) {
      roles.set(at, 'open');
      open = true;
    } else if (open && char === '”') {
      roles.set(at, 'close');
      open = false;
    }
  }
  return roles;
}

function applyVariants(block: Block, variants: Variants, random: Random): void {
  const text = block.text;
  const roles = quoteRoles(text);
  const chance = (rate: number | undefined): boolean => rate !== undefined && rate > 0 && random() < rate;
  // The letter before / after, across marks: where a word starts and ends.
  const letterBefore = (at: number): string | undefined => {
    let index = at - 1;
    while (index >= 0 && isMark(text[index])) index -= 1;
    return text[index];
  };
  const letterAfter = (at: number): string | undefined => {
    let index = at + 1;
    while (index < text.length && isMark(text[index])) index += 1;
    return text[index];
  };
  let digitsAsIndic = false;
  const outputs: string[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] as string;
    let output = char;
    if (isLetter(char)) {
      const startsWord = !isLetter(letterBefore(at));
      const endsWord = !isLetter(letterAfter(at));
      if (startsWord && (char === 'ا' || char === 'أ' || char === 'إ') && chance(variants.alef)) output = char === 'ا' ? 'أ' : 'ا';
      if (endsWord && char === 'ي' && chance(variants.yaa)) output = 'ى';
      if (endsWord && (char === 'ه' || char === 'ة') && chance(variants.taa)) output = char === 'ه' ? 'ة' : 'ه';
      if (!isMark(text[at + 1]) && chance(variants.harakat)) output += pick(random, HARAKAT);
      if (!endsWord && !NON_JOINING.has(output[0] ?? '') && isLetter(text[at + 1]) && chance(variants.tatweel)) {
        output += '\u0640'.repeat(1 + Math.floor(random() * 3));
      }
    } else if (isDigit(char)) {
      if (!isDigit(text[at - 1])) digitsAsIndic = chance(variants.digits);
      if (digitsAsIndic) output = String.fromCharCode(0x0660 + char.charCodeAt(0) - 0x30);
    } else if (roles.has(at) && variants.quotes !== undefined) {
      output = variants.quotes === 'straight' ? '"' : roles.get(at) === 'open' ? '«' : '»';
    } else if (char === ' ') {
      if (chance(variants.nbsp)) output = '\u00a0';
      if (chance(variants.invisible)) {
        const mark = pick(random, INVISIBLE);
        output = random() < 0.5 ? mark + output : output + mark;
      }
    } else if (char === '،' && chance(variants.commas)) {
      output = ',';
    } else if (char === '–' && chance(variants.dashes)) {
      output = pick(random, ['-', '—']);
    }
    outputs.push(output);
  }
  rewrite(block, outputs);
}

// ---------------------------------------------------------------- page options

/** Elements holding the article's text that a reader never sees. */
export type HiddenKind = 'script' | 'style' | 'noscript' | 'template' | 'display-none' | 'css-hidden' | 'hidden-attribute' | 'own-ui';
export const HIDDEN_KINDS: readonly HiddenKind[] = [
  'script',
  'style',
  'noscript',
  'template',
  'display-none',
  'css-hidden',
  'hidden-attribute',
  'own-ui',
];

export interface InlineCuts {
  /** Random cut points per paragraph. */
  readonly perParagraph?: number;
  /** Also cut inside every annotation, once inside one of its words. */
  readonly throughAnnotations?: boolean;
  /** Explicit cut points for the body's paragraphs in page order (cycled), as fractions of their length. */
  readonly fractions?: readonly (readonly number[])[];
}

export interface PageLayout {
  readonly seed?: number;
  /** Header, nav, a "most read" sidebar and a footer around the article. */
  readonly layout?: boolean;
  /** The headline (h1) above the body; default true. */
  readonly headline?: boolean;
  /** Gaps where an ad or a related-links box goes: gap i is before the body's i-th paragraph (i = count: after the last). */
  readonly boxes?: readonly number[] | 'every';
  /** Inline elements (a, b, span, strong, em) cutting the text at random or given points. */
  readonly inline?: InlineCuts;
  /** Paragraphs as lines of a <div> separated by <br><br>: true for random groups of 1 to 4, or the group sizes. */
  readonly br?: boolean | readonly number[];
  /** Elements holding `hiddenText` (by default the whole article) that must not count as page text. */
  readonly hidden?: readonly HiddenKind[];
  readonly hiddenText?: string;
}

export interface ArticlePageOptions extends PageLayout {
  /** The article's paragraphs on the page, in page order; default all. */
  readonly paragraphs?: readonly number[];
  readonly edits?: readonly Edit[];
  readonly variants?: Variants;
  /** Article paragraphs repeated, unchanged, as a standfirst <p class="standfirst"> (true: the lead). */
  readonly standfirst?: boolean | readonly number[];
  /** Where the standfirst goes: above the headline, or between it and the body (default). */
  readonly standfirstAt?: 'above-headline' | 'below-headline';
}

/** Where an annotation is on the built page. */
export interface ExpectedAnnotation {
  readonly id: string;
  readonly paragraph: number;
  /** Its text on the page, variants and edits included. */
  readonly text: string;
  /** Valid until the next page is built. */
  readonly range: Range;
  /** An edit touched it. */
  readonly edited: boolean;
}

export interface BuiltPage {
  readonly root: HTMLElement;
  /** The article paragraphs in the body, in page order. */
  readonly paragraphs: readonly number[];
  /** Annotations of the paragraphs on the page, by id. */
  readonly expected: ReadonlyMap<string, ExpectedAnnotation>;
  /** The element holding the article's body. */
  readonly body: HTMLElement;
  readonly standfirst: HTMLElement | undefined;
  /** The article's text on the page, per paragraph, after edits and variants. */
  readonly texts: ReadonlyMap<number, string>;
}

// ---------------------------------------------------------------- boilerplate text

const SITE = 'الخبر اليوم';
const NAV = ['الرئيسية', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات'];
const MOST_READ = [
  'ارتفاع أسعار الذهب في الأسواق المحلية مع نهاية الأسبوع',
  'منتخب الشباب يتأهل إلى الدور النهائي بعد فوز مثير',
  'الأرصاد تحذر من موجة أمطار غزيرة على المناطق الساحلية',
  'افتتاح معرض الكتاب الدولي بمشاركة أكثر من ألف دار نشر',
  'وزارة الصحة تطلق حملة تطعيم موسعة في المدارس',
];
const ADS = [
  'احصل على خصم خاص عند الاشتراك السنوي في خدمة البث',
  'عروض الصيف على رحلات الطيران تبدأ من اليوم',
  'تطبيق جديد يساعدك على إدارة ميزانية أسرتك',
];
const RELATED = [
  'الكرملين يعلن موعد زيارة مرتقبة إلى آسيا الوسطى',
  'أسعار النفط تتراجع وسط مخاوف من تباطؤ الطلب العالمي',
  'قمة إقليمية تبحث أمن الممرات البحرية الشهر المقبل',
  'خبراء: التجارة بالعملات المحلية تتوسع بين الاقتصادات الناشئة',
];
const INLINE_TAGS = ['a', 'b', 'span', 'strong', 'em'] as const;

// ---------------------------------------------------------------- DOM building

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  for (const child of children) created.append(child);
  return created;
}

/** Text nodes of a rendered block and where each starts in the block's text. */
interface RenderedText {
  readonly nodes: Text[];
  readonly starts: number[];
}

/** A block's text as nodes, cut at `cuts`: every other piece wrapped in an inline element (sometimes two). */
function renderInline(text: string, cuts: readonly number[], random: Random, into: RenderedText): Node[] {
  const points = [...new Set([0, ...cuts.filter((cut) => cut > 0 && cut < text.length), text.length])].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let piece = 0; piece + 1 < points.length; piece += 1) {
    const from = points[piece] ?? 0;
    const textNode = document.createTextNode(text.slice(from, points[piece + 1]));
    into.nodes.push(textNode);
    into.starts.push(from);
    if (piece % 2 === 0) {
      nodes.push(textNode);
      continue;
    }
    const tag = pick(random, INLINE_TAGS);
    let wrapped: Node = element(tag, tag === 'a' ? { href: '#' } : {}, [textNode]);
    if (random() < 0.25) wrapped = element('span', { class: 'hl' }, [wrapped]);
    nodes.push(wrapped);
  }
  return nodes;
}

function cutPoints(block: Block, position: number, inline: InlineCuts | undefined, random: Random): number[] {
  if (inline === undefined) return [];
  const length = block.text.length;
  const cuts: number[] = [];
  for (let count = 0; count < (inline.perParagraph ?? 0); count += 1) cuts.push(Math.floor(random() * length));
  const fractions = inline.fractions;
  if (fractions !== undefined && fractions.length > 0) {
    for (const fraction of fractions[position % fractions.length] ?? []) cuts.push(Math.floor(fraction * length));
  }
  if (inline.throughAnnotations === true) {
    for (const span of block.spans) {
      if (span.end - span.start < 2) continue;
      cuts.push(span.start + 1 + Math.floor(random() * (span.end - span.start - 1)));
      // Inside a word: between two letters.
      const inner = wordSpans(block.text.slice(span.start, span.end)).filter(([start, end]) => end - start >= 2);
      if (inner.length > 0) {
        const [start, end] = pick(random, inner);
        cuts.push(span.start + start + 1 + Math.floor(random() * (end - start - 1)));
      }
    }
  }
  return cuts;
}

const isSubheading = (text: string): boolean => text.length < 40 && !/[.،:؟!”»"]$/.test(text.trim());

function box(random: Random, serial: number): HTMLElement {
  if (serial % 2 === 0) {
    return element('div', { class: 'ad' }, [element('span', {}, ['إعلان']), ' ', element('a', { href: '#' }, [pick(random, ADS)])]);
  }
  const links = shuffled(random, RELATED)
    .slice(0, 2)
    .map((title) => element('li', {}, [element('a', { href: '#' }, [title])]));
  return element('aside', { class: 'related' }, [element('h4', {}, ['اقرأ أيضاً']), element('ul', {}, links)]);
}

function hiddenElement(kind: HiddenKind, text: string): HTMLElement {
  switch (kind) {
    case 'script':
      // Not JavaScript: the test environment runs scripts.
      return element('script', { type: 'application/ld+json' }, [JSON.stringify({ '@type': 'NewsArticle', articleBody: text })]);
    case 'style':
      return element('style', {}, [`/* ${text.replaceAll('*/', '')} */`]);
    case 'noscript':
      return element('noscript', {}, [text]);
    case 'template':
      return element('template', {}, [text]);
    case 'display-none':
      return element('div', { style: 'display: none' }, [element('p', {}, [text])]);
    case 'css-hidden':
      return element('div', { class: 'isnad-test-hidden' }, [element('p', {}, [text])]);
    case 'hidden-attribute':
      return element('div', { hidden: '' }, [element('p', {}, [text])]);
    case 'own-ui':
      return element('div', { [OWN_UI_ATTRIBUTE]: '' }, [element('p', {}, [text])]);
  }
}

/** Group sizes covering `count` paragraphs. */
function groupSizes(count: number, br: true | readonly number[], random: Random): number[] {
  const sizes: number[] = [];
  let left = count;
  for (let group = 0; left > 0; group += 1) {
    const size = br === true ? 1 + Math.floor(random() * 4) : Math.max(1, br[group % Math.max(1, br.length)] ?? 1);
    sizes.push(Math.min(size, left));
    left -= size;
  }
  return sizes;
}

interface Rendered {
  readonly body: HTMLElement;
  readonly texts: Map<Block, RenderedText>;
}

/** The body: blocks as <p>/<h2>, or as <br>-separated lines of <div>s, with boxes in the given gaps. */
function renderBody(blocks: readonly Block[], options: PageLayout, random: Random): Rendered {
  const body = element('div', { class: 'article-body' });
  const texts = new Map<Block, RenderedText>();
  const gaps = new Set(options.boxes === 'every' ? blocks.map((_, index) => index + 1).slice(0, -1) : (options.boxes ?? []));
  const sizes = options.br === undefined || options.br === false ? undefined : groupSizes(blocks.length, options.br, random);
  let boxes = 0;
  let group: HTMLElement | undefined;
  let groupLeft = 0;
  let groupIndex = 0;
  blocks.forEach((block, position) => {
    if (gaps.has(position)) {
      body.append(box(random, boxes++));
      group = undefined; // a box ends a <br> group
    }
    const rendered: RenderedText = { nodes: [], starts: [] };
    texts.set(block, rendered);
    const inline = renderInline(block.text, cutPoints(block, position, options.inline, random), random, rendered);
    if (sizes === undefined) {
      body.append(element(isSubheading(block.text) ? 'h2' : 'p', {}, inline));
      return;
    }
    if (group === undefined || groupLeft === 0) {
      groupLeft = sizes[groupIndex++] ?? 1;
      group = element('div', { class: 'text' });
      body.append(group);
    } else {
      group.append(element('br'), element('br'));
    }
    group.append(...inline);
    groupLeft -= 1;
  });
  if (gaps.has(blocks.length)) body.append(box(random, boxes));
  return { body, texts };
}

/** The page around a body: headline, optional standfirst, news layout, hidden copies. Replaces document.body's content. */
function renderPage(
  body: HTMLElement,
  options: PageLayout,
  title: string,
  standfirst: HTMLElement | undefined,
  standfirstAt: 'above-headline' | 'below-headline',
  hiddenText: string,
): HTMLElement {
  releaseRanges();
  const root = document.body;
  root.replaceChildren();
  const article = element('article');
  const hidden = options.hidden ?? [];
  if (hidden.includes('css-hidden')) root.append(element('style', {}, ['.isnad-test-hidden { display: none; }']));
  // Hidden copies come first: were they read, they would be the first copies found.
  for (const kind of hidden) article.append(hiddenElement(kind, hiddenText));
  if (standfirst !== undefined && standfirstAt === 'above-headline') article.append(standfirst);
  if (options.headline !== false) article.append(element('h1', {}, [title]));
  if (standfirst !== undefined && standfirstAt === 'below-headline') article.append(standfirst);
  article.append(element('p', { class: 'byline' }, ['موسكو — ', element('a', { href: '#' }, ['وكالات'])]), body);
  if (options.layout !== true) {
    root.append(article);
    return root;
  }
  const nav = element('nav', {}, [
    element(
      'ul',
      {},
      NAV.map((item) => element('li', {}, [element('a', { href: '#' }, [item])])),
    ),
  ]);
  const mostRead = element('aside', { class: 'most-read' }, [
    element('h3', {}, ['الأكثر قراءة']),
    element(
      'ol',
      {},
      MOST_READ.map((item) => element('li', {}, [element('a', { href: '#' }, [item])])),
    ),
  ]);
  root.append(
    element('header', {}, [element('a', { class: 'logo', href: '#' }, [SITE]), nav]),
    element('main', {}, [article, mostRead]),
    element('footer', {}, [element('p', {}, [`جميع الحقوق محفوظة © 2026 ${SITE}`])]),
  );
  return root;
}

/**
 * Ranges handed out for the current page. jsdom keeps every live range and,
 * when a page is removed, moves its ranges onto document.body, where each
 * later removal walks them all: a thousand pages then cost quadratic time.
 * So the next page first parks them on a detached node: a range is valid
 * until the next page is built.
 */
const issued: Range[] = [];

function issue(range: Range): Range {
  issued.push(range);
  return range;
}

function releaseRanges(): void {
  const parking = document.createTextNode('');
  for (const range of issued) {
    range.setStart(parking, 0);
    range.setEnd(parking, 0);
  }
  issued.length = 0;
}

function rangeIn(rendered: RenderedText, start: number, end: number): Range {
  const { nodes, starts } = rendered;
  // Start in the node holding the first character; end in the node holding the last.
  let first = 0;
  while (first + 1 < nodes.length && (starts[first + 1] ?? 0) <= start) first += 1;
  let last = 0;
  while (last + 1 < nodes.length && (starts[last + 1] ?? 0) < end) last += 1;
  const range = document.createRange();
  const firstNode = nodes[first];
  const lastNode = nodes[last];
  if (firstNode === undefined || lastNode === undefined) throw new Error('empty block');
  range.selectNodeContents(firstNode); // see domRange: the boundaries are then compared with a point near them
  range.setStart(firstNode, start - (starts[first] ?? 0));
  range.setEnd(lastNode, end - (starts[last] ?? 0));
  return issue(range);
}

/** Builds a page holding `article` as `options` say, into document.body (ranges of the page before are parked). */
export function buildArticlePage(article: Article, options: ArticlePageOptions = {}): BuiltPage {
  const random = randomFrom(options.seed ?? 1);
  const paragraphs = options.paragraphs ?? article.paragraphs.map((_, index) => index);
  const standfirstParagraphs =
    options.standfirst === true ? [0] : options.standfirst === false || options.standfirst === undefined ? [] : options.standfirst;
  const all = [...new Set([...paragraphs, ...standfirstParagraphs])];
  const blocks = new Map(articleBlocks(article, all).map((block) => [block.paragraph, block]));
  for (const block of blocks.values()) {
    const edits = (options.edits ?? []).filter((edit) => edit.paragraph === block.paragraph);
    if (edits.length > 0) applyEdits(block, edits);
    if (options.variants !== undefined) applyVariants(block, options.variants, random);
  }
  const bodyBlocks = paragraphs.map((index) => blocks.get(index) as Block);
  const { body, texts } = renderBody(bodyBlocks, options, random);
  const standfirst =
    standfirstParagraphs.length === 0
      ? undefined
      : element(
          'div',
          { class: 'standfirst' },
          standfirstParagraphs.map((index) => element('p', { class: 'standfirst' }, [blocks.get(index)?.text ?? ''])),
        );
  const root = renderPage(
    body,
    options,
    article.title.ar,
    standfirst,
    options.standfirstAt ?? 'below-headline',
    options.hiddenText ?? referenceText(article.paragraphs),
  );

  const expected = new Map<string, ExpectedAnnotation>();
  for (const block of bodyBlocks) {
    const rendered = texts.get(block);
    if (rendered === undefined) continue;
    for (const span of block.spans) {
      expected.set(span.id, {
        id: span.id,
        paragraph: block.paragraph,
        text: block.text.slice(span.start, span.end),
        range: rangeIn(rendered, span.start, span.end),
        edited: span.edited,
      });
    }
  }
  return {
    root,
    paragraphs,
    expected,
    body,
    standfirst,
    texts: new Map(bodyBlocks.map((block) => [block.paragraph, block.text])),
  };
}

/** Builds a page holding other text (paragraphs of a different report, a commentary…), into document.body. */
export function buildTextPage(paragraphs: readonly string[], options: PageLayout & { readonly title?: string } = {}): HTMLElement {
  const random = randomFrom(options.seed ?? 1);
  const blocks = paragraphs.map((text): Block => ({ text, spans: [], paragraph: -1 }));
  const { body } = renderBody(blocks, options, random);
  return renderPage(body, options, options.title ?? 'تقرير', undefined, 'below-headline', options.hiddenText ?? '');
}

/** Appends another story to the page: the article's title and paragraphs as plain <h2> and <p>, in an <article> of its own. */
export function appendArticle(article: Article, parent: Node = document.body): HTMLElement {
  const story = element('article', {}, [
    element('h2', {}, [article.title.ar]),
    ...article.paragraphs.map((paragraph) => element('p', {}, [paragraph])),
  ]);
  parent.appendChild(story);
  return story;
}

// ---------------------------------------------------------------- the pipeline

export interface PipelineResult {
  readonly verdict: PageVerdict;
  readonly scan: Scan;
  readonly placed: ReadonlyMap<string, Placed>;
  readonly unplaced: ReadonlyMap<string, Unplaced>;
  /** The DOM range of each placed annotation, by id; valid until the next page is built. */
  readonly ranges: ReadonlyMap<string, Range>;
}

/** What a scan found of one article, if it found the article. */
export function scannedArticle(scan: Scan, articleId: string): ArticleScan | undefined {
  return scan.articles.find((entry) => entry.found.articleId === articleId);
}

/** Computed displays already asked for, by the page's stylesheets, then by the element's tag and attributes. */
const displays = new Map<string, Map<string, string>>();

/**
 * The computed display of the elements of a generated page, remembered: jsdom computes a style by matching every
 * rule of its default stylesheet (a quarter of a millisecond an element), and the generated pages repeat a few
 * dozen kinds of element thousands of times. What decides the display there is the page's stylesheets and the
 * element's tag and attributes, not where it stands (no rule these pages meet looks at ancestors or siblings):
 * the property tests check that it answers as getComputedStyle does on every element of such pages.
 */
export function rememberedDisplay(root: Node): DisplayOf {
  const document = root.ownerDocument ?? (root as Document);
  // By tag name: jsdom's selector engine took longer to find them than the rest of this.
  const sheets = Array.from(document.getElementsByTagName('style'), (style) => style.textContent).join('\u0000');
  const known = displays.get(sheets) ?? new Map<string, string>();
  displays.set(sheets, known);
  return (element) => {
    let signature = element.localName;
    for (const { name, value } of element.attributes) signature += `\u0000${name}=${value}`;
    let display = known.get(signature);
    if (display === undefined) known.set(signature, (display = computedDisplay(element)));
    return display;
  };
}

/** What the annotator does: scanPage, with the engine's verdict on the article beside the ranges. */
export function runPipeline(index: ArticleIndex, root: Node = document.body): PipelineResult {
  const scan = scanPage(root, [index], { displayOf: rememberedDisplay(root) });
  const verdict = scan.verdicts[0] ?? { found: false, coverage: 0, prechecked: false };
  const article = scannedArticle(scan, index.article.id);
  const placed = new Map<string, Placed>();
  const unplaced = new Map<string, Unplaced>();
  if (verdict.found) for (const anchor of verdict.placed) placed.set(anchor.id, anchor);
  for (const missing of article?.found.unplaced ?? []) unplaced.set(missing.id, missing);
  const ranges = new Map([...(article?.ranges ?? [])].map(([id, range]) => [id, issue(range)]));
  return { verdict, scan, placed, unplaced, ranges };
}

/** Whether two ranges share at least one character. */
export function overlaps(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_END, b) === 1 && a.compareBoundaryPoints(Range.END_TO_START, b) === -1;
}

const QUOTE_MARKS = /^["'“”«»]|["'“”«»]$/;

const exactTexts = new WeakMap<Annotation, string>();
/** An annotation's text, normalised once. */
function normalizedExact(annotation: Annotation): string {
  let text = exactTexts.get(annotation);
  if (text === undefined) {
    text = norm(annotation.target.exact);
    exactTexts.set(annotation, text);
  }
  return text;
}

/**
 * What is wrong with the result on a built page of the article, as readable
 * lines (empty: all well): the article must be found with exactly the body's
 * paragraphs, and every annotation no edit touched must be placed, over its
 * place on the page, with the article's text (normalised), and a quote
 * without its quotation marks.
 */
export function anchoringProblems(article: Article, built: BuiltPage, result: PipelineResult): string[] {
  const problems: string[] = [];
  const { verdict } = result;
  if (!verdict.found) return [`article not found (coverage ${verdict.coverage.toFixed(3)}, prechecked ${String(verdict.prechecked)})`];
  const paragraphs = [...new Set(built.paragraphs)].sort((a, b) => a - b);
  if (verdict.paragraphs.join() !== paragraphs.join())
    problems.push(`paragraphs ${verdict.paragraphs.join()} instead of ${paragraphs.join()}`);
  for (const annotation of article.annotations) {
    const expected = built.expected.get(annotation.id);
    if (expected === undefined) {
      if (result.placed.has(annotation.id)) problems.push(`${annotation.id}: placed, but its paragraph is not on the page`);
      continue;
    }
    if (expected.edited) continue;
    const range = result.ranges.get(annotation.id);
    if (range === undefined) {
      problems.push(`${annotation.id}: not placed (${result.unplaced.get(annotation.id)?.reason ?? 'no range'})`);
      continue;
    }
    const placed = range.toString();
    const text = norm(placed);
    if (text !== normalizedExact(annotation)) problems.push(`${annotation.id}: placed over «${text}»`);
    const pageText = expected.text === placed ? text : norm(expected.text);
    if (text !== pageText) problems.push(`${annotation.id}: page text «${pageText}» but placed over «${text}»`);
    if (!overlaps(range, expected.range)) problems.push(`${annotation.id}: placed elsewhere than its place on the page`);
    if (annotation.kind === 'quote' && QUOTE_MARKS.test(text)) problems.push(`${annotation.id}: range includes a quotation mark`);
  }
  return problems;
}
