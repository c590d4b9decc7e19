/**
 * `npm run export [-- --reviews-at URL]`: writes each article's annotations as W3C Web Annotation JSON-LD to
 * dist/annotations/, and, given where the reviews are published, its claims as schema.org ClaimReview JSON-LD to
 * dist/claimreview/ (each review's `url` is that address, the article's id and the claim's: Google requires one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { toClaimReviews } from '../src/article/claim-review';
import type { Verdict } from '../src/article/schema';
import { toWebAnnotationCollection } from '../src/article/web-annotation';
import { verdictMessage } from '../src/shared/labels';
import { ArticleFileError, loadArticles } from './articles';
import { distDir, projectRoot } from './paths';

/** The UI's own words for a verdict, from the extension's messages. */
function verdictLabels(): (verdict: Verdict, lang: 'ar' | 'en') => string {
  const messages = Object.fromEntries(
    (['ar', 'en'] as const).map((lang) => [
      lang,
      JSON.parse(readFileSync(join(projectRoot, '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>,
    ]),
  );
  return (verdict, lang) => messages[lang]?.[verdictMessage[verdict]]?.message ?? verdict;
}

/** The options, or why they are wrong. */
function options(): { reviewsAt: string | undefined; reviewer: string } | string {
  try {
    const { values } = parseArgs({ options: { 'reviews-at': { type: 'string' }, reviewer: { type: 'string', default: 'Isnad' } } });
    const reviewsAt = values['reviews-at'];
    if (reviewsAt !== undefined && !(URL.canParse(reviewsAt) && /^https?:$/.test(new URL(reviewsAt).protocol)))
      return `--reviews-at ${reviewsAt}: must be an http(s) address`;
    return { reviewsAt, reviewer: values.reviewer };
  } catch (error) {
    return (error as Error).message;
  }
}

const chosen = options();
if (typeof chosen === 'string') {
  console.error(chosen);
  process.exit(1);
}
const { reviewsAt, reviewer } = chosen;
try {
  const articles = loadArticles();
  const annotations = join(distDir, 'annotations');
  mkdirSync(annotations, { recursive: true });
  for (const article of articles) {
    const file = join(annotations, `${article.id}.jsonld`);
    writeFileSync(file, `${JSON.stringify(toWebAnnotationCollection(article), null, 2)}\n`);
    console.log(`wrote ${relative(projectRoot, file)} (${article.annotations.length} annotations)`);
  }
  if (reviewsAt === undefined) console.log('ClaimReview: not written; give --reviews-at URL, the address where the reviews are published');
  else {
    const reviews = join(distDir, 'claimreview');
    mkdirSync(reviews, { recursive: true });
    const review = { reviewsAt, reviewer, verdictLabel: verdictLabels() };
    for (const article of articles) {
      const file = join(reviews, `${article.id}.jsonld`);
      const items = toClaimReviews(article, review);
      writeFileSync(file, `${JSON.stringify(items, null, 2)}\n`);
      console.log(`wrote ${relative(projectRoot, file)} (${items.length} claim reviews)`);
    }
  }
} catch (error) {
  if (!(error instanceof ArticleFileError)) throw error;
  console.error(`invalid article file:\n${error.message}`);
  process.exitCode = 1;
}
