import { describe, expect, it } from 'vitest';
import { childrenOf, moveAmongSiblings, preorder, subtreeIds, wouldCycle, type TreeRow } from './tree';

// 1 ─┬─ 3 ── 5
//    └─ 4
// 2
const rows: TreeRow[] = [
  { id: 4, parentId: 1, sort: 9 },
  { id: 2, parentId: null, sort: 1 },
  { id: 5, parentId: 3, sort: 0 },
  { id: 1, parentId: null, sort: 0 },
  { id: 3, parentId: 1, sort: 2 },
];

describe('tree', () => {
  it('orders depth first: each parent right before its subtree, siblings by sort', () => {
    expect(preorder(rows).map(({ row, depth }) => [row.id, depth])).toEqual([
      [1, 0],
      [3, 1],
      [5, 2],
      [4, 1],
      [2, 0],
    ]);
    // A row whose parent is gone is shown as a root rather than lost.
    expect(preorder([...rows, { id: 9, parentId: 99, sort: 0 }]).map((x) => x.row.id)).toContain(9);
  });

  it('moves among siblings only, and not past either end', () => {
    expect(moveAmongSiblings(rows, 4, 'up')).toEqual([4, 3]);
    expect(moveAmongSiblings(rows, 3, 'up')).toBeNull();
    expect(moveAmongSiblings(rows, 2, 'down')).toBeNull();
    expect(moveAmongSiblings(rows, 2, 'up')).toEqual([2, 1]);
    expect(childrenOf(rows, 1).map((r) => r.id)).toEqual([3, 4]);
  });

  it('finds cycles: a row under itself or under its own descendant', () => {
    expect(subtreeIds(rows, 1).sort()).toEqual([1, 3, 4, 5]);
    expect(wouldCycle(rows, 1, 1)).toBe(true);
    expect(wouldCycle(rows, 1, 5)).toBe(true);
    expect(wouldCycle(rows, 3, 4)).toBe(false);
    expect(wouldCycle(rows, 3, null)).toBe(false);
  });
});
