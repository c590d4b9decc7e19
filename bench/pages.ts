/**
 * The benchmark's pages: a news site's layout (header, nav, ticker, two
 * sidebars, related stories, comments, more news, footer) filled with
 * Arabic news text to a target size, with the article in its story
 * (`article`) or another story of about the same length (`other`).
 * Deterministic: every choice comes from the seed, and both kinds of one
 * size share the same filler.
 */
import { escapeHtml } from '../testkit/demo-page';
import { Filler as SentenceFiller } from '../testkit/filler';
import type { Article } from '../src/article/schema';
import { COMMENTS, HEADLINES, NAMES, SECTIONS, SENTENCES } from './corpus';
import { BENCH_TEMPLATE_ID, STORY_ID } from './story-id';

export type PageKind = 'article' | 'other';

/** HTML for the body, counting the UTF-8 bytes of the text it writes (whitespace between tags included). */
class Body {
  readonly #parts: string[] = [];
  textBytes = 0;

  text(text: string): this {
    this.#parts.push(escapeHtml(text));
    this.textBytes += Buffer.byteLength(text);
    return this;
  }

  /** A line break between blocks: a whitespace text node, as in most sites' markup. */
  nl(): this {
    return this.text('\n');
  }

  open(tag: string, attributes = ''): this {
    this.#parts.push(`<${tag}${attributes === '' ? '' : ` ${attributes}`}>`);
    return this;
  }

  close(tag: string): this {
    this.#parts.push(`</${tag}>`);
    return this;
  }

  /** An element holding only text. */
  el(tag: string, text: string, attributes = ''): this {
    return this.open(tag, attributes).text(text).close(tag);
  }

  markup(html: string): this {
    this.#parts.push(html);
    return this;
  }

  html(): string {
    return this.#parts.join('');
  }
}

/** The news filler, with the time stamps of the benchmark's cards and comments. */
class Filler extends SentenceFiller {
  constructor(seed: number) {
    super(seed, SENTENCES);
  }

  time(): string {
    return `${this.int(1, 28)} يناير 2026 - ${String(this.int(0, 23)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}`;
  }
}

const STYLE = `
  body { margin: 0; font: 17px/1.7 "Noto Naskh Arabic", "DejaVu Sans", serif; color: #1d1d1d; background: #fafafa; }
  .site-header { background: #7a0c0c; color: #fff; padding: 10px 24px; }
  .logo { font: bold 26px sans-serif; }
  .site-nav a, .tags a, .site-footer a { margin-inline-end: 12px; color: inherit; }
  .ticker { background: #222; color: #eee; font-size: 14px; white-space: nowrap; overflow: hidden; }
  .ticker li { display: inline; margin-inline-end: 24px; }
  .mobile-menu, .modal { display: none; }
  .layout { display: flex; gap: 24px; max-width: 1280px; margin: 16px auto; padding: 0 16px; }
  .sidebar { flex: 1; font-size: 14px; }
  main { flex: 3; }
  #${STORY_ID} { background: #fff; padding: 24px 32px; }
  #${STORY_ID} h1 { font-size: 30px; line-height: 1.4; }
  .card { display: flex; gap: 12px; border-bottom: 1px solid #ddd; padding: 8px 0; }
  .card img { width: 120px; height: 80px; background: #ccc; }
  .comments li { list-style: none; border-bottom: 1px solid #eee; padding: 8px 0; }
  .meta, time { color: #666; font: 13px sans-serif; }
  .site-footer { background: #222; color: #ccc; padding: 24px; }
`;

export interface PageOptions {
  readonly article: Article;
  readonly kind: PageKind;
  /** UTF-8 bytes of page text to reach, whitespace between tags included. */
  readonly targetBytes: number;
  readonly seed: number;
  /**
   * The bench harness's URL. With it, the body's content is served inside a
   * <template> that the harness renders from (so the browser does not lay out
   * a page that no run uses); without it, the page is served as is (for the extension).
   */
  readonly harness?: string;
}

export interface BenchPage {
  readonly html: string;
  /** The text bytes written, as counted while generating. */
  readonly textBytes: number;
}

export function benchPage(options: PageOptions): BenchPage {
  const { article } = options;
  // Both kinds of one size share the filler: one seed for the page, another for the other story.
  const fill = new Filler(options.seed);
  const header = writeHeader(fill);
  const story = writeStory(article, options.kind, new Filler(options.seed ^ 0x5eed));
  const footer = writeFooter(fill);

  // What the growing sections share does not depend on the story, so both kinds of one size get the same filler.
  const fixed = header.textBytes + footer.textBytes + Buffer.byteLength(article.paragraphs.join('\n')) + 400;
  const left = Math.max(0, options.targetBytes - fixed);
  const sidebarRight = fillSidebarRight(fill, left * 0.08);
  const related = fillRelated(fill, left * 0.14);
  const comments = fillComments(fill, left * 0.26);
  const more = fillMore(fill, left * 0.42);
  const sidebarLeft = fillSidebarLeft(fill, left * 0.1);

  const parts = [header, story, footer, sidebarRight, related, comments, more, sidebarLeft];
  const content = `${header.html()}<div class="layout">
<aside class="sidebar">${sidebarRight.html()}</aside>
<main>
${story.html()}${related.html()}
${comments.html()}
${more.html()}
</main>
<aside class="sidebar">${sidebarLeft.html()}</aside>
</div>
${footer.html()}`;
  const body =
    options.harness === undefined
      ? content
      : `<template id="${BENCH_TEMPLATE_ID}">${content}</template><script src="${escapeHtml(options.harness)}"></script>`;
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.kind === 'article' ? article.title.ar : 'أخبار العالم')}</title>
<style>${STYLE}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","inLanguage":"ar"}</script>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, textBytes: parts.reduce((sum, part) => sum + part.textBytes, 0) };
}

/** Logo, sections, a hidden mobile menu, a ticker of headlines. */
function writeHeader(fill: Filler): Body {
  const body = new Body();
  body.open('header', 'class="site-header"').nl();
  body.el('div', 'أخبار العالم', 'class="logo"').nl();
  body.open('nav', 'class="site-nav"');
  for (const section of SECTIONS) body.el('a', section, 'href="#"').text(' ');
  body.close('nav').nl();
  body.open('div', 'class="mobile-menu"').open('ul');
  for (const section of SECTIONS) body.open('li').el('a', section, 'href="#"').close('li');
  body.close('ul').close('div').nl();
  body.open('ul', 'class="ticker"');
  for (let item = 0; item < 8; item += 1) body.open('li').el('a', fill.pick(HEADLINES), 'href="#"').close('li');
  body.close('ul').nl();
  body.close('header').nl();
  return body;
}

function writeFooter(fill: Filler): Body {
  const body = new Body();
  body.open('footer', 'class="site-footer"').nl();
  for (let column = 0; column < 4; column += 1) {
    body.open('div', 'class="footer-column"');
    for (let link = 0; link < 5; link += 1) body.el('a', fill.pick(SECTIONS), 'href="#"').text(' ');
    body.close('div').nl();
  }
  body.el('p', 'جميع الحقوق محفوظة © 2026 أخبار العالم. يمنع نسخ المحتوى أو إعادة نشره من دون إذن مسبق.').nl();
  body.open('div', 'class="modal" role="dialog"').el('p', 'اشترك في النشرة البريدية لتصلك أهم الأخبار صباح كل يوم.').close('div').nl();
  body.close('footer').nl();
  return body;
}

/** The story: breadcrumb, title, byline, figure, paragraphs one per line, share buttons and tags. */
function writeStory(article: Article, kind: PageKind, fill: Filler): Body {
  const story = new Body();
  story.open('nav', 'class="breadcrumb"').el('a', 'الرئيسية', 'href="#"').text(' › ').el('a', 'العالم', 'href="#"').close('nav').nl();
  story.open('article', `id="${STORY_ID}"`).nl();
  story.el('h1', kind === 'article' ? article.title.ar : fill.pick(HEADLINES)).nl();
  story
    .open('div', 'class="meta"')
    .el('span', `بقلم ${fill.pick(NAMES)}`)
    .text(' · ')
    .el('time', kind === 'article' ? article.date : fill.time())
    .close('div')
    .nl();
  story.open('figure').markup('<img alt="" width="640" height="360">').el('figcaption', fill.sentence()).close('figure').nl();
  story.open('div', 'class="story-body"').nl();
  if (kind === 'article') {
    // As many CMSs write it: one paragraph per line.
    article.paragraphs.forEach((paragraph, index) => {
      if (index > 0) story.nl();
      story.el('p', paragraph);
    });
  } else {
    // Another story of about the article's length.
    const length = Buffer.byteLength(article.paragraphs.join('\n'));
    let written = 0;
    for (let index = 0; written < length; index += 1) {
      if (index > 0) story.nl();
      const paragraph = fill.paragraph(1, 2);
      story.el('p', paragraph);
      written += Buffer.byteLength(paragraph) + 1;
    }
  }
  story.nl().close('div').nl();
  story.open('div', 'class="share"');
  for (const label of ['شارك', 'تغريد', 'واتساب', 'نسخ الرابط']) story.el('button', label, 'type="button"').text(' ');
  story.close('div').nl();
  story.close('article').nl();
  story.open('div', 'class="tags"');
  for (let tag = 0; tag < 6; tag += 1) story.el('a', fill.pick(SECTIONS), 'href="#"').text(' ');
  story.close('div').nl();
  return story;
}

function fillSidebarRight(fill: Filler, budget: number): Body {
  const body = new Body();
  body.el('h2', 'الأكثر قراءة').nl().open('ol').nl();
  for (let item = 0; item < 10 && body.textBytes < budget; item += 1)
    body.open('li').el('a', fill.pick(HEADLINES), 'href="#"').close('li').nl();
  body.close('ol').nl().el('h2', 'مقالات الرأي').nl();
  while (body.textBytes < budget) {
    body.open('div', 'class="card opinion"').markup('<img alt="" width="48" height="48">');
    body.open('div').el('span', fill.pick(NAMES), 'class="author"').nl().el('a', fill.pick(HEADLINES), 'href="#"').close('div');
    body.close('div').nl();
  }
  return body;
}

function fillRelated(fill: Filler, budget: number): Body {
  const body = new Body();
  body.open('section', 'class="related"').nl().el('h2', 'أخبار ذات صلة').nl();
  while (body.textBytes < budget) {
    body.open('div', 'class="card"').markup('<a href="#"><img alt="" width="120" height="80"></a>');
    body.open('div').open('h3').el('a', fill.pick(HEADLINES), 'href="#"').close('h3');
    body.el('p', fill.paragraph(1, 2)).el('time', fill.time()).close('div');
    body.close('div').nl();
  }
  return body.close('section');
}

function fillComments(fill: Filler, budget: number): Body {
  const body = new Body();
  body.open('section', 'class="comments"').nl().el('h2', 'التعليقات').nl().open('ul').nl();
  while (body.textBytes < budget) {
    body
      .open('li')
      .open('div', 'class="meta"')
      .el('span', fill.pick(NAMES), 'class="author"')
      .text(' ')
      .el('time', fill.time())
      .close('div');
    const text = Array.from({ length: fill.int(1, 3) }, () => (fill.int(0, 2) === 0 ? fill.sentence() : fill.pick(COMMENTS))).join(' ');
    body.el('p', text);
    body
      .open('div', 'class="actions"')
      .el('button', 'رد', 'type="button"')
      .text(' ')
      .el('a', `إعجاب (${fill.int(0, 300)})`, 'href="#"')
      .close('div');
    body.close('li').nl();
  }
  return body.close('ul').nl().close('section');
}

function fillMore(fill: Filler, budget: number): Body {
  const body = new Body();
  body.open('section', 'class="more-news"').nl();
  while (body.textBytes < budget) {
    body.el('h2', fill.pick(SECTIONS)).nl();
    for (let card = 0; card < 6 && body.textBytes < budget; card += 1) {
      body.open('article', 'class="card"').markup('<img alt="" width="120" height="80">');
      body.open('div').open('h3').el('a', fill.pick(HEADLINES), 'href="#"').close('h3');
      body
        .el('p', fill.paragraph(2, 4))
        .open('div', 'class="meta"')
        .el('span', fill.pick(NAMES))
        .text(' · ')
        .el('time', fill.time())
        .close('div')
        .close('div');
      body.close('article').nl();
    }
  }
  return body.close('section');
}

function fillSidebarLeft(fill: Filler, budget: number): Body {
  const body = new Body();
  body.el('h2', 'آخر الأخبار').nl().open('ul').nl();
  while (body.textBytes < budget * 0.7)
    body.open('li').el('time', fill.time().slice(-5)).text(' ').el('a', fill.pick(HEADLINES), 'href="#"').close('li').nl();
  body.close('ul').nl().el('h2', 'فيديو').nl();
  while (body.textBytes < budget)
    body
      .open('div', 'class="video"')
      .el('a', fill.pick(HEADLINES), 'href="#"')
      .el('span', `${fill.int(1, 9)}:${String(fill.int(0, 59)).padStart(2, '0')}`, 'class="duration"')
      .close('div')
      .nl();
  return body
    .open('form', 'class="newsletter"')
    .el('label', 'النشرة البريدية')
    .markup('<input type="email" placeholder="بريدك الإلكتروني">')
    .el('button', 'اشترك', 'type="submit"')
    .close('form')
    .nl();
}
