/** Reads and validates the article files; shared by the build, the export and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article } from '../src/article/schema';
import { checkArticle } from '../src/engine/validate-article';
import { articlesDir, projectRoot } from './paths';

/** Thrown for an invalid article file; its message names the file, each JSON path and the reason. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
}

export function loadArticleFile(file: string): Article {
  const shown = relative(projectRoot, file) || file;
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ArticleFileError(`${shown}: $: not valid JSON (${(error as Error).message})`);
  }
  const result = checkArticle(input);
  if (!result.ok) {
    throw new ArticleFileError(result.problems.map((p) => `${shown}: ${p.path}: ${p.message}`).join('\n'));
  }
  return result.article;
}

/** Every article in `dir` (default: the bundled ones), validated, in file-name order; ids must be unique. */
export function loadArticles(dir = articlesDir): Article[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0) throw new ArticleFileError(`${relative(projectRoot, dir)}: no article files (*.json)`);
  const articles = files.map(loadArticleFile);
  const seen = new Map<string, string>();
  articles.forEach((article, index) => {
    const file = relative(projectRoot, files[index] ?? '');
    const other = seen.get(article.id);
    if (other !== undefined) throw new ArticleFileError(`${file}: $.id: duplicate article id "${article.id}" (also in ${other})`);
    seen.set(article.id, file);
  });
  return articles;
}
