/**
 * The folders of src/ are the pipeline's layers, and imports run one way:
 * the article's data and schema at the bottom, the pure engine above it,
 * what the extension's parts share above that, and the parts on top. No
 * module reaches up or sideways, and nothing in src/ imports the tooling.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../scripts/paths';

/** Each folder of src/, and the folders it may import from (besides itself). */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  article: [],
  engine: ['article'],
  shared: ['article', 'engine'],
  // What runs on every listed page: the detector. What runs only where it found an article: the annotator (page/), which it hands over to.
  detector: ['article', 'engine', 'shared'],
  page: ['article', 'engine', 'shared', 'detector'],
  popup: ['article', 'engine', 'shared'],
  background: ['article', 'engine', 'shared'],
  // The welcome page paints its sample with the news page's own code.
  welcome: ['article', 'engine', 'shared', 'page'],
  // The authoring tools, not part of the extension: its page paints with the news page's own code.
  authoring: ['article', 'engine', 'shared', 'page'],
};

export interface Import {
  readonly from: string;
  readonly to: string;
}

/** The imports that break the layering, as "from → to". */
export function violations(imports: readonly Import[]): string[] {
  const folder = (path: string): string | undefined => /^src\/([^/]+)\//.exec(path)?.[1];
  return imports
    .filter(({ from, to }) => {
      const source = folder(from);
      if (source === undefined) return false;
      const target = folder(to);
      if (target === undefined) return !to.startsWith('node_modules/'); // tooling, tests or the benchmark
      return target !== source && !(LAYERS[source] ?? []).includes(target);
    })
    .map(({ from, to }) => `${from} → ${to}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every relative import in src/, as project paths. */
function srcImports(): Import[] {
  return sourceFiles(join(projectRoot, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(([, spec]) => ({
      from: relative(projectRoot, file),
      to: relative(projectRoot, resolve(dirname(file), spec ?? '')),
    })),
  );
}

describe('the layers of src/', () => {
  it('has every folder of src/ in the table', () => {
    const folders = readdirSync(join(projectRoot, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('imports only downwards, and never the tooling', () => {
    const imports = srcImports();
    expect(imports.length).toBeGreaterThan(50);
    expect(violations(imports)).toEqual([]);
  });

  it('would report an import upwards, sideways, or out of src/', () => {
    expect(
      violations([
        { from: 'src/engine/detect.ts', to: 'src/page/scan' },
        { from: 'src/article/schema.ts', to: 'src/engine/normalize' },
        { from: 'src/background/commands.ts', to: 'src/popup/preference-switches' },
        { from: 'src/welcome/sites.ts', to: 'scripts/manifest' },
        { from: 'src/page/scan.ts', to: 'src/engine/detect' },
      ]),
    ).toEqual([
      'src/engine/detect.ts → src/page/scan',
      'src/article/schema.ts → src/engine/normalize',
      'src/background/commands.ts → src/popup/preference-switches',
      'src/welcome/sites.ts → scripts/manifest',
    ]);
  });
});
