/** Where things are, relative to the project root. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
export const distDir = join(projectRoot, 'dist');
export const articlesDir = join(projectRoot, 'src', 'article', 'articles');

/** The extension's version: the source manifest's. */
export function extensionVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as { version: string }).version;
}
