import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_UI_ATTRIBUTE } from '../../src/shared/own-ui';
import { domPosition, domRange, readPageText, type DisplayOf, type PageText } from '../../src/page/read-text';

/** Adds empty text nodes and splits text nodes in two, as scripts leave them: the DOM a parser never makes. */
function roughen(root: Element): void {
  for (const element of [...root.querySelectorAll('p, b, span, td')]) {
    element.prepend(document.createTextNode(''));
    element.append(document.createTextNode(''));
    const first = [...element.childNodes].find(
      (node): node is Text => node instanceof Text && node.data.length > 2 && !node.data.includes('§'),
    );
    first?.splitText(1);
  }
}

/** Puts `html` in the body and reads it; the default reads the display jsdom computes, stylesheets included. */
function read(html: string, displayOf?: DisplayOf, rough = false): PageText {
  document.body.innerHTML = html;
  if (rough) roughen(document.body);
  return displayOf === undefined ? readPageText(document.body) : readPageText(document.body, displayOf);
}

const textOf = (html: string, displayOf?: DisplayOf): string => read(html, displayOf).text;

/** Layout that cannot be read (a detached document): the tag alone decides. */
const noLayout: DisplayOf = () => '';

/** Text nodes the page shows, in document order: every non-empty one whose text has no '§' (the mark of hidden text in these fixtures). */
function shownTextNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const shown: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length > 0 && !text.data.includes('§')) shown.push(text);
  }
  return shown;
}

/**
 * A page mixing blocks, inline elements (some splitting a word), <br>,
 * tables, lists, and everything that is skipped, its hidden text marked
 * '§'. One line, so that every block break of the page text is one the markup makes.
 */
const MIXED = `
  <style>/*§*/ .gone { display: none }</style>
  <header><h1>عنوان <em>المقال</em></h1></header>
  <article>
    <p>قال <a href="#x">الرئيس</a> إن “<b>العلا</b><i>قات</i> <span>جي<strong>دة</strong></span>”.</p>
    <p>سطر<br>آخر <span>ع<b>ن</b>د</span>ها</p>
    <ul><li>one</li><li>t<b>w</b>o</li></ul>
    <table><tr><td>cell 1</td><td>cell <span>2</span></td></tr></table>
    <script>/*§*/ var x = 1;</script>
    <div class="gone">§styled <p>§inside</p></div>
    <p hidden>§hidden</p>
    <p>a<span>b</span></p>
    <div data-isnad-ui="">§ui<p>§ui paragraph</p></div>
    <textarea>§textarea</textarea><noscript>§noscript</noscript>
    <div>plain <span>in</span><a href="#y">line</a> tail</div>
  </article>
  <footer>end</footer>
`.replace(/\n\s*/g, '');

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('readPageText: line breaks', () => {
  it.each([
    ['p', 'one<p>two</p>three'],
    ['div', 'one<div>two</div>three'],
    ['li', 'one<ul><li>two</li></ul>three'],
    ['h1', 'one<h1>two</h1>three'],
    ['h3', 'one<h3>two</h3>three'],
    ['blockquote', 'one<blockquote>two</blockquote>three'],
    ['section', 'one<section>two</section>three'],
    ['article', 'one<article>two</article>three'],
    ['figcaption', 'one<figure><figcaption>two</figcaption></figure>three'],
    ['dd', 'one<dl><dd>two</dd></dl>three'],
    ['td', 'one<table><tbody><tr><td>two</td></tr></tbody></table>three'],
    ['pre', 'one<pre>two</pre>three'],
  ])('puts one between a <%s> and the text around it', (_, html) => {
    expect(textOf(html)).toBe('one\u2029two\u2029three\u2029');
  });

  it('puts one between table cells and between list items', () => {
    expect(textOf('<table><tr><td>a</td><th>b</th></tr><tr><td>c</td></tr></table>')).toBe('a\u2029b\u2029c\u2029');
    expect(textOf('<ol><li>a</li><li>b</li></ol>')).toBe('a\u2029b\u2029');
  });

  it('puts one at <br>, inside inline elements too', () => {
    expect(textOf('<p>a<br>b<span>c<br>d</span></p>')).toBe('a\u2029bc\u2029d\u2029');
  });

  it('never puts two in a row, nor one before the first text', () => {
    expect(textOf('<div><div><p>a</p></div></div><div><p>b<br></p><br></div>')).toBe('a\u2029b\u2029');
  });

  it('puts none at inline elements: a word split across them stays one word', () => {
    expect(
      textOf(
        '<p>ال<b>ع</b><a href="#">لا</a><span>ق<i>ا</i></span><em>ت</em><strong>!</strong> Is<code>n</code><small>a</small><mark>d</mark></p>',
      ),
    ).toBe('العلاقات! Isnad\u2029');
  });

  it("keeps the page's own whitespace as it is", () => {
    expect(textOf('<p> a  b\n c </p>')).toBe(' a  b\n c \u2029');
  });
});

describe('readPageText: what is not page text', () => {
  // Twice: with jsdom's computed display (its UA stylesheet hides some of these) and without any layout, where the tag alone must decide.
  describe.each([
    ['computed display', undefined],
    ['no layout', noLayout],
  ] as const)('with %s', (_, displayOf) => {
    it.each(['script', 'style', 'noscript', 'textarea', 'iframe', 'select', 'button'])(
      'skips <%s> and all it holds, without a break',
      (tag) => {
        const hidden = tag === 'style' ? '/*§*/' : '§'; // valid CSS, so that jsdom does not complain
        const page = read(`<p>a<${tag}>${hidden}</${tag}>b</p>`, displayOf);
        expect(document.body.querySelector(tag)?.textContent).toBe(hidden); // the hidden text is really in the DOM
        expect(page.text).toBe('ab\u2029');
      },
    );

    it('skips <template>, even children put on the element itself rather than in its content', () => {
      document.body.innerHTML = '<p>a<template>§content</template>b</p>';
      document.body.querySelector('template')?.append('§child', document.createElement('p'));
      expect(readPageText(document.body, displayOf).text).toBe('ab\u2029');
    });

    it('skips elements with the hidden attribute', () => {
      expect(textOf('<p>a<span hidden>§</span>b</p><div hidden><p>§</p></div><p>c</p>', displayOf)).toBe('ab\u2029c\u2029');
    });

    it(`skips the extension's own elements (${OWN_UI_ATTRIBUTE})`, () => {
      expect(OWN_UI_ATTRIBUTE).toBe('data-isnad-ui');
      expect(textOf('<p>a<span data-isnad-ui>§</span>b</p><div data-isnad-ui="tooltip">§<p>§</p></div><p>c</p>', displayOf)).toBe(
        'ab\u2029c\u2029',
      );
    });
  });

  it('skips display:none set in an inline style', () => {
    expect(textOf('<p>a<span style="display: none">§</span>b</p><div style="display:none"><p>§</p></div><p>c</p>')).toBe('ab\u2029c\u2029');
  });

  it('skips display:none set by a stylesheet, whatever the descendants say', () => {
    expect(
      textOf(
        '<style>.gone { display: none }</style><p>a<span class="gone">§</span>b</p><section class="gone"><p style="display: block">§</p></section><p>c</p>',
      ),
    ).toBe('ab\u2029c\u2029');
  });

  it('keeps nothing but text nodes: comments are not text', () => {
    expect(textOf('<p>a<!--§-->b</p>')).toBe('ab\u2029');
  });
});

describe('readPageText: a displayOf stands in for layout', () => {
  it('breaks at a span it reports as a block', () => {
    const html = '<p>a<span>b</span>c</p>';
    expect(textOf(html)).toBe('abc\u2029');
    expect(textOf(html, (element) => (element.tagName === 'SPAN' ? 'block' : ''))).toBe('a\u2029b\u2029c\u2029');
  });

  it.each([
    ['flex', 'a\u2029b\u2029c\u2029'],
    ['list-item', 'a\u2029b\u2029c\u2029'],
    ['inline-block', 'abc\u2029'],
    ['inline', 'abc\u2029'],
    ['contents', 'abc\u2029'],
  ])('treats display %s as %s', (display, expected) => {
    expect(textOf('<p>a<span>b</span>c</p>', (element) => (element.tagName === 'SPAN' ? display : 'block'))).toBe(expected);
  });

  it('skips what it reports as none, and is asked about every element read', () => {
    const asked: string[] = [];
    const displayOf: DisplayOf = (element) => {
      asked.push(element.tagName);
      return element.classList.contains('off') ? 'none' : '';
    };
    expect(textOf('<p>a<b class="off">§<i>§</i></b><i>b</i></p>', displayOf)).toBe('ab\u2029');
    expect(asked).toEqual(['BODY', 'P', 'B', 'I']);
  });

  it.each([
    ['p', 'one<p>two</p>three', 'one\u2029two\u2029three\u2029'],
    ['div', 'one<div>two</div>three', 'one\u2029two\u2029three\u2029'],
    ['li', 'one<li>two</li>three', 'one\u2029two\u2029three\u2029'],
    ['h1', 'one<h1>two</h1>three', 'one\u2029two\u2029three\u2029'],
    ['blockquote', 'one<blockquote>two</blockquote>three', 'one\u2029two\u2029three\u2029'],
    ['section', 'one<section>two</section>three', 'one\u2029two\u2029three\u2029'],
    ['dt', 'one<dt>two</dt>three', 'one\u2029two\u2029three\u2029'],
    ['td', '<table><tr><td>one</td><td>two</td></tr></table>', 'one\u2029two\u2029'],
    ['th', '<table><tr><th>one</th><th>two</th></tr></table>', 'one\u2029two\u2029'],
    ['tr', '<table><tr><td>one</td></tr><tr><td>two</td></tr></table>', 'one\u2029two\u2029'],
  ])('breaks at <%s> by its tag where it cannot tell the display', (_, html, expected) => {
    expect(textOf(html, noLayout)).toBe(expected);
  });

  it('keeps inline tags inline where it cannot tell the display', () => {
    expect(textOf('<p>a<span>b</span><a>c</a><b>d</b><em>e</em></p>', noLayout)).toBe('abcde\u2029');
  });
});

describe('readPageText: the nodes it keeps', () => {
  it('are the shown, non-empty text nodes in document order, each at its start in the text', () => {
    const page = read(MIXED, undefined, true);
    expect(document.body.querySelectorAll('p')[0]?.firstChild).toEqual(document.createTextNode('')); // roughened
    const shown = shownTextNodes(document.body);
    expect(page.nodes).toHaveLength(shown.length);
    page.nodes.forEach((node, i) => expect(node).toBe(shown[i]));
    expect(page.starts).toHaveLength(page.nodes.length);
    page.nodes.forEach((node, i) => expect(page.text.slice(page.starts[i], (page.starts[i] ?? 0) + node.data.length)).toBe(node.data));
    expect(page.text).not.toContain('§');
    // Only breaks come between consecutive nodes.
    page.nodes.forEach((node, i) => {
      const gap = page.text.slice((page.starts[i] ?? 0) + node.data.length, page.starts[i + 1] ?? page.text.length);
      expect(gap).toMatch(/^\u2029?$/);
    });
  });

  it('reads the mixed page as expected', () => {
    expect(read(MIXED).text).toBe(
      [
        'عنوان المقال',
        'قال الرئيس إن “العلاقات جيدة”.',
        'سطر',
        'آخر عندها',
        'one',
        'two',
        'cell 1',
        'cell 2',
        'ab',
        'plain inline tail',
        'end',
        '',
      ].join('\u2029'),
    );
  });

  it('reads an empty page as empty', () => {
    const page = read('<div><p></p></div>');
    expect(page).toEqual({ text: '', nodes: [], starts: [] });
  });
});

describe('domPosition', () => {
  it('maps every offset of the text to the node and offset holding its character, and each break to the end of the node before it', () => {
    const page = read(MIXED, undefined, true);
    const shown = shownTextNodes(document.body);
    // Every character of every shown node, in order: what the non-break offsets must map to.
    const characters = shown.flatMap((node) => [...node.data].map((_, offset) => ({ node, offset })));
    let next = 0;
    for (let at = 0; at < page.text.length; at += 1) {
      const position = domPosition(page, at);
      expect(position, `offset ${at}`).toBeDefined();
      if (position === undefined) continue;
      if (page.text[at] === '\u2029') {
        // A break: at the end of the node holding the character before it.
        const before = characters[next - 1];
        expect(position.node, `offset ${at}`).toBe(before?.node);
        expect(position.offset, `offset ${at}`).toBe(position.node.data.length);
        continue;
      }
      const expected = characters[next];
      expect(position.node, `offset ${at}`).toBe(expected?.node);
      expect(position.offset, `offset ${at}`).toBe(expected?.offset);
      expect(position.node.data[position.offset]).toBe(page.text[at]);
      next += 1;
    }
    expect(next).toBe(characters.length);
  });

  it('maps the end of the text to the end of the last node', () => {
    const page = read('<p>ab<b>cd</b></p>');
    const last = page.nodes[page.nodes.length - 1];
    expect(domPosition(page, page.text.length)).toEqual({ node: last, offset: 2 });
  });

  it('finds nothing on a page without text', () => {
    expect(domPosition(read('<p></p>'), 0)).toBeUndefined();
  });
});

describe('domRange', () => {
  it('covers exactly the text of every range inside one block of the mixed page', () => {
    const page = read(MIXED);
    let checked = 0;
    let crossing = 0;
    let blockStart = 0;
    for (const line of page.text.split('\u2029')) {
      const blockEnd = blockStart + line.length;
      for (let start = blockStart; start < blockEnd; start += 1) {
        for (let end = start + 1; end <= blockEnd; end += 1) {
          const range = domRange(page, start, end);
          expect(range?.toString(), `[${start}, ${end})`).toBe(page.text.slice(start, end));
          checked += 1;
          if (range !== undefined && range.startContainer !== range.endContainer) crossing += 1;
        }
      }
      blockStart = blockEnd + 1;
    }
    // Many of them cross inline element boundaries.
    expect(checked).toBeGreaterThan(500);
    expect(crossing).toBeGreaterThan(200);
  });

  it('starts in the node holding its first character, and an empty range is collapsed', () => {
    const page = read('<p>a<b>bc</b>d</p>');
    const range = domRange(page, 1, 3);
    expect(range?.startContainer).toBe(page.nodes[1]);
    expect(range?.startOffset).toBe(0);
    expect(range?.toString()).toBe('bc');
    expect(domRange(page, 2, 2)?.collapsed).toBe(true);
  });

  // The range ends in the node holding its last character, not at the start of the next text node: skipped
  // content between the two (a script, hidden text, the extension's own UI) stays out of it.
  for (const skipped of [
    '<script>§</script>',
    '<span hidden>§</span>',
    '<span style="display: none">§</span>',
    '<span data-isnad-ui>§</span>',
  ]) {
    it(`ends before ${skipped} that follows it inside the block`, () => {
      const page = read(`<p>a${skipped}b</p>`);
      expect(page.text).toBe('ab\u2029');
      expect(domRange(page, 0, 1)?.toString()).toBe('a');
    });
  }

  it('is undefined on a page without text', () => {
    expect(domRange(read('<div></div>'), 0, 0)).toBeUndefined();
  });

  it('covers exactly the text of any range in a paragraph of nested inline elements (property)', () => {
    const piece = fc.record({
      tags: fc.array(fc.constantFrom('b', 'i', 'a', 'span', 'em', 'strong'), { maxLength: 3 }),
      text: fc.string({ unit: fc.constantFrom('ع', 'ل', 'ا', 'ق', 'ت', 'x', ' ', '“', '،'), minLength: 0, maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const html = pieces
          .map(
            ({ tags, text }) =>
              tags.map((t) => `<${t}>`).join('') +
              text +
              [...tags]
                .reverse()
                .map((t) => `</${t}>`)
                .join(''),
          )
          .join('');
        const page = read(`<p>${html}</p>`);
        const length = page.text.replace(/\u2029$/, '').length;
        expect(length).toBe(pieces.reduce((sum, { text }) => sum + text.length, 0));
        if (length === 0) return;
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        expect(domRange(page, start, end)?.toString()).toBe(page.text.slice(start, end));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading a page', () => {
  it('leaves its DOM as it was', () => {
    document.head.innerHTML = '<style>.gone { display: none }</style>';
    document.body.innerHTML = MIXED;
    roughen(document.body);
    const before = document.body.innerHTML;
    const headBefore = document.head.innerHTML;
    // innerHTML cannot show empty or split text nodes: compare the nodes themselves too.
    const nodes = (): Node[] => {
      const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
      const all: Node[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) all.push(node);
      return all;
    };
    const nodesBefore = nodes();
    const page = readPageText(document.body);
    for (let at = 0; at < page.text.length; at += 7) domRange(page, at, Math.min(page.text.length, at + 13));
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe(headBefore);
    const nodesAfter = nodes();
    expect(nodesAfter).toHaveLength(nodesBefore.length);
    nodesAfter.forEach((node, i) => expect(node).toBe(nodesBefore[i]));
  });
});

/** The least of a DOM node the reader uses, to build trees deeper than jsdom itself can attach. */
class BareNode {
  // As on every node, the kinds of node, whatever window the node is from.
  readonly ELEMENT_NODE = Node.ELEMENT_NODE;
  readonly TEXT_NODE = Node.TEXT_NODE;
  readonly DOCUMENT_NODE = Node.DOCUMENT_NODE;
  readonly DOCUMENT_FRAGMENT_NODE = Node.DOCUMENT_FRAGMENT_NODE;
  parentNode: BareNode | null = null;
  firstChild: BareNode | null = null;
  lastChild: BareNode | null = null;
  nextSibling: BareNode | null = null;
  constructor(
    readonly nodeType: number,
    readonly tagName = '',
    readonly data = '',
  ) {}

  append(child: BareNode): BareNode {
    child.parentNode = this;
    if (this.lastChild === null) this.firstChild = child;
    else this.lastChild.nextSibling = child;
    this.lastChild = child;
    return child;
  }

  hasAttribute(): boolean {
    return false;
  }

  contains(other: BareNode | null): boolean {
    for (let node = other; node !== null; node = node.parentNode) if (node === this) return true;
    return false;
  }
}

describe('readPageText: depth', () => {
  it('walks 100,000 nested elements with its own stack, reading the text inside and after them', () => {
    const root = new BareNode(Node.ELEMENT_NODE, 'BODY');
    let parent = root;
    for (let depth = 0; depth < 100_000; depth += 1) parent = parent.append(new BareNode(Node.ELEMENT_NODE, 'DIV'));
    parent.append(new BareNode(Node.TEXT_NODE, '', 'inside'));
    root.append(new BareNode(Node.TEXT_NODE, '', 'after'));
    const display: DisplayOf = (element) => (element.tagName === 'BODY' ? 'block' : 'contents');
    expect(readPageText(root as unknown as Node, display).text).toBe('insideafter\u2029');
  });
});
