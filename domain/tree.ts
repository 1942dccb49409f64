/** Ordered trees kept as rows with a parent and a sort key (columns, regions). */
export interface TreeRow {
  id: number;
  parentId: number | null;
  sort: number;
}

const bySortThenId = (a: TreeRow, b: TreeRow) => a.sort - b.sort || a.id - b.id;

/** The children of `parentId` (null = the roots) in display order. */
export function childrenOf<T extends TreeRow>(rows: T[], parentId: number | null): T[] {
  return rows.filter((r) => r.parentId === parentId).sort(bySortThenId);
}

/**
 * Depth-first order — each parent followed by its subtree, siblings by sort — with each
 * row's depth. Rows whose parent is missing are treated as roots, so none is lost.
 */
export function preorder<T extends TreeRow>(rows: T[]): { row: T; depth: number }[] {
  const ids = new Set(rows.map((r) => r.id));
  const out: { row: T; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (r: T, depth: number) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    out.push({ row: r, depth });
    for (const c of childrenOf(rows, r.id)) visit(c, depth + 1);
  };
  for (const r of rows.filter((r) => r.parentId == null || !ids.has(r.parentId)).sort(bySortThenId)) visit(r, 0);
  return out;
}

/** The row and everything below it. */
export function subtreeIds(rows: TreeRow[], rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) {
    for (const r of rows) if (r.parentId === out[i] && !out.includes(r.id)) out.push(r.id);
  }
  return out;
}

/** Whether making `parentId` the parent of `id` would put the row inside itself. */
export function wouldCycle(rows: TreeRow[], id: number, parentId: number | null): boolean {
  return parentId != null && subtreeIds(rows, id).includes(parentId);
}

/**
 * The sibling order after moving `id` one place up or down, or null when it is already
 * first (up) or last (down).
 */
export function moveAmongSiblings(rows: TreeRow[], id: number, direction: 'up' | 'down'): number[] | null {
  const row = rows.find((r) => r.id === id);
  if (!row) return null;
  const order = childrenOf(rows, row.parentId).map((r) => r.id);
  const i = order.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= order.length) return null;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return order;
}
