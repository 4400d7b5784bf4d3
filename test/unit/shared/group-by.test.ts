import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../shared/util/group-by';

describe('groupBy', () => {
  it('keeps each group in the items’ order and the groups in the order of their first item', () => {
    const rows = [
      { id: 'a', k: 'x' },
      { id: 'b', k: 'y' },
      { id: 'c', k: 'x' },
    ];
    const grouped = groupBy(rows, (r) => r.k);
    expect([...grouped.keys()]).toEqual(['x', 'y']);
    expect(grouped.get('x')!.map((r) => r.id)).toEqual(['a', 'c']);
    expect(grouped.get('y')!.map((r) => r.id)).toEqual(['b']);
    expect(groupBy([], (r: { k: string }) => r.k).size).toBe(0);
    // Any iterable: a map's values.
    expect(groupBy(new Map([['1', 1], ['2', 2], ['3', 3]]).values(), (n) => n % 2).get(1)).toEqual([1, 3]);
  });
});
