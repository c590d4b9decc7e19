/** Zips a folder, its contents at the archive's root, as the browser stores expect. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

// A fixed date keeps the archive the same for the same files, build after build.
const fixedDate = new Date('2026-01-01T00:00:00Z');

export function zipFolder(dir: string): Uint8Array {
  const files: Zippable = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join('/')] = [readFileSync(path), { mtime: fixedDate }];
  }
  const sorted: Zippable = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  return zipSync(sorted, { level: 9 });
}
