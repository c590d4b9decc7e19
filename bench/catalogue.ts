/**
 * `--catalogue N`: a catalogue of N synthetic articles beside the bundled
 * ones (`npm run catalogue`), built into an extension of its own
 * (`npm run build -- --articles DIR --out DIR`), for the bench to measure
 * instead of dist/. Everything lives in a temporary folder, removed at exit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../scripts/paths';

export interface CatalogueBuild {
  /** Synthetic articles asked for. */
  readonly synthetic: number;
  /** Article files in the catalogue: the synthetic ones and the bundled ones copied. */
  readonly articles: number;
  /** Wall time of `npm run build` for the catalogue, ms (npm and the build script's start included). */
  readonly buildMs: number;
  /** The same, building the bundled articles alone, for comparison. */
  readonly bundledBuildMs: number;
  /** The catalogue's article files. */
  readonly articlesDir: string;
  /** The extensions built from it. */
  readonly extensionDirs: { readonly chrome: string; readonly firefox: string };
  /** Removes the temporary folder. */
  readonly remove: () => void;
}

const npm = (args: readonly string[]): void => {
  execFileSync('npm', ['run', '--silent', ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
};

const timed = (run: () => void): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

/** Whether `npm run catalogue` exists; the catalogue generator is a script of its own. */
export function catalogueScriptMissing(): string | undefined {
  const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts;
  return scripts?.catalogue === undefined
    ? '--catalogue needs `npm run catalogue -- --synthetic N --out DIR` to generate the articles, and package.json has no "catalogue" script'
    : undefined;
}

export function buildCatalogue(synthetic: number): CatalogueBuild {
  const missing = catalogueScriptMissing();
  if (missing !== undefined) throw new Error(missing);
  const work = mkdtempSync(join(tmpdir(), `isnad-catalogue-${synthetic}-`));
  const remove = (): void => {
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const articlesDir = join(work, 'articles');
    const outDir = join(work, 'dist');
    npm(['catalogue', '--', '--synthetic', String(synthetic), '--out', articlesDir]);
    const articles = readdirSync(articlesDir).filter((name) => name.endsWith('.json')).length;
    const bundledBuildMs = timed(() => {
      npm(['build', '--', '--out', join(work, 'bundled')]);
    });
    const buildMs = timed(() => {
      npm(['build', '--', '--articles', articlesDir, '--out', outDir]);
    });
    return {
      synthetic,
      articles,
      buildMs,
      bundledBuildMs,
      articlesDir,
      extensionDirs: { chrome: join(outDir, 'chrome'), firefox: join(outDir, 'firefox') },
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
