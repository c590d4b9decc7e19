/** What the content script reports of the article, for the popup's tests: the article as published, and a page that changed it. */
import type { Article } from '../../src/article/schema';
import type { ArticleFound } from '../../src/shared/messages';
import type { Words } from '../../src/popup/dom';
import { putinXi } from '../support/article-page';
import { echo } from '../support/fake-browser';

/** Every paragraph and annotation of the article, nothing changed. */
export const everything: ArticleFound = {
  articleId: putinXi.id,
  coverage: 1,
  paragraphs: putinXi.paragraphs.map((_, index) => index),
  placed: putinXi.annotations.map((annotation) => annotation.id),
  unplaced: [],
  changes: [],
  misattributed: [],
  pageTexts: [],
};

/** Xi's quotes, in the article's order. */
export const xiQuotes = putinXi.annotations
  .filter((annotation) => annotation.kind === 'quote' && annotation.speaker === 'xi')
  .map((quote) => quote.id);

/**
 * A page that changed the article: a word of a Putin quote and the trade
 * figure, a Putin quote credited to Xi, one of Xi's quotes rewritten, two
 * left out, and a claim left out.
 */
export const changedPage: ArticleFound = {
  ...everything,
  placed: everything.placed.filter((id) => id !== xiQuotes[0] && id !== xiQuotes[1] && id !== xiQuotes[2] && id !== 'claim-last-meeting'),
  unplaced: [{ id: xiQuotes[2] ?? '', reason: 'altered' }],
  changes: [
    {
      id: 'quote-putin-stabilising-factor',
      kind: 'replaced',
      figure: false,
      pageWords: 'توازن',
      referenceWords: 'استقرار',
      pageAt: [0, 5],
      referenceAt: [0, 7],
    },
    {
      id: 'claim-trade-volume',
      kind: 'replaced',
      figure: true,
      pageWords: '300',
      referenceWords: '200',
      pageAt: [0, 3],
      referenceAt: [0, 3],
    },
  ],
  misattributed: [{ id: 'quote-putin-firm-support', named: 'xi' }],
};

export const english: Words = { lang: 'en', message: echo };
export const arabic: Words = { lang: 'ar', message: echo };

/** Another known article on the same page: the report again under another id and title, with its last claim left out. */
export const secondArticle: Article = {
  ...putinXi,
  id: 'second-report',
  title: { ar: 'تقرير ثانٍ عن المحادثات', en: 'A second report on the talks' },
  annotations: putinXi.annotations.slice(0, -1),
};

export const secondFound: ArticleFound = {
  ...everything,
  articleId: secondArticle.id,
  placed: secondArticle.annotations.map((annotation) => annotation.id),
};
