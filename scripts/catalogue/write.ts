/**
 * Writes a catalogue directory: copies of the bundled article files, then
 * the synthetic articles, one file each, formatted like the bundled ones
 * are read (`JSON.stringify` with two spaces, and a final line break).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticles } from '../articles';
import { articlesDir } from '../paths';
import { UsageError } from './args';
import { POOL } from './speakers';
import { syntheticArticle } from './synthesize';

export interface CatalogueResult {
  readonly written: number;
  readonly copied: number;
  /** Synthetic files of an earlier, larger run, removed so that the directory holds this run only. */
  readonly removed: number;
}

/** A catalogue that cannot be written as asked; its message says why. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

/** A file a synthetic run wrote: `synthetic-<index>-….json`. */
const SYNTHETIC_FILE = /^synthetic-\d{5}-[a-z0-9-]+\.json$/;

/**
 * The build names highlights by speaker id, so it refuses one id with two
 * colours or cues: a bundled article that gave a pool speaker's id other
 * ones would make every catalogue unbuildable.
 */
function checkBundledSpeakers(): void {
  for (const article of loadArticles(articlesDir)) {
    for (const speaker of article.speakers) {
      const pooled = POOL.find((candidate) => candidate.speaker.id === speaker.id)?.speaker;
      if (pooled !== undefined && (pooled.color !== speaker.color || pooled.cue !== speaker.cue)) {
        throw new CatalogueError(
          `bundled article ${article.id}: speaker "${speaker.id}" is ${speaker.color} ${speaker.cue}, but synthetic articles draw it ${pooled.color} ${pooled.cue}`,
        );
      }
    }
  }
}

export function writeCatalogue(out: string, count: number, seed: number): CatalogueResult {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is not a directory`);
  checkBundledSpeakers();
  mkdirSync(out, { recursive: true });

  const bundled = readdirSync(articlesDir).filter((name) => name.endsWith('.json'));
  for (const name of bundled) copyFileSync(join(articlesDir, name), join(out, name));

  const written = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const article = syntheticArticle(index, seed);
    const name = `${article.id}.json`;
    writeFileSync(join(out, name), `${JSON.stringify(article, null, 2)}\n`);
    written.add(name);
  }

  const stale = readdirSync(out).filter((name) => SYNTHETIC_FILE.test(name) && !written.has(name));
  for (const name of stale) rmSync(join(out, name));
  return { written: written.size, copied: bundled.length, removed: stale.length };
}
