/**
 * Validation of an article file: its shape (the zod schema), then what a
 * schema cannot say: ids are unique, speakers exist, every target and
 * attribution picks exactly one place in the reference text, and no name is
 * given to two speakers. Pure: no file system here.
 */
import { draftMarks } from '../article/draft-mark';
import { normalize } from './normalize';
import { quoteMatches, referenceText, occurrences, type TextQuote } from '../article/text-quote';
import { Article } from '../article/schema';

export interface ArticleProblem {
  /** JSON path of the offending value, e.g. `$.annotations[3].speaker`. */
  readonly path: string;
  readonly message: string;
}

export type ArticleCheck =
  { readonly ok: true; readonly article: Article } | { readonly ok: false; readonly problems: readonly ArticleProblem[] };

/** `$.a[3].b` from ['a', 3, 'b']. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(segment))
          ? `${path}.${String(segment)}`
          : `${path}[${JSON.stringify(String(segment))}]`,
    '$',
  );
}

export function checkArticle(input: unknown): ArticleCheck {
  // A drafted file is not finished: each mark left is one problem, said as the draft asks it.
  const marks = draftMarks(input);
  if (marks.length > 0)
    return { ok: false, problems: marks.map(({ path, what }) => ({ path: jsonPath(path), message: `draft: ${what}` })) };
  const parsed = Article.safeParse(input, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required, but missing' : undefined),
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    };
  }
  const article = parsed.data;
  const problems = crossFieldProblems(article);
  return problems.length === 0 ? { ok: true, article } : { ok: false, problems };
}

function crossFieldProblems(article: Article): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  const report = (segments: PropertyKey[], message: string): void => {
    problems.push({ path: jsonPath(segments), message });
  };

  const reportDuplicateIds = (ids: readonly string[], list: string, what: string): void => {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      const earlier = seen.get(id);
      if (earlier === undefined) seen.set(id, index);
      else report([list, index, 'id'], `duplicate ${what} id "${id}" (first used at ${jsonPath([list, earlier, 'id'])})`);
    });
  };
  reportDuplicateIds(
    article.speakers.map((s) => s.id),
    'speakers',
    'speaker',
  );
  reportDuplicateIds(
    article.annotations.map((a) => a.id),
    'annotations',
    'annotation',
  );

  const speakerIds = new Set(article.speakers.map((s) => s.id));
  const declared = [...speakerIds].join(', ');
  const text = referenceText(article.paragraphs);

  /** A TextQuoteSelector must pick exactly one place in the reference text. */
  const checkSelector = (at: PropertyKey[], selector: TextQuote): void => {
    const found = occurrences(text, selector.exact).length;
    const picked = quoteMatches(text, selector).length;
    if (found === 0) {
      report([...at, 'exact'], 'not found in the reference text (paragraphs)');
    } else if (picked === 0) {
      report(at, `"exact" occurs ${found} time(s) in the reference text, but never with this prefix and suffix`);
    } else if (picked > 1) {
      const context = selector.prefix === undefined && selector.suffix === undefined ? '' : ' with this prefix and suffix';
      report(at, `"exact" occurs ${picked} times in the reference text${context}; add or lengthen prefix/suffix to pick one`);
    }
  };

  article.annotations.forEach((annotation, index) => {
    const speakers = annotation.kind === 'quote' ? [annotation.speaker] : annotation.attributedTo;
    speakers.forEach((id, position) => {
      if (speakerIds.has(id)) return;
      const at: PropertyKey[] =
        annotation.kind === 'quote' ? ['annotations', index, 'speaker'] : ['annotations', index, 'attributedTo', position];
      report(at, `unknown speaker "${id}" (declared speakers: ${declared})`);
    });

    checkSelector(['annotations', index, 'target'], annotation.target);
    if (annotation.kind === 'quote') checkSelector(['annotations', index, 'attribution'], annotation.attribution);
  });

  // A name two speakers share (as the engine compares text) could not tell them apart on a page.
  const owners = new Map<string, { speaker: string; at: PropertyKey[] }>();
  article.speakers.forEach((speaker, index) => {
    speaker.names.forEach((name, position) => {
      const key = normalize(name).text.trim();
      const at: PropertyKey[] = ['speakers', index, 'names', position];
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, { speaker: speaker.id, at });
      else if (owner.speaker !== speaker.id) report(at, `"${name}" is also a name of speaker "${owner.speaker}" (${jsonPath(owner.at)})`);
    });
  });
  return problems;
}
