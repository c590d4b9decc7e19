/**
 * A draft mark: what a drafted article file (`npm run draft`) leaves for a
 * person to write or confirm. It stands in place of the field's value, as
 * `{ "$draft": "what to do", "value": proposal }`; the person replaces the
 * whole object with the value. An article file holding any mark is not
 * finished, and the build refuses it, listing each (`validate-article.ts`).
 */
export const DRAFT_KEY = '$draft';

export interface DraftMark {
  readonly [DRAFT_KEY]: string;
  /** What the draft proposes, where it could read one. */
  readonly value?: unknown;
}

export const draftMark = (what: string, value?: unknown): DraftMark =>
  value === undefined ? { [DRAFT_KEY]: what } : { [DRAFT_KEY]: what, value };

export const isDraftMark = (value: unknown): value is DraftMark =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[DRAFT_KEY] === 'string';

/** Every draft mark in a parsed JSON value: where (path segments from the root) and what it asks. */
export function draftMarks(value: unknown, at: readonly (string | number)[] = []): { path: (string | number)[]; what: string }[] {
  if (isDraftMark(value)) return [{ path: [...at], what: value[DRAFT_KEY] }];
  if (Array.isArray(value)) return value.flatMap((item: unknown, index) => draftMarks(item, [...at, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => draftMarks(item, [...at, key]));
  return [];
}
