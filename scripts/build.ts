/**
 * `npm run build`: validates the article files, then writes a loadable
 * unpacked extension per browser to dist/chrome and dist/firefox.
 *
 * Options: `--articles DIR` builds from the article files in DIR instead of
 * src/article/articles/ (validated the same way); `--out DIR` writes the
 * two extensions under DIR instead of dist/.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import type { Article, Speaker } from '../src/article/schema';
import { catalogueFiles } from './catalogue-files';
import { ArticleFileError, loadArticles } from './articles';
import { browserManifest, browsers, filesNamedBy, type Browser, type SourceManifest } from './manifest';
import { distDir as defaultDistDir, projectRoot } from './paths';

const entryPoints = {
  background: 'src/background/index.ts',
  detector: 'src/detector/index.ts',
  annotator: 'src/page/index.ts',
  'popup/popup': 'src/popup/index.ts',
  'welcome/welcome': 'src/welcome/index.ts',
};

const staticFiles = ['_locales', 'icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-48.png', 'icons/icon-128.png'];
/** Stylesheets of both of Isnad's own pages: the palette, and the list of what Isnad knows. */
const sharedStyles = ['theme.css', 'known-articles.css'];
const popupFiles = ['popup.html', 'popup.css'];
const welcomeFiles = ['welcome.html', 'welcome.css'];

const targets: Record<Browser, string> = { chrome: 'chrome105', firefox: 'firefox140' };

/**
 * Highlights are named by speaker id, and two articles may be painted on one
 * page: one id must look the same in every article.
 */
function checkSpeakers(articles: readonly Article[]): void {
  const seen = new Map<string, { speaker: Speaker; article: string }>();
  for (const article of articles) {
    for (const speaker of article.speakers) {
      const earlier = seen.get(speaker.id);
      if (earlier === undefined) seen.set(speaker.id, { speaker, article: article.id });
      else if (earlier.speaker.color !== speaker.color || earlier.speaker.cue !== speaker.cue) {
        throw new ArticleFileError(
          `article ${article.id}: speaker "${speaker.id}" has a colour or cue different from article ${earlier.article}'s`,
        );
      }
    }
  }
}

async function build(articlesFrom: string | undefined, distDir: string): Promise<void> {
  const articles = loadArticles(articlesFrom);
  checkSpeakers(articles);
  const catalogue = catalogueFiles(articles);
  const source = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as SourceManifest;
  rmSync(distDir, { recursive: true, force: true });

  for (const browser of browsers) {
    const out = join(distDir, browser);
    mkdirSync(join(out, 'popup'), { recursive: true });
    mkdirSync(join(out, 'welcome'), { recursive: true });
    await esbuild.build({
      absWorkingDir: projectRoot,
      entryPoints,
      outdir: out,
      bundle: true,
      format: 'iife',
      target: targets[browser],
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'warning',
      // The detector is compiled on every listed page: every byte of it is paid for on each load.
      minify: true,
    });
    mkdirSync(join(out, 'catalogue'), { recursive: true });
    mkdirSync(join(out, 'articles'), { recursive: true });
    for (const [file, contents] of catalogue) writeFileSync(join(out, file), contents);
    for (const file of staticFiles) cpSync(join(projectRoot, file), join(out, file), { recursive: true });
    for (const file of sharedStyles) cpSync(join(projectRoot, 'src/shared', file), join(out, file));
    for (const file of popupFiles) cpSync(join(projectRoot, 'src/popup', file), join(out, 'popup', file));
    for (const file of welcomeFiles) cpSync(join(projectRoot, 'src/welcome', file), join(out, 'welcome', file));

    const manifest = browserManifest(source, browser);
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const missing = filesNamedBy(manifest).filter((file) => !existsSync(join(out, file)));
    if (missing.length > 0) throw new Error(`dist/${browser}/manifest.json names missing files: ${missing.join(', ')}`);
  }
}

const { values: options } = parseArgs({ options: { articles: { type: 'string' }, out: { type: 'string' } } });
const out = options.out === undefined ? defaultDistDir : resolve(options.out);
try {
  await build(options.articles === undefined ? undefined : resolve(options.articles), out);
  console.log(`built ${browsers.map((b) => join(out, b)).join(' and ')}`);
} catch (error) {
  if (!(error instanceof ArticleFileError)) throw error;
  console.error(`invalid article file:\n${error.message}`);
  process.exitCode = 1;
}
