/**
 * `npm run draft -- REPORT.txt|REPORT.html [--out FILE.json] [--id ID --title T --date YYYY-MM-DD --url U] [--force]`:
 * a draft article file from a report's text (see src/authoring/draft.ts). A saved news page gives the
 * paragraphs of its article body. Bad input gets one line saying what is wrong, never a stack trace; an
 * existing file is written over only with --force.
 */
import { ArticleFileError, loadArticles } from './articles';
import { DraftInputError, draftCommand } from './draft-command';

try {
  for (const line of draftCommand(
    process.argv.slice(2),
    loadArticles().flatMap((article) => article.speakers),
  ))
    console.log(line);
} catch (error) {
  if (!(error instanceof DraftInputError) && !(error instanceof ArticleFileError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
