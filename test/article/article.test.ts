import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/articles';
import { projectRoot } from '../../scripts/paths';
import type { Article, Claim, Quote } from '../../src/article/schema';
import { quoteMatches, referenceText } from '../../src/article/text-quote';

const articleId = 'putin-xi-video-call-2026-02-04';
const received = join(projectRoot, '..', 'shared', 'article', 'ar.txt');
const ci = process.env['CI'] === 'true';

/** The strings between paired quotation marks: “ or ” opens, the next ” closes (the article uses ” for both). */
function quotedStrings(text: string): { start: number; exact: string }[] {
  const found: { start: number; exact: string }[] = [];
  let open: number | undefined;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (open === undefined && (char === '“' || char === '”')) open = at + 1;
    else if (open !== undefined && char === '”') {
      found.push({ start: open, exact: text.slice(open, at) });
      open = undefined;
    } else if (open !== undefined && (char === '“' || char === '\n')) {
      throw new Error(`unclosed quotation mark at offset ${open - 1}`);
    }
  }
  if (open !== undefined) throw new Error(`unclosed quotation mark at offset ${open - 1}`);
  return found;
}

describe('quotedStrings (test helper)', () => {
  it('pairs “ and ” openers with the next ” closer', () => {
    expect(quotedStrings('a “b” c ”d” e “f”')).toEqual([
      { start: 3, exact: 'b' },
      { start: 9, exact: 'd' },
      { start: 15, exact: 'f' },
    ]);
    expect(() => quotedStrings('a “b')).toThrow('unclosed');
  });
});

describe(`the bundled article ${articleId}`, () => {
  const articles = loadArticles();
  const matching = articles.filter((a) => a.id === articleId);
  const article = matching[0] as Article;
  const text = referenceText(article.paragraphs);
  const quotes = article.annotations.filter((a): a is Quote => a.kind === 'quote');
  const claims = article.annotations.filter((a): a is Claim => a.kind === 'claim');

  it('is bundled exactly once', () => {
    expect(matching).toHaveLength(1);
  });

  it('is dated 2026-02-04 and has 14 paragraphs', () => {
    expect(article.date).toBe('2026-02-04');
    expect(article.paragraphs).toHaveLength(14);
  });

  // Under CI the received text must be there; locally it may not be.
  it.skipIf(!ci && !existsSync(received))('has exactly the paragraphs of ../shared/article/ar.txt', () => {
    expect(existsSync(received), `${received} is missing`).toBe(true);
    const lines = readFileSync(received, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    expect(article.paragraphs).toEqual(lines);
  });

  it('has the speakers of the quotations', () => {
    expect(article.speakers.map((s) => s.id)).toEqual(expect.arrayContaining(['xi', 'putin', 'china-mfa', 'china-russia']));
  });

  it('has 12 quotes, all direct', () => {
    expect(quotes).toHaveLength(12);
    expect(quotes.every((q) => q.form === 'direct')).toBe(true);
  });

  it('quotes exactly the 12 strings between quotation marks, each at its own place', () => {
    const strings = quotedStrings(text);
    expect(strings).toHaveLength(12);
    const targeted = quotes
      .map((q) => ({ start: quoteMatches(text, q.target)[0] ?? -1, exact: q.target.exact }))
      .sort((a, b) => a.start - b.start);
    expect(targeted).toEqual(strings);
  });

  it('attributes the quotes to xi ×4, putin ×6, china-russia ×1, china-mfa ×1', () => {
    const counts: Record<string, number> = {};
    for (const q of quotes) counts[q.speaker] = (counts[q.speaker] ?? 0) + 1;
    expect(counts).toEqual({ xi: 4, putin: 6, 'china-russia': 1, 'china-mfa': 1 });
  });

  it('attributes each quote to the speaker of its paragraph', () => {
    // 1-based paragraph → speaker, from ../shared/article/facts.md.
    const speakerOf: Record<number, string> = { 2: 'xi', 3: 'putin', 4: 'putin', 5: 'putin', 9: 'china-russia', 12: 'xi', 14: 'china-mfa' };
    for (const q of quotes) {
      const start = quoteMatches(text, q.target)[0] ?? -1;
      const paragraph = text.slice(0, start).split('\n').length;
      expect(`${q.id}: ${speakerOf[paragraph] ?? 'none'}`).toBe(`${q.id}: ${q.speaker}`);
    }
  });

  it('has at least nine claims, covering every category', () => {
    expect(claims.length).toBeGreaterThanOrEqual(9);
    expect(new Set(claims.map((c) => c.category))).toEqual(new Set(['statistic', 'history', 'event', 'accusation', 'denial', 'statement']));
  });

  it('gives every speaker a distinct #rrggbb colour', () => {
    const colours = article.speakers.map((s) => s.color.toLowerCase());
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives every quoted speaker a distinct cue', () => {
    const quoted = [...new Set(quotes.map((q) => q.speaker))];
    const cues = quoted.map((id) => article.speakers.find((s) => s.id === id)?.cue);
    expect(cues.every((cue) => cue !== undefined)).toBe(true);
    expect(new Set(cues).size).toBe(quoted.length);
  });
});
