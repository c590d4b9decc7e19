/** The command line of `npm run catalogue`: parsed, or refused with a one-line reason. */

export interface CatalogueOptions {
  /** How many synthetic articles to write. */
  readonly count: number;
  /** The directory to write them to, as given. */
  readonly out: string;
  readonly seed: number;
}

export const USAGE = 'npm run catalogue -- --synthetic N --out DIR [--seed S]';
/** The seed without --seed: fixed, so that the same N gives the same files. */
export const DEFAULT_SEED = 20260204;
/** Ids number articles with five digits, which keeps file names in article order. */
export const MAX_COUNT = 99_999;
const MAX_SEED = 0xffffffff;

/** A command line the script cannot run with; its message is the reason, on one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = ['--synthetic', '--out', '--seed'] as const;
type Option = (typeof OPTIONS)[number];

function integer(option: Option, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`${option} takes an integer from 0 to ${max}, not "${value}"`);
  }
  return Number(value);
}

export function parseArguments(argv: readonly string[]): CatalogueOptions {
  const given = new Map<Option, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const equals = argument.indexOf('=');
    const name = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const option = OPTIONS.find((known) => known === name);
    if (option === undefined) throw new UsageError(`unknown argument "${argument}"`);
    if (given.has(option)) throw new UsageError(`${option} is given twice`);
    let value: string | undefined;
    if (equals > 0 && name !== argument) value = argument.slice(equals + 1);
    else {
      value = argv[index + 1];
      index += 1;
    }
    if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
    given.set(option, value);
  }
  const synthetic = given.get('--synthetic');
  const out = given.get('--out');
  if (synthetic === undefined) throw new UsageError('--synthetic N is required');
  if (out === undefined) throw new UsageError('--out DIR is required');
  const seed = given.get('--seed');
  return {
    count: integer('--synthetic', synthetic, MAX_COUNT),
    out,
    seed: seed === undefined ? DEFAULT_SEED : integer('--seed', seed, MAX_SEED),
  };
}
