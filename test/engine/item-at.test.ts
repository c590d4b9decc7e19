import { describe, expect, it } from 'vitest';
import { itemAt } from '../../src/engine/item-at';

describe('itemAt: an index read that must hit', () => {
  it('reads arrays, typed arrays and strings in range, zero included', () => {
    expect(itemAt([5, 0, 7], 1)).toBe(0);
    expect(itemAt(Int32Array.of(-1, 4), 0)).toBe(-1);
    expect(itemAt('قال', 2)).toBe('ل');
  });

  it('throws a RangeError naming the index outside the range, where a default would have hidden the bug', () => {
    expect(() => itemAt([1, 2], 2)).toThrow(new RangeError('index 2 is outside 0–1'));
    expect(() => itemAt(new Float64Array(0), 0)).toThrow(RangeError);
    expect(() => itemAt([1], -1)).toThrow(RangeError);
  });
});
