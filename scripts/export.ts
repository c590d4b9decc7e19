/** `npm run export`: writes each article's annotations as W3C Web Annotation JSON-LD to dist/annotations/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toWebAnnotationCollection } from '../src/article/web-annotation';
import { ArticleFileError, loadArticles } from './articles';
import { distDir, projectRoot } from './paths';

try {
  const out = join(distDir, 'annotations');
  mkdirSync(out, { recursive: true });
  for (const article of loadArticles()) {
    const file = join(out, `${article.id}.jsonld`);
    writeFileSync(file, `${JSON.stringify(toWebAnnotationCollection(article), null, 2)}\n`);
    console.log(`wrote ${relative(projectRoot, file)} (${article.annotations.length} annotations)`);
  }
} catch (error) {
  if (!(error instanceof ArticleFileError)) throw error;
  console.error(`invalid article file:\n${error.message}`);
  process.exitCode = 1;
}
