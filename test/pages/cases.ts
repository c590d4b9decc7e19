/**
 * How each case's page is made. Built cases come from the test builders and
 * are written to <case>/page.html by `npm run pages:update`. Real cases are a
 * real news page of ../shared/fixtures/real-pages (third-party pages, not
 * ours to redistribute: see README.md) with the article put into its story;
 * they are rebuilt from there each time, so the repository keeps only their
 * expected.json and a reference to the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/paths';
import {
  ALL_VARIANTS,
  HIDDEN_KINDS,
  buildArticlePage,
  buildTextPage,
  cityLibrary,
  putinXi,
  randomEdits,
  randomFrom,
  shuffled,
  type ArticlePageOptions,
} from '../support/article-page';
import { COMMENTARY, DIFFERENT_REPORT, ROUNDUP } from '../../testkit/other-texts';
import { insertArticle, keepDisplayRules, realPages, realPagesDir, stripPage, withoutStackTraces } from '../support/real-pages';
import { showDocument, showHtml } from './outcome';

export const pagesDir = join(projectRoot, 'test', 'pages');

type RealFile = (typeof realPages)[number]['file'];

export type Case = { readonly name: string; readonly covers: string } & (
  | {
      readonly kind: 'built';
      /** Builds the page into document.body. */
      readonly build: () => void;
    }
  | {
      readonly kind: 'real';
      readonly file: RealFile;
      /** What goes into the story: the article's paragraphs as plain <p> elements, or a body built with these options; nothing when absent. */
      readonly article?: 'paragraphs' | ArticlePageOptions;
      /** Rewrites the built body before it goes in. */
      readonly retouch?: (body: HTMLElement) => void;
    }
);

const allParagraphs = putinXi.paragraphs.map((_, paragraph) => paragraph);

/** Persian letter forms and digits, which the builders' variants do not write: ي as ی, ك as ک, 0-9 as ۰-۹. */
function persianForms(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    text.data = text.data
      .replaceAll('ي', 'ی')
      .replaceAll('ك', 'ک')
      .replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
  }
}

const built = (name: string, covers: string, options: ArticlePageOptions): Case => ({
  name,
  covers,
  kind: 'built',
  build: () => void buildArticlePage(putinXi, options),
});

/** A word of a quote and a figure of a claim changed, as a site rewording the report would. */
const WORD_AND_FIGURE: ArticlePageOptions['edits'] = [
  { paragraph: 2, find: 'عامل استقرار', replace: 'عامل توازن' },
  { paragraph: 6, find: '200 مليار', replace: '٣٠٠ مليار' },
];
/** Paragraph 2's opening credits Xi's quote to the Russian president. */
const CREDITED_TO_PUTIN: ArticlePageOptions['edits'] = [{ paragraph: 1, find: 'وقال الرئيس الصيني إن', replace: 'وقال الرئيس الروسي إن' }];
/** Three quotes reworded beyond recognition, in their quotation marks. */
const QUOTES_REWRITTEN: ArticlePageOptions['edits'] = [
  { paragraph: 1, find: 'تسير في المسار الصحيح', replace: 'ماضية على طريقها السليم' },
  { paragraph: 13, find: 'توافق واسع', replace: 'تفاهم شامل' },
  { paragraph: 3, find: 'الشراكة في قطاع الطاقة متبادلة المنفعة', replace: 'التعاون النفطي يعود بالفائدة على الجانبين' },
];

export const cases: readonly Case[] = [
  built('article-plain', 'the whole article as paragraphs under a headline: everything placed, exactly', {}),
  built('news-layout', 'the article inside a header, nav, most-read sidebar and footer', { layout: true }),
  built('ads-and-related-links', 'an ad or a related-links box between every two paragraphs', { layout: true, boxes: 'every' }),
  built('inline-markup-through-quotes', 'links, bold and spans cutting through quotes and inside words', {
    layout: true,
    inline: { perParagraph: 5, throughAnnotations: true },
    seed: 3,
  }),
  built('br-separated-paragraphs', 'paragraphs as lines of four divs, separated by two line breaks (br)', {
    layout: true,
    br: [3, 4, 2, 5],
  }),
  built('standfirst-repeats-lead', 'the lead repeated as a standfirst above the body: placed in the body', {
    layout: true,
    standfirst: true,
  }),
  built('spelling-variants-guillemets', 'harakat, tatweel, hamza, ى/ة, Arabic-Indic digits, «», no-break spaces, zero-width marks', {
    layout: true,
    variants: { ...ALL_VARIANTS, digits: 1, quotes: 'guillemets' },
    seed: 11,
  }),
  built('spelling-variants-straight-quotes', 'the same spelling variants with straight "quotes"', {
    layout: true,
    variants: { ...ALL_VARIANTS, digits: 1, quotes: 'straight' },
    seed: 12,
  }),
  {
    name: 'persian-letters-and-digits',
    covers: 'Persian yeh and kaf (ی ک) and Persian digits (۲۰۲۵): the same words',
    kind: 'built',
    build: () => persianForms(buildArticlePage(putinXi, { layout: true }).body),
  },
  built('paragraphs-reordered', 'all fourteen paragraphs in another order', {
    layout: true,
    paragraphs: shuffled(randomFrom(5), allParagraphs),
  }),
  built('nine-of-fourteen-paragraphs', 'five paragraphs missing: their annotations unplaced, paragraph-missing', {
    layout: true,
    paragraphs: [0, 1, 2, 4, 6, 7, 9, 11, 13],
  }),
  built('words-edited-outside-annotations', 'six words replaced, added or dropped outside every annotation: no finding', {
    layout: true,
    edits: randomEdits(putinXi, 6, randomFrom(7)),
  }),
  built('quote-lightly-edited', 'one word of a quote respelled (تمثّل for تشكّل): placed by the fuzzy match, the change reported', {
    edits: [{ paragraph: 2, find: 'تشكّل عامل', replace: 'تمثّل عامل' }],
  }),
  built('word-and-figure-changed', 'a word of a quote and the figure of a claim changed (توازن, ٣٠٠ مليار)', {
    layout: true,
    edits: WORD_AND_FIGURE,
  }),
  built('quote-credited-to-other-speaker', "Xi's quote introduced as the Russian president's: misattributed to putin", {
    layout: true,
    edits: CREDITED_TO_PUTIN,
  }),
  built('quotes-rewritten', 'three quotes reworded beyond recognition in their quotation marks: unplaced, altered', {
    edits: QUOTES_REWRITTEN,
  }),
  built('paragraph-rewritten', 'the one-quote paragraph 5 rewritten: the paragraph is missing, so is its quote', {
    edits: [
      {
        paragraph: 4,
        find: 'دعمه الثابت لجهود البلدين في الحفاظ على السيادة والأمن والازدهار',
        replace: 'مساندته الدائمة لمساعي الدولتين لصون استقلالهما وأمنهما ورخائهما',
      },
    ],
  }),
  built(
    'hidden-copies-beside-article',
    'copies of the text in script, style, noscript, template, hidden and display:none elements: never used',
    {
      layout: true,
      hidden: HIDDEN_KINDS,
    },
  ),
  built('article-only-in-hidden-elements', 'the whole text only where a reader never sees it: not the article', {
    layout: true,
    paragraphs: [],
    hidden: HIDDEN_KINDS,
  }),
  {
    name: 'different-report-same-call',
    covers: "another report of the same call, with the article's names, figures and phrases: not the article",
    kind: 'built',
    build: () => void buildTextPage(DIFFERENT_REPORT, { layout: true, title: 'بوتين وشي يبحثان الشراكة الاستراتيجية في اتصال مرئي' }),
  },
  {
    name: 'commentary-quoting-two-sentences',
    covers: 'an opinion piece quoting two of its sentences word for word: not the article',
    kind: 'built',
    build: () => void buildTextPage(COMMENTARY, { layout: true, title: 'شراكة بلا حدود أم حدود للشراكة؟' }),
  },
  {
    name: 'three-paragraphs-in-roundup',
    covers: 'its three longest paragraphs shuffled into a news round-up: under half, not the article',
    kind: 'built',
    build: () =>
      void buildTextPage(shuffled(randomFrom(2), [...ROUNDUP, ...[7, 1, 6].map((paragraph) => putinXi.paragraphs[paragraph] ?? '')]), {
        layout: true,
        title: 'حصاد اليوم',
      }),
  },
  {
    name: 'second-article-only',
    covers: "a page of another article (the tests' municipal story), which the extension does not carry: nothing found",
    kind: 'built',
    build: () => void buildArticlePage(cityLibrary, { layout: true, boxes: [2] }),
  },
  {
    name: 'second-article-beside',
    covers: 'the article followed by another article on the same page: found, placed in its own text',
    kind: 'built',
    build: () => {
      const page = buildArticlePage(putinXi, { layout: true });
      const other = document.createElement('article');
      for (const paragraph of cityLibrary.paragraphs) other.append(Object.assign(document.createElement('p'), { textContent: paragraph }));
      page.body.after(other);
    },
  },
  { name: 'real-bbc-unchanged', covers: 'the BBC page as it is: rejected by the pre-check', kind: 'real', file: 'bbc-1.html' },
  { name: 'real-cnn-unchanged', covers: 'the CNN page as it is: rejected by the pre-check', kind: 'real', file: 'cnn.html' },
  {
    name: 'real-nytimes-unchanged',
    covers: 'The New York Times page as it is: rejected by the pre-check',
    kind: 'real',
    file: 'nytimes-1.html',
  },
  { name: 'real-lemonde-unchanged', covers: 'the Le Monde page as it is: rejected by the pre-check', kind: 'real', file: 'lemonde-1.html' },
  { name: 'real-folha-unchanged', covers: 'the Folha page as it is: rejected by the pre-check', kind: 'real', file: 'folha.html' },
  {
    name: 'real-herald-sun-unchanged',
    covers: 'the Herald Sun page as it is: rejected by the pre-check',
    kind: 'real',
    file: 'herald-sun-1.html',
  },
  {
    name: 'real-bbc-article-as-paragraphs',
    covers: "the article's paragraphs as plain paragraphs in the middle of the BBC story",
    kind: 'real',
    file: 'bbc-1.html',
    article: 'paragraphs',
  },
  {
    name: 'real-cnn-article-in-nested-markup',
    covers: 'the article in the CNN story, cut by nested inline elements, its paragraphs as lines separated by line breaks (br)',
    kind: 'real',
    file: 'cnn.html',
    article: { inline: { perParagraph: 4, throughAnnotations: true }, br: [2, 3], seed: 4 },
  },
  {
    name: 'real-nytimes-article-with-ads',
    covers: 'the article in The New York Times story with an ad or related links between every two paragraphs',
    kind: 'real',
    file: 'nytimes-1.html',
    article: { boxes: 'every', seed: 5 },
  },
  {
    name: 'real-lemonde-article-spelling-variants',
    covers: 'the article in the Le Monde story, spelled otherwise (diacritics, tatweel, hamza, digits, straight quotes, zero-width marks)',
    kind: 'real',
    file: 'lemonde-1.html',
    article: { variants: { ...ALL_VARIANTS, digits: 1, quotes: 'straight', invisible: 0.5 }, seed: 21 },
  },
  {
    name: 'real-folha-article-reordered-partial',
    covers: 'ten of its paragraphs, in another order, in the Folha story',
    kind: 'real',
    file: 'folha.html',
    article: { paragraphs: shuffled(randomFrom(8), [0, 1, 2, 3, 4, 6, 7, 8, 10, 12]) },
  },
  {
    name: 'real-herald-sun-word-and-figure-changed',
    covers: 'the article in the Herald Sun story with a word of a quote and a figure of a claim changed',
    kind: 'real',
    file: 'herald-sun-1.html',
    article: { edits: WORD_AND_FIGURE },
  },
  {
    name: 'real-bbc-quote-credited-to-other-speaker',
    covers: "the article in the BBC story with Xi's quote introduced as Putin's",
    kind: 'real',
    file: 'bbc-1.html',
    article: { edits: CREDITED_TO_PUTIN },
  },
  {
    name: 'real-cnn-quotes-rewritten',
    covers: 'the article in the CNN story with three quotes reworded beyond recognition',
    kind: 'real',
    file: 'cnn.html',
    article: { edits: QUOTES_REWRITTEN },
  },
  {
    name: 'real-lemonde-persian-letters-and-digits',
    covers: 'the article in the Le Monde story in Persian letter forms and digits',
    kind: 'real',
    file: 'lemonde-1.html',
    article: {},
    retouch: persianForms,
  },
];

/** The real page of a real case, stripped of what fetches or runs, with the article in its story. */
function realCasePage(page: Extract<Case, { kind: 'real' }>): Document {
  const story = realPages.find(({ file }) => file === page.file)?.story;
  if (story === undefined) throw new Error(`${page.file}: not a real page`);
  const parsed = new DOMParser().parseFromString(readFileSync(join(realPagesDir, page.file), 'utf8'), 'text/html');
  stripPage(parsed);
  if (page.article === 'paragraphs') insertArticle(parsed, putinXi, story);
  else if (page.article !== undefined) {
    // Built in the live document, then moved in after the story's first paragraph, so the story's own text surrounds it.
    const { body } = buildArticlePage(putinXi, page.article);
    page.retouch?.(body);
    const first = parsed.querySelector(`${story} > p`);
    if (first === null) throw new Error(`${page.file}: no paragraph in ${story}`);
    first.after(parsed.importNode(body, true));
  }
  return parsed;
}

/** Puts a case's page into the live document: its page.html, or for a real case its page rebuilt. */
export function showCase(name: string): void {
  const file = join(pagesDir, name, 'page.html');
  const recipe = cases.find((entry) => entry.name === name);
  if (recipe?.kind === 'real') {
    withoutStackTraces(() => showDocument(realCasePage(recipe)));
    keepDisplayRules(document);
  } else if (existsSync(file)) showHtml(readFileSync(file, 'utf8'));
  else throw new Error(`${name}: no page.html, and no real page to build it from`);
}
