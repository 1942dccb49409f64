import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, regions, teams } from '@/db/schema';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { expectRefusedUnchanged, fieldMessage, lastEvent as lastEventOf } from '@/test/refusal';
import { createRegion, createTeam, moveRegion, renameRegion, updateTeam } from './org';

let t: TestDb;
let admin: Principal, chief: Principal, editor: Principal;

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  chief = await principalOf(t.db, 'chief');
  editor = await principalOf(t.db, 'editor');
});
afterAll(() => t.close());

const region = async (id: number) => (await t.db.select().from(regions).where(eq(regions.id, id)))[0]!;
const lastEvent = (action: string) => lastEventOf(t.db, action);

const refused = (call: () => Promise<unknown>) => expectRefusedUnchanged(t.db, call);

describe('regions', () => {
  it('creates 地州 → 县 → 乡 → 村, each a child of the right level with its materialised path', async () => {
    const pref = await createRegion(admin, { parentId: null, name: '测试地区' });
    const county = await createRegion(admin, { parentId: pref.id, name: '测试县' });
    const town = await createRegion(admin, { parentId: county.id, name: '测试乡' });
    const village = await createRegion(admin, { parentId: town.id, name: '测试村' });
    expect([pref.level, county.level, town.level, village.level]).toEqual(['prefecture', 'county', 'township', 'village']);
    expect((await region(village.id)).path).toBe(`/${pref.id}/${county.id}/${town.id}/${village.id}/`);
    expect(await lastEvent('region.create')).toMatchObject({ actorId: admin.id, data: { regionId: village.id, parentId: town.id, level: 'village', name: '测试村' } });
    // A village is a leaf.
    const e = await refused(() => createRegion(admin, { parentId: village.id, name: '更下一级' }));
    expect(fieldMessage(e, 'parentId')).toBe('村是最低一级,不能再添加下级');
    // Siblings have different names.
    expect(fieldMessage(await refused(() => createRegion(admin, { parentId: town.id, name: '测试村' })), 'name')).toBe('同一上级下已有「测试村」');
  });

  it('renames, with before and after in the event', async () => {
    const r = await createRegion(admin, { parentId: null, name: '旧名地区' });
    expect(await renameRegion(admin, { id: r.id, name: ' 新名地区 ' })).toMatchObject({ changed: true, tags: [] });
    expect((await region(r.id)).name).toBe('新名地区');
    expect((await lastEvent('region.update'))!.data).toEqual({ regionId: r.id, before: { name: '旧名地区' }, after: { name: '新名地区' } });
  });

  it('moves a region up and down among its siblings', async () => {
    const parent = await createRegion(admin, { parentId: null, name: '排序测试地区' });
    const a = await createRegion(admin, { parentId: parent.id, name: '甲县' });
    const b = await createRegion(admin, { parentId: parent.id, name: '乙县' });
    const c = await createRegion(admin, { parentId: parent.id, name: '丙县' });
    const order = async () =>
      (await t.db.select({ id: regions.id }).from(regions).where(eq(regions.parentId, parent.id)).orderBy(asc(regions.sort), asc(regions.id))).map((r) => r.id);
    expect(await order()).toEqual([a.id, b.id, c.id]);
    expect(await moveRegion(admin, { id: c.id, direction: 'up' })).toMatchObject({ moved: true });
    expect(await order()).toEqual([a.id, c.id, b.id]);
    expect(await lastEvent('region.move')).toMatchObject({ data: { regionId: c.id, direction: 'up' } });
    await moveRegion(admin, { id: a.id, direction: 'down' });
    expect(await order()).toEqual([c.id, a.id, b.id]);
    // Already first: nothing to do, nothing written.
    const before = await databaseFingerprint(t.db);
    expect(await moveRegion(admin, { id: c.id, direction: 'up' })).toMatchObject({ moved: false });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('is for admins only', async () => {
    const [root] = await t.db.select({ id: regions.id }).from(regions).where(isNull(regions.parentId)).limit(1);
    for (const who of [editor, chief]) {
      expect(((await refused(() => createRegion(who, { parentId: null, name: '越权' }))) as AppError).code).toBe('FORBIDDEN');
      expect(((await refused(() => renameRegion(who, { id: root!.id, name: '越权' }))) as AppError).code).toBe('FORBIDDEN');
      expect(((await refused(() => moveRegion(who, { id: root!.id, direction: 'down' }))) as AppError).code).toBe('FORBIDDEN');
    }
  });
});

describe('teams', () => {
  let villageId: number;
  beforeAll(async () => {
    const [v] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'village')).limit(1);
    villageId = v!.id;
  });

  it('creates a team in a region; a duplicate full name gets a field message', async () => {
    const r = await createTeam(admin, { name: '自治区测试厅驻某村工作队', shortName: '测试厅工作队', regionId: villageId, active: true });
    expect((await t.db.select().from(teams).where(eq(teams.id, r.id)))[0]).toMatchObject({ shortName: '测试厅工作队', regionId: villageId, active: true });
    expect(await lastEvent('team.create')).toMatchObject({ actorId: admin.id, data: { teamId: r.id, after: { name: '自治区测试厅驻某村工作队' } } });
    const e = await refused(() => createTeam(admin, { name: '自治区测试厅驻某村工作队', shortName: '重复', regionId: villageId }));
    expect(fieldMessage(e, 'name')).toBe('已有同名的工作队,全称不能重复');
    expect(fieldMessage(await refused(() => createTeam(admin, { name: '无地区工作队', shortName: '无', regionId: 99_999_999 })), 'regionId')).toBe('请选择所在地区');
  });

  it('a rename refreshes the public pages that print it after 供稿, and no others', async () => {
    const [team] = await t.db.select().from(teams).orderBy(asc(teams.id)).limit(1);
    const published = await t.db
      .select({ id: articles.id, columnId: articles.columnId })
      .from(articles)
      .where(and(eq(articles.teamId, team!.id), eq(articles.status, 'published')));
    expect(published.length).toBeGreaterThan(0);
    const [draft] = await t.db.select({ id: articles.id }).from(articles).where(and(eq(articles.teamId, team!.id), eq(articles.status, 'draft')));

    const r = await updateTeam(admin, { id: team!.id, name: `${team!.name}(更名)`, shortName: team!.shortName, regionId: team!.regionId, active: true });
    expect(r.changed).toBe(true);
    for (const a of published) expect(r.tags).toContain(`article:${a.id}`);
    for (const c of new Set(published.map((a) => a.columnId))) expect(r.tags).toContain(`column:${c}`);
    expect(r.tags).toContain('articles');
    if (draft) expect(r.tags).not.toContain(`article:${draft.id}`);
    expect((await lastEvent('team.update'))!.data).toEqual({ teamId: team!.id, before: { name: team!.name }, after: { name: `${team!.name}(更名)` } });

    // The short name and the active flag are not printed publicly.
    const s = await updateTeam(admin, { id: team!.id, name: `${team!.name}(更名)`, shortName: '新简称', regionId: team!.regionId, active: false });
    expect(s).toMatchObject({ changed: true, tags: [] });
  });

  it('is for admins only', async () => {
    const [team] = await t.db.select().from(teams).limit(1);
    for (const who of [editor, chief]) {
      expect(((await refused(() => createTeam(who, { name: '越权队', shortName: '越权', regionId: villageId }))) as AppError).code).toBe('FORBIDDEN');
      expect(((await refused(() => updateTeam(who, { id: team!.id, name: '越权', shortName: '越权', regionId: villageId, active: true }))) as AppError).code).toBe('FORBIDDEN');
    }
  });
});
