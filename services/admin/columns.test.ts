import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '@/db/schema';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { preorder } from '@/domain/tree';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { expectRefusedUnchanged, fieldMessage, lastEvent as lastEventOf } from '@/test/refusal';
import { createColumn, moveColumn, updateColumn } from './columns';

let t: TestDb;
let admin: Principal, chief: Principal, editor: Principal;
let xiangcun: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  chief = await principalOf(t.db, 'chief');
  editor = await principalOf(t.db, 'editor');
  xiangcun = (await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'xiangcun')))[0]!.id;
});
afterAll(() => t.close());

const column = async (id: number) => (await t.db.select().from(columns).where(eq(columns.id, id)))[0]!;
const lastEvent = (action: string) => lastEventOf(t.db, action);
/** Every column in stored order: each parent must come right before its own subtree. */
const stored = () => t.db.select({ id: columns.id, parentId: columns.parentId, sort: columns.sort }).from(columns).orderBy(asc(columns.sort), asc(columns.id));
async function expectDepthFirst() {
  const rows = await stored();
  expect(rows.map((r) => r.id)).toEqual(preorder(rows).map((x) => x.row.id));
}

const refused = (call: () => Promise<unknown>) => expectRefusedUnchanged(t.db, call);

const input = (extra: Record<string, unknown> = {}) => ({
  slug: 'ceshi',
  name: '测试栏目',
  description: '',
  parentId: null,
  showInNav: true,
  showOnHome: true,
  reviewStages: 2,
  ...extra,
});

describe('createColumn', () => {
  it('creates a sub-column right after its siblings, writes column.create and refreshes columns, itself, its parent and home', async () => {
    const r = await createColumn(admin, input({ slug: 'xiangcun-wenhua', name: '乡村文化', parentId: xiangcun, showInNav: false }));
    expect(await column(r.id)).toMatchObject({ slug: 'xiangcun-wenhua', parentId: xiangcun, reviewStages: 2, showInNav: false });
    expect(r.tags).toEqual(expect.arrayContaining(['columns', `column:${r.id}`, 'home', `column:${xiangcun}`]));
    expect(await lastEvent('column.create')).toMatchObject({ actorId: admin.id, data: { columnId: r.id, after: { slug: 'xiangcun-wenhua', parentId: xiangcun } } });
    const rows = await stored();
    const siblings = rows.filter((c) => c.parentId === xiangcun);
    expect(siblings.at(-1)!.id).toBe(r.id);
    await expectDepthFirst();
  });

  it('explains the slug rules and refuses a taken slug, changing nothing', async () => {
    for (const slug of ['Xiangcun', 'xiang cun', '乡村', '-ab', 'ab-', 'a--b', 'a_b']) {
      const e = await refused(() => createColumn(admin, input({ slug })));
      expect(fieldMessage(e, 'slug'), slug).toMatch(/^网址名只能用小写英文字母、数字和连字符/);
    }
    expect(fieldMessage(await refused(() => createColumn(admin, input({ slug: 'minsheng' }))), 'slug')).toBe('网址名「minsheng」已被其他栏目使用,请换一个');
    expect(fieldMessage(await refused(() => createColumn(admin, input({ reviewStages: 4 }))), 'reviewStages')).toBe('审核级数为 1–3');
  });

  it('is for admins only', async () => {
    for (const who of [editor, chief]) expect(((await refused(() => createColumn(who, input()))) as AppError).code).toBe('FORBIDDEN');
  });
});

describe('updateColumn', () => {
  it('changes fields with before/after in the event and refreshes the old and new parent', async () => {
    const { id } = await createColumn(admin, input({ slug: 'yidong', name: '移动栏目', parentId: xiangcun }));
    const [zhengce] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'zhengce'));
    const r = await updateColumn(admin, { id, ...input({ slug: 'yidong-2', name: '移动栏目', parentId: zhengce!.id, reviewStages: 3 }) });
    expect(r.tags).toEqual(expect.arrayContaining(['columns', `column:${id}`, 'home', `column:${xiangcun}`, `column:${zhengce!.id}`]));
    expect((await lastEvent('column.update'))!.data).toEqual({
      columnId: id,
      before: { slug: 'yidong', parentId: xiangcun, reviewStages: 2 },
      after: { slug: 'yidong-2', parentId: zhengce!.id, reviewStages: 3 },
    });
    await expectDepthFirst();
  });

  it('refuses a cycle: a column under itself or under its own sub-column', async () => {
    const { id: child } = await createColumn(admin, input({ slug: 'zi-lanmu', parentId: xiangcun }));
    const x = await column(xiangcun);
    const base = { id: xiangcun, slug: x.slug, name: x.name, description: x.description, showInNav: x.showInNav, showOnHome: x.showOnHome, reviewStages: x.reviewStages };
    expect(fieldMessage(await refused(() => updateColumn(admin, { ...base, parentId: child })), 'parentId')).toBe('不能把栏目放到它自己或它的下级栏目之下');
    expect(fieldMessage(await refused(() => updateColumn(admin, { ...base, parentId: xiangcun })), 'parentId')).toBe('不能把栏目放到它自己或它的下级栏目之下');
  });

  it('refuses another column’s slug and non-admins', async () => {
    const { id } = await createColumn(admin, input({ slug: 'chongfu' }));
    expect(fieldMessage(await refused(() => updateColumn(admin, { id, ...input({ slug: 'tupian' }) })), 'slug')).toBe('网址名「tupian」已被其他栏目使用,请换一个');
    for (const who of [editor, chief]) expect(((await refused(() => updateColumn(who, { id, ...input({ slug: 'chongfu', name: '越权' }) }))) as AppError).code).toBe('FORBIDDEN');
  });
});

describe('moveColumn', () => {
  it('moves among siblings, keeps sub-columns under their parent, and refreshes nav and home', async () => {
    const top = (await stored()).filter((c) => c.parentId == null).map((c) => c.id);
    const r = await moveColumn(admin, { id: top[1]!, direction: 'up' });
    expect(r).toMatchObject({ moved: true, tags: ['columns', 'home'] });
    const after = (await stored()).filter((c) => c.parentId == null).map((c) => c.id);
    expect(after).toEqual([top[1], top[0], ...top.slice(2)]);
    await expectDepthFirst();
    expect(await lastEvent('column.move')).toMatchObject({ actorId: admin.id, data: { columnId: top[1], direction: 'up' } });
    expect(await moveColumn(admin, { id: top[1]!, direction: 'up' })).toMatchObject({ moved: false, tags: [] });
    for (const who of [editor, chief]) expect(((await refused(() => moveColumn(who, { id: top[1]!, direction: 'down' }))) as AppError).code).toBe('FORBIDDEN');
  });
});
