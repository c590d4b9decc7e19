/**
 * What a built extension weighs: the content script every listed page
 * loads (the files of the manifest's first `content_scripts` entry), and
 * the whole package as the stores take it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { zipFolder } from '../scripts/zip';

export interface PackageSizes {
  readonly contentScript: {
    /** The always-injected files, as the manifest names them. */
    readonly files: string[];
    /** As built: what the browser reads and compiles on every listed page. */
    readonly bytes: number;
    /** Each file gzipped (level 9), summed. */
    readonly gzipBytes: number;
    /** Minified by esbuild, then gzipped: the size the content-script target is set on. */
    readonly minBytes: number;
    readonly minGzipBytes: number;
  };
  readonly package: {
    readonly files: number;
    /** Every file of the built folder, summed. */
    readonly bytes: number;
    /** The store zip (`npm run package`'s deflate, level 9). */
    readonly zipBytes: number;
  };
}

const gzipped = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** Every file under `dir`, summed. */
export const folderBytes = (dir: string): number => filesUnder(dir).reduce((sum, file) => sum + statSync(file).size, 0);

export async function packageSizes(extensionDir: string): Promise<PackageSizes> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const files = manifest.content_scripts?.[0]?.js ?? [];
  let [bytes, gzipBytes, minBytes, minGzipBytes] = [0, 0, 0, 0];
  for (const file of files) {
    const code = readFileSync(join(extensionDir, file));
    const minified = Buffer.from(
      (await esbuild.transform(code.toString('utf8'), { minify: true, loader: 'js', charset: 'utf8', legalComments: 'none' })).code,
    );
    bytes += code.length;
    gzipBytes += gzipped(code);
    minBytes += minified.length;
    minGzipBytes += gzipped(minified);
  }
  return {
    contentScript: { files, bytes, gzipBytes, minBytes, minGzipBytes },
    package: { files: filesUnder(extensionDir).length, bytes: folderBytes(extensionDir), zipBytes: zipFolder(extensionDir).length },
  };
}
