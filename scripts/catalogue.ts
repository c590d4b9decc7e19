/**
 * `npm run catalogue -- --synthetic N --out DIR [--seed S]`: writes N
 * synthetic Arabic news articles, valid article files on the bundled
 * article's subjects, and copies of the bundled articles, to DIR: a
 * catalogue of the size a real one may reach, for the build and the
 * engine to be measured on. The same N and seed give the same files.
 */
import { runCatalogue } from './catalogue/cli';

// npm runs scripts from the project root; a relative DIR means the caller's directory.
process.exitCode = runCatalogue(process.argv.slice(2), process.env['INIT_CWD'] ?? process.cwd(), console);
