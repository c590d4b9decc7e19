/**
 * Drafting an article file from a report's text, measured against the
 * article files written by hand: the bundled article's text (the report as
 * received, `../shared/article/ar.txt`) and the second article's. The
 * figures below are the README's; the test fails under them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { draftMarks, isDraftMark } from '../../src/article/draft-mark';
import type { Article } from '../../src/article/schema';
import { draftArticle, type Draft } from '../../src/authoring/draft';
import { checkArticle } from '../../src/engine/validate-article';
import { loadArticle, putinXi } from '../support/article-page';

const second = loadArticle(JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'second-article.json'), 'utf8')));
const received = join(projectRoot, '..', 'shared', 'article', 'ar.txt');

/** The draft with every mark replaced by what it proposes, or by `fill` where it proposes nothing. */
function accepted(value: unknown, fill: (what: string) => unknown): unknown {
  if (isDraftMark(value)) return value.value ?? fill(value.$draft);
  if (Array.isArray(value)) return value.map((item: unknown) => accepted(item, fill));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, accepted(item, fill)]));
  return value;
}

interface Figures {
  readonly quotations: number;
  readonly found: number;
  readonly rightSpeaker: number;
  readonly rightAttribution: number;
  readonly invented: number;
  readonly claimsAmongCandidates: number;
  readonly claims: number;
}

/** How a draft compares with the article file written by hand. */
function figures(draft: Draft, article: Article, sameSpeaker: (draftId: string, articleId: string) => boolean): Figures {
  const annotations = draft.file.annotations as { kind: string; speaker: unknown; target: { exact: string }; attribution: unknown }[];
  const quotes = annotations.filter((annotation) => annotation.kind === 'quote');
  const candidates = annotations.filter((annotation) => annotation.kind === 'claim').map(({ target }) => target.exact);
  const expected = article.annotations.flatMap((annotation) => (annotation.kind === 'quote' ? [annotation] : []));
  // The hand-made file also lists quotations reported without quotation marks: the draft reads quotation marks.
  const marked = expected.filter((quote) => {
    const paragraph = article.paragraphs.find((text) => text.includes(quote.target.exact)) ?? '';
    const at = paragraph.indexOf(quote.target.exact);
    return at > 0 && /[“”"«]/u.test(paragraph.charAt(at - 1));
  });
  const pairs = marked.flatMap((quote) => {
    const drafted = quotes.find(({ target }) => target.exact === quote.target.exact);
    return drafted === undefined ? [] : [{ quote, drafted }];
  });
  const proposed = (value: unknown): unknown => (isDraftMark(value) ? value.value : value);
  const claims = article.annotations.filter((annotation) => annotation.kind === 'claim');
  return {
    quotations: marked.length,
    found: pairs.length,
    rightSpeaker: pairs.filter(({ quote, drafted }) => sameSpeaker(String(proposed(drafted.speaker)), quote.speaker)).length,
    rightAttribution: pairs.filter(
      ({ quote, drafted }) => (proposed(drafted.attribution) as { exact?: string } | undefined)?.exact === quote.attribution.exact,
    ).length,
    invented: quotes.filter(({ target }) => !expected.some((quote) => quote.target.exact === target.exact)).length,
    claimsAmongCandidates: claims.filter(({ target }) => candidates.some((candidate) => candidate.includes(target.exact))).length,
    claims: claims.length,
  };
}

describe('a draft of the bundled article, from its text alone', () => {
  const text = putinXi.paragraphs.join('\n');
  const draft = draftArticle(text, { knownSpeakers: putinXi.speakers });

  it('is the report as received', () => {
    if (existsSync(received)) expect(readFileSync(received, 'utf8').trim()).toBe(text);
  });

  it('finds every quotation, with its speaker and its attribution, and invents none', () => {
    expect(figures(draft, putinXi, (a, b) => a === b)).toEqual({
      quotations: 12,
      found: 12,
      rightSpeaker: 12,
      rightAttribution: 12,
      invented: 0,
      claimsAmongCandidates: 8,
      claims: 9,
    });
  });

  it('has the figure-bearing claims among its candidates', () => {
    const candidates = (draft.file.annotations as { kind: string; target: { exact: string } }[]).filter(({ kind }) => kind === 'claim');
    for (const id of ['claim-trade-volume', 'claim-cooperation-growth', 'claim-no-limits-partnership', 'claim-last-meeting']) {
      const claim = putinXi.annotations.find((annotation) => annotation.id === id);
      expect(
        candidates.some(({ target }) => target.exact.includes(claim?.target.exact ?? '-')),
        id,
      ).toBe(true);
    }
  });

  it('is refused while a draft mark is left, each listed with its JSON path, and valid once they are written', () => {
    const check = checkArticle(draft.file);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toHaveLength(draftMarks(draft.file).length);
    expect(check.problems).toContainEqual({ path: '$.id', message: expect.stringMatching(/^draft: an id/) as string });
    expect(check.problems).toContainEqual({
      path: '$.annotations[0].speaker',
      message: expect.stringContaining('وقال الرئيس الصيني إن') as string,
    });
    const written = accepted(draft.file, (what) =>
      what.startsWith('an id')
        ? 'drafted-article'
        : what.startsWith('the date')
          ? '2026-02-04'
          : what.startsWith('statistic')
            ? 'statistic'
            : what.startsWith('consistent')
              ? 'consistent'
              : 'نص',
    );
    expect(checkArticle(written)).toMatchObject({ ok: true });
  });
});

describe('a draft of the second article, whose speakers Isnad does not know', () => {
  const draft = draftArticle(second.paragraphs.join('\n'), { knownSpeakers: putinXi.speakers, id: 'city-library', date: '2026-03-07' });
  const speakers = draft.file.speakers as { id: string; name: { ar: unknown } }[];

  it('finds both quotations, a new speaker for each named as the text names them, and the attribution phrases', () => {
    const newSpeaker = new Map(speakers.map(({ id, name }) => [id, String(isDraftMark(name.ar) ? name.ar.value : name.ar)]));
    const figure = figures(draft, second, (id, expected) =>
      (newSpeaker.get(id) ?? '').includes(expected === 'mayor' ? 'رئيسة البلدية' : 'مدير المكتبة'),
    );
    expect(figure).toMatchObject({ quotations: 2, found: 2, rightSpeaker: 2, rightAttribution: 2, invented: 0 });
    expect([...newSpeaker.values()]).toEqual(['رئيسة البلدية سلمى الخطيب', 'مدير المكتبة كريم منصور']);
    expect(draft.counts).toMatchObject({ quotations: 2, newSpeakers: 2, unknownSpeakers: 0 });
  });

  it('proposes the second article’s figure-bearing sentence as a claim', () => {
    const claim = second.annotations.find((annotation) => annotation.kind === 'claim');
    const candidates = (draft.file.annotations as { kind: string; target: { exact: string } }[]).filter(({ kind }) => kind === 'claim');
    expect(candidates.some(({ target }) => target.exact.includes(claim?.target.exact ?? '-'))).toBe(true);
  });
});
