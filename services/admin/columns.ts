import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { columns } from '@/db/schema';
import { createColumnSchema, moveSchema, updateColumnSchema } from '@/domain/admin-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { moveAmongSiblings, preorder, wouldCycle, type TreeRow } from '@/domain/tree';
import { tags } from '@/lib/cache-tags';
import { writeEvent } from '../events';
import { changedFields, fieldError, requireAdmin, uniqueViolation } from './shared';

// Columns (栏目). `sort` holds the position in the whole tree, depth first (each parent
// followed by its sub-columns), because every reader lists columns ordered by sort alone
// and shows sub-columns right under their parent.

const COLUMN_NOT_FOUND = '没有找到这个栏目,可能已被删除。';

/** Every column, locked: creating or moving one renumbers the whole (small) tree. */
const lockAll = (tx: Tx) =>
  tx.select({ id: columns.id, parentId: columns.parentId, sort: columns.sort }).from(columns).for('update');

/** Stores the depth-first order of `rows` (their sort values decide among siblings only). */
async function renumber(tx: Tx, rows: TreeRow[], stored: Map<number, number>) {
  for (const [i, { row }] of preorder(rows).entries()) {
    if (stored.get(row.id) !== i) await tx.update(columns).set({ sort: i }).where(eq(columns.id, row.id));
  }
}

async function refuseSlug(tx: Tx, slug: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: columns.id })
    .from(columns)
    .where(and(eq(columns.slug, slug), exceptId ? sql`${columns.id} <> ${exceptId}` : undefined))
    .limit(1);
  if (clash) throw fieldError('slug', `网址名「${slug}」已被其他栏目使用,请换一个`);
}

function mapSlugUnique(e: unknown, slug: string): never {
  if (uniqueViolation(e) === 'columns_slug_unique') throw fieldError('slug', `网址名「${slug}」已被其他栏目使用,请换一个`);
  throw e;
}

const parentTags = (...ids: (number | null)[]) => ids.filter((id): id is number => id != null).map(tags.column);

export async function createColumn(p: Principal | null, raw: unknown): Promise<{ id: number; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = createColumnSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await lockAll(tx);
    if (input.parentId != null && !rows.some((r) => r.id === input.parentId)) throw fieldError('parentId', '所选上级栏目已不存在,请刷新页面');
    await refuseSlug(tx, input.slug);
    const last = Math.max(-1, ...rows.map((r) => r.sort)) + 1;
    const [row] = await tx
      .insert(columns)
      .values({ ...input, sort: last })
      .returning({ id: columns.id })
      .catch((e: unknown) => mapSlugUnique(e, input.slug));
    const id = row!.id;
    // Last among its siblings.
    await renumber(tx, [...rows, { id, parentId: input.parentId, sort: last }], new Map([...rows.map((r) => [r.id, r.sort] as const), [id, last]]));
    await writeEvent(tx, { actorId: admin.id, action: 'column.create', data: { columnId: id, after: input } });
    return { id, tags: [tags.columns, tags.column(id), tags.home, ...parentTags(input.parentId)] };
  });
}

export async function updateColumn(p: Principal | null, raw: unknown): Promise<{ id: number; changed: boolean; tags: string[] }> {
  const admin = requireAdmin(p);
  const { id, ...input } = updateColumnSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await lockAll(tx);
    const [c] = await tx.select().from(columns).where(eq(columns.id, id));
    if (!c) throw new AppError('NOT_FOUND', COLUMN_NOT_FOUND);
    const { slug, name, description, parentId, showInNav, showOnHome, reviewStages } = c;
    const diff = changedFields({ slug, name, description, parentId, showInNav, showOnHome, reviewStages }, input);
    if (!diff) return { id, changed: false, tags: [] };
    if ('parentId' in diff.after && input.parentId != null) {
      if (!rows.some((r) => r.id === input.parentId)) throw fieldError('parentId', '所选上级栏目已不存在,请刷新页面');
      if (wouldCycle(rows, id, input.parentId)) throw fieldError('parentId', '不能把栏目放到它自己或它的下级栏目之下');
    }
    if ('slug' in diff.after) await refuseSlug(tx, input.slug, id);
    await tx
      .update(columns)
      .set(input)
      .where(eq(columns.id, id))
      .catch((e: unknown) => mapSlugUnique(e, input.slug));
    if ('parentId' in diff.after) {
      // Last among its new siblings.
      const last = Math.max(...rows.map((r) => r.sort)) + 1;
      const moved = rows.map((r) => (r.id === id ? { ...r, parentId: input.parentId, sort: last } : r));
      await renumber(tx, moved, new Map(rows.map((r) => [r.id, r.sort])));
    }
    await writeEvent(tx, { actorId: admin.id, action: 'column.update', data: { columnId: id, ...diff } });
    return { id, changed: true, tags: [tags.columns, tags.column(id), tags.home, ...parentTags(c.parentId, input.parentId)] };
  });
}

/** One place up or down among its siblings (the nav and the home page follow this order). */
export async function moveColumn(p: Principal | null, raw: unknown): Promise<{ id: number; moved: boolean; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = moveSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await lockAll(tx);
    if (!rows.some((r) => r.id === input.id)) throw new AppError('NOT_FOUND', COLUMN_NOT_FOUND);
    const order = moveAmongSiblings(rows, input.id, input.direction);
    if (!order) return { id: input.id, moved: false, tags: [] };
    const reordered = rows.map((r) => (order.includes(r.id) ? { ...r, sort: order.indexOf(r.id) } : r));
    await renumber(tx, reordered, new Map(rows.map((r) => [r.id, r.sort])));
    await writeEvent(tx, { actorId: admin.id, action: 'column.move', data: { columnId: input.id, direction: input.direction } });
    return { id: input.id, moved: true, tags: [tags.columns, tags.home] };
  });
}
