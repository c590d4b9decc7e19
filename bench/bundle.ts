/** Bundles the in-page harness (bench/page-entry.ts) with the engine from src/ and the peers, in memory. */
import * as esbuild from 'esbuild';
import { loadArticles } from '../scripts/articles';
import { projectRoot } from '../scripts/paths';

/** Serves the validated articles (of `dir`, else the bundled ones) as `isnad:articles`, as the extension's build does. */
const articlesPlugin = (dir?: string): esbuild.Plugin => ({
  name: 'isnad-articles',
  setup(build) {
    build.onResolve({ filter: /^isnad:articles$/ }, (args) => ({ path: args.path, namespace: 'isnad-articles' }));
    build.onLoad({ filter: /.*/, namespace: 'isnad-articles' }, () => ({
      contents: JSON.stringify(loadArticles(dir).map(({ $schema: _schema, ...article }) => article)),
      loader: 'json',
    }));
  },
});

export async function bundleHarness(articlesDir?: string): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: ['bench/page-entry.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome105', 'firefox140'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [articlesPlugin(articlesDir)],
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild wrote no harness');
  return file.text;
}
