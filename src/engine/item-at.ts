/**
 * An index read that must hit: the item at `index`, or a RangeError. Where
 * an index is known to be in range, a default (`?? 0`) would turn a bug in
 * the index into a wrong offset; this fails where the bug is.
 */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} is outside 0–${items.length - 1}`);
  return item;
}
