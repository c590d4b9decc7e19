/**
 * The keys of a page's sampled phrases (`engine/probes.ts` `sampledKeys`)
 * as a message carries them: base 36, one space between. A message is
 * serialised on the page's main thread, and short ASCII costs the least.
 */
const KEYS = /^[0-9a-z]{1,6}(?: [0-9a-z]{1,6})*$/;
/** Keys in one message: a 4 MB page holds about 40,000. */
const MAX_KEYS_CHARS = 4 * 1024 * 1024;

export const encodeKeys = (keys: Iterable<number>): string => [...keys].map((key) => key.toString(36)).join(' ');

export const isEncodedKeys = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_KEYS_CHARS && (value === '' || KEYS.test(value));

export const decodeKeys = (encoded: string): number[] => (encoded === '' ? [] : encoded.split(' ').map((key) => Number.parseInt(key, 36)));
