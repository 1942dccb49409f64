import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { articles, columns, regions, teams } from '@/db/schema';
import { columnAncestry } from '@/db/queries/site';
import { createRegionSchema, createTeamSchema, moveSchema, renameRegionSchema, updateTeamSchema } from '@/domain/admin-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { childLevel, REGION_LEVEL_LABELS, type RegionLevel } from '@/domain/regions';
import { moveAmongSiblings } from '@/domain/tree';
import { tags as cacheTags } from '@/lib/cache-tags';
import { writeEvent } from '../events';
import { changedFields, fieldError, requireAdmin, uniqueViolation } from './shared';

// The region tree (地州 → 县 → 乡 → 村) and the work teams placed in it. Regions are not
// shown on the public site, so their verbs refresh no public cache.

const REGION_NOT_FOUND = '没有找到这个地区,可能已被删除。';
const TEAM_NOT_FOUND = '没有找到这个工作队。';

async function lockRegion(tx: Tx, id: number) {
  const [r] = await tx.select().from(regions).where(eq(regions.id, id)).for('update');
  if (!r) throw new AppError('NOT_FOUND', REGION_NOT_FOUND);
  return r;
}

async function refuseSiblingName(tx: Tx, parentId: number | null, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(
      and(
        parentId == null ? sql`${regions.parentId} is null` : eq(regions.parentId, parentId),
        eq(regions.name, name),
        exceptId ? sql`${regions.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (clash) throw fieldError('name', `同一上级下已有「${name}」`);
}

/** A child of the right level only: 地州 at the top, then 县, 乡, 村; a village has none. */
export async function createRegion(p: Principal | null, raw: unknown): Promise<{ id: number; level: RegionLevel; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = createRegionSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let level: RegionLevel = 'prefecture';
    let parentPath = '/';
    if (input.parentId != null) {
      const parent = await lockRegion(tx, input.parentId);
      const next = childLevel(parent.level);
      if (!next) throw fieldError('parentId', `${REGION_LEVEL_LABELS[parent.level]}是最低一级,不能再添加下级`);
      level = next;
      parentPath = parent.path;
    }
    await refuseSiblingName(tx, input.parentId, input.name);
    const [last] = await tx
      .select({ next: sql<number>`coalesce(max(${regions.sort}) + 1, 0)`.mapWith(Number) })
      .from(regions)
      .where(input.parentId == null ? sql`${regions.parentId} is null` : eq(regions.parentId, input.parentId));
    const [row] = await tx
      .insert(regions)
      .values({ parentId: input.parentId, level, name: input.name, sort: last?.next ?? 0 })
      .returning({ id: regions.id });
    const id = row!.id;
    await tx.update(regions).set({ path: `${parentPath}${id}/` }).where(eq(regions.id, id));
    await writeEvent(tx, { actorId: admin.id, action: 'region.create', data: { regionId: id, parentId: input.parentId, level, name: input.name } });
    return { id, level, tags: [] };
  });
}

export async function renameRegion(p: Principal | null, raw: unknown): Promise<{ id: number; changed: boolean; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = renameRegionSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockRegion(tx, input.id);
    if (r.name === input.name) return { id: r.id, changed: false, tags: [] };
    await refuseSiblingName(tx, r.parentId, input.name, r.id);
    await tx.update(regions).set({ name: input.name }).where(eq(regions.id, r.id));
    await writeEvent(tx, { actorId: admin.id, action: 'region.update', data: { regionId: r.id, before: { name: r.name }, after: { name: input.name } } });
    return { id: r.id, changed: true, tags: [] };
  });
}

/** One place up or down among its siblings. */
export async function moveRegion(p: Principal | null, raw: unknown): Promise<{ id: number; moved: boolean; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = moveSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await lockRegion(tx, input.id);
    const siblings = await tx
      .select({ id: regions.id, parentId: regions.parentId, sort: regions.sort })
      .from(regions)
      .where(r.parentId == null ? sql`${regions.parentId} is null` : eq(regions.parentId, r.parentId))
      .for('update');
    const order = moveAmongSiblings(siblings, r.id, input.direction);
    if (!order) return { id: r.id, moved: false, tags: [] };
    for (const [sort, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)!.sort !== sort) await tx.update(regions).set({ sort }).where(eq(regions.id, id));
    }
    await writeEvent(tx, { actorId: admin.id, action: 'region.move', data: { regionId: r.id, direction: input.direction } });
    return { id: r.id, moved: true, tags: [] };
  });
}

// Teams.

async function refuseTeamName(tx: Tx, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.name, name), exceptId ? sql`${teams.id} <> ${exceptId}` : undefined))
    .limit(1);
  if (clash) throw fieldError('name', '已有同名的工作队,全称不能重复');
}

async function requireRegion(tx: Tx, id: number) {
  const [r] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, id));
  if (!r) throw fieldError('regionId', '请选择所在地区');
}

function mapTeamUnique(e: unknown): never {
  if (uniqueViolation(e) === 'teams_name_unique') throw fieldError('name', '已有同名的工作队,全称不能重复');
  throw e;
}

export async function createTeam(p: Principal | null, raw: unknown): Promise<{ id: number; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = createTeamSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireRegion(tx, input.regionId);
    await refuseTeamName(tx, input.name);
    const [row] = await tx.insert(teams).values(input).returning({ id: teams.id }).catch(mapTeamUnique);
    await writeEvent(tx, { actorId: admin.id, action: 'team.create', data: { teamId: row!.id, after: input } });
    return { id: row!.id, tags: [] };
  });
}

/**
 * Public pages print the team's full name after 供稿, read by joining the team at render
 * time (articles keep only team_id): its public articles' pages (tagged per article) and
 * the RSS feeds that name the team as creator (tagged by column, and `articles` for the
 * site feed). Lists and the home page show no credits, so these tags are all it touches.
 */
async function creditTags(tx: Tx, teamId: number): Promise<string[]> {
  const rows = await tx
    .select({ id: articles.id, columnId: articles.columnId })
    .from(articles)
    .where(and(eq(articles.teamId, teamId), inArray(articles.status, ['published', 'scheduled'])));
  if (!rows.length) return [];
  const all = await tx.select({ id: columns.id, parentId: columns.parentId }).from(columns);
  const columnIds = new Set<number>();
  for (const id of new Set(rows.map((r) => r.columnId))) {
    const col = all.find((c) => c.id === id);
    if (col) for (const c of columnAncestry(all, col)) columnIds.add(c.id);
  }
  return [...rows.map((r) => cacheTags.article(r.id)), ...[...columnIds].map(cacheTags.column), cacheTags.articles];
}

export async function updateTeam(p: Principal | null, raw: unknown): Promise<{ id: number; changed: boolean; tags: string[] }> {
  const admin = requireAdmin(p);
  const { id, ...input } = updateTeamSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
    if (!t) throw new AppError('NOT_FOUND', TEAM_NOT_FOUND);
    const diff = changedFields({ name: t.name, shortName: t.shortName, regionId: t.regionId, active: t.active }, input);
    if (!diff) return { id, changed: false, tags: [] };
    if ('regionId' in diff.after) await requireRegion(tx, input.regionId);
    if ('name' in diff.after) await refuseTeamName(tx, input.name, id);
    await tx.update(teams).set(input).where(eq(teams.id, id)).catch(mapTeamUnique);
    await writeEvent(tx, { actorId: admin.id, action: 'team.update', data: { teamId: id, ...diff } });
    return { id, changed: true, tags: 'name' in diff.after ? await creditTags(tx, id) : [] };
  });
}
