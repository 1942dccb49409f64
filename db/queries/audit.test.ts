import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, events } from '@/db/schema';
import { auditFiltersOf, auditQuerySchema } from '@/domain/audit';
import type { Principal } from '@/domain/permissions';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { exportAuditEvents, getArticleRecordEvents, listAuditActors, listAuditEvents, listLoggedActions, resolveArticleFilter } from './audit';

// Events in 2019, before anything the seed writes, so date-bounded queries see only these.

let t: TestDb;
let editor: Principal, chief: Principal;
let article = { id: 0, receiptCode: '' };
const ids: Record<string, number> = {};

async function event(key: string, e: Partial<typeof events.$inferInsert> & { action: string; createdAt: Date }) {
  const [row] = await t.db.insert(events).values(e).returning({ id: events.id });
  ids[key] = row!.id;
}

beforeAll(async () => {
  t = await createTestDb('seeded');
  editor = await principalOf(t.db, 'editor');
  chief = await principalOf(t.db, 'chief');
  const [a] = await t.db.select({ id: articles.id, receiptCode: articles.receiptCode }).from(articles).where(eq(articles.id, seedManifest().withTeam));
  article = a!;
  // 2019-05-31 15:30 UTC is 31 May in Beijing; 16:30 UTC is already 1 June.
  await event('mayEnd', { action: 'audit.test', actorId: editor.id, createdAt: new Date('2019-05-31T15:30:00Z') });
  await event('juneStart', { action: 'audit.test', actorId: editor.id, articleId: article.id, createdAt: new Date('2019-05-31T16:30:00Z') });
  // Two rows at one instant: paging must keep both (ties broken by id).
  const same = new Date('2019-06-15T04:00:00.123456Z');
  await event('tieA', { action: 'audit.test', actorId: chief.id, createdAt: same });
  await event('tieB', { action: 'audit.other', actorId: chief.id, articleId: article.id, reason: '理由', createdAt: same });
  await event('juneEnd', { action: 'audit.test', actorId: chief.id, createdAt: new Date('2019-06-30T15:59:59Z') });
  await event('july', { action: 'audit.test', actorId: chief.id, createdAt: new Date('2019-06-30T16:00:00Z') });
});
afterAll(() => t.close());

const filters = (q: Record<string, string>) => auditFiltersOf(auditQuerySchema.parse(q));
const listIds = async (q: Record<string, string>) => (await listAuditEvents(filters(q))).rows.map((r) => r.id);

describe('audit log queries', () => {
  it('take whole Beijing days, both ends included, newest first', async () => {
    expect(await listIds({ from: '2019-06-01', to: '2019-06-30' })).toEqual([ids.juneEnd, ids.tieB, ids.tieA, ids.juneStart]);
    expect(await listIds({ from: '2019-05-31', to: '2019-05-31' })).toEqual([ids.mayEnd]);
  });

  it('filter by actor, action and article (id or receipt code, any case)', async () => {
    const june = { from: '2019-05-01', to: '2019-07-31' };
    expect(await listIds({ ...june, actor: String(editor.id) })).toEqual([ids.juneStart, ids.mayEnd]);
    expect(await listIds({ ...june, action: 'audit.other' })).toEqual([ids.tieB]);
    expect(await listIds({ ...june, article: String(article.id) })).toEqual([ids.tieB, ids.juneStart]);
    expect(await listIds({ ...june, article: article.receiptCode.toLowerCase() })).toEqual([ids.tieB, ids.juneStart]);
    expect(await listIds({ ...june, article: 'MSNOSUCHCODE' })).toEqual([]);
    expect(await listIds({ ...june, actor: String(chief.id), action: 'audit.test' })).toEqual([ids.july, ids.juneEnd, ids.tieA]);
    expect(await resolveArticleFilter('  ')).toBeNull();
  });

  it('page with a cursor through every row exactly once, ties included', async () => {
    const all = await listIds({ from: '2019-05-01', to: '2019-07-31' });
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listAuditEvents(filters({ from: '2019-05-01', to: '2019-07-31' }), { cursor, limit: 2 });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(6);
  });

  it('return the names and article of each row', async () => {
    const [row] = (await listAuditEvents(filters({ action: 'audit.other' }))).rows;
    expect(row).toMatchObject({ actorName: '周总编', articleId: article.id, receiptCode: article.receiptCode, reason: '理由' });
    expect(row!.stages).toBeGreaterThan(0);
  });

  it('export up to the cap and say when rows were left out', async () => {
    const capped = await exportAuditEvents(filters({ from: '2019-05-01', to: '2019-07-31' }), 4);
    expect(capped.rows.map((r) => r.id)).toEqual([ids.july, ids.juneEnd, ids.tieB, ids.tieA]);
    expect(capped.truncated).toBe(true);
    const whole = await exportAuditEvents(filters({ from: '2019-05-01', to: '2019-07-31' }), 6);
    expect([whole.rows.length, whole.truncated]).toEqual([6, false]);
  });

  it('list the actions present and everyone who can act', async () => {
    const actions = await listLoggedActions();
    expect(actions).toEqual(expect.arrayContaining(['audit.other', 'audit.test', 'submit', 'publish', 'request_changes']));
    expect(actions).toEqual([...actions].sort());
    expect(new Set(actions).size).toBe(actions.length);
    expect((await listAuditActors()).map((u) => u.name)).toEqual(expect.arrayContaining(['周总编', '李编辑', '系统管理员']));
  });

  it('give an article’s record oldest first: the seeded trail runs submit → reviews → publish, spread over time', async () => {
    const record = (await getArticleRecordEvents(article.id)).filter((e) => !e.action.startsWith('audit.'));
    const actions = record.map((e) => e.action);
    expect(actions[0]).toBe('submit');
    expect(actions.at(-1)).toBe('publish');
    expect(actions).toContain('approve');
    const first = new Date(record[0]!.createdAt).getTime();
    const last = new Date(record.at(-1)!.createdAt).getTime();
    expect(last - first).toBeGreaterThan(3600_000);
    expect(record.map((e) => e.createdAt)).toEqual([...record.map((e) => e.createdAt)].sort());
  });
});
