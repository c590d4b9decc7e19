/** The command's work, apart from the process: the tests run it as the script does. */
import { resolve } from 'node:path';
import { ArticleFileError } from '../articles';
import { parseArguments, USAGE, UsageError } from './args';
import { CatalogueError, writeCatalogue } from './write';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** A file system refusal (no such directory, no permission): its message names the call and the path. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException => error instanceof Error && 'code' in error && 'syscall' in error;

/** Writes the catalogue the arguments ask for, relative to `cwd`; the exit code: 0, or 1 with one line saying why. */
export function runCatalogue(argv: readonly string[], cwd: string, output: Output): number {
  try {
    const options = parseArguments(argv);
    const out = resolve(cwd, options.out);
    const result = writeCatalogue(out, options.count, options.seed);
    const removed = result.removed > 0 ? `; removed ${result.removed} synthetic files of an earlier run` : '';
    output.log(`wrote ${result.written} synthetic articles and ${result.copied} bundled to ${out}${removed}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) output.error(`catalogue: ${error.message} (usage: ${USAGE})`);
    else if (error instanceof CatalogueError || error instanceof ArticleFileError || isSystemError(error))
      output.error(`catalogue: ${error.message}`);
    else throw error;
    return 1;
  }
}
