import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, columns, events, media, notifications, revisions, users } from '@/db/schema';
import { rt } from '@/domain/rich-text';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { createArticle } from './create';
import { saveArticle } from './save';
import { transitionArticle } from './transition';
import { addComment } from './comment';
import { curateArticle } from './curate';
import { restoreRevision } from './restore';

let t: TestDb;
let reporter1: Principal, reporter2: Principal, editor: Principal, editor2: Principal, chief: Principal;
let singleColumn: number, twoStageColumn: number, threeStageColumn: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  reporter1 = await principalOf(t.db, 'reporter1');
  reporter2 = await principalOf(t.db, 'reporter2');
  editor = await principalOf(t.db, 'editor');
  editor2 = await principalOf(t.db, 'editor2');
  chief = await principalOf(t.db, 'chief');
  const cols = await t.db.select({ id: columns.id, slug: columns.slug, stages: columns.reviewStages }).from(columns);
  singleColumn = cols.find((c) => c.slug === 'tongzhi')!.id;
  twoStageColumn = cols.find((c) => c.stages === 2 && c.slug === 'zhengce')!.id;
  threeStageColumn = cols.find((c) => c.stages === 3)!.id;
});
afterAll(() => t.close());

const body = rt.doc(rt.p('村里新修的水渠今天通水了,两百亩麦田用上了自流灌溉。'));

async function draft(by: Principal, columnId = singleColumn, title = '水渠通水了') {
  const { id } = await createArticle(by, { columnId, title });
  const saved = await saveArticle(by, { id, version: 1, title, body, columnId, reporters: [{ name: '阿依古丽', role: 'correspondent' }] });
  return { id, version: saved.version };
}

const status = async (id: number) => (await t.db.select({ s: articles.status }).from(articles).where(eq(articles.id, id)))[0]!.s;
const lastEvent = async (id: number) =>
  (await t.db.select().from(events).where(eq(events.articleId, id)).orderBy(desc(events.id)).limit(1))[0]!;
async function refused(promise: Promise<unknown>, code: string) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

describe('the whole story, single review stage', () => {
  it('submit → return with reason → resubmit → approve → publish, each with its event and notification', async () => {
    const { id } = await draft(reporter1);
    await transitionArticle(reporter1, { id, action: 'submit', expectedStatus: 'draft' });
    expect(await lastEvent(id)).toMatchObject({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorId: reporter1.id });
    const editorNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, editor.id), eq(notifications.articleId, id)));
    expect(editorNotes.map((n) => n.kind)).toContain('submitted');

    await transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' });
    await refused(transitionArticle(editor, { id, action: 'request_changes', expectedStatus: 'in_review' }), 'VALIDATION');
    await transitionArticle(editor, { id, action: 'request_changes', expectedStatus: 'in_review', reason: '请补充通水日期' });
    expect(await lastEvent(id)).toMatchObject({ action: 'request_changes', reason: '请补充通水日期', toStatus: 'changes_requested' });
    const teamNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, reporter1.id), eq(notifications.articleId, id)));
    expect(teamNotes.find((n) => n.kind === 'changes_requested')?.message).toContain('请补充通水日期');

    const v = (await t.db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
    await saveArticle(reporter1, { id, version: v, title: '水渠11月28日通水', body, columnId: singleColumn });
    await transitionArticle(reporter1, { id, action: 'resubmit', expectedStatus: 'changes_requested' });
    await transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(editor, { id, action: 'approve', expectedStatus: 'in_review' });
    const published = await transitionArticle(editor, { id, action: 'publish', expectedStatus: 'approved' });
    expect(published.status).toBe('published');
    expect(published.tags).toEqual(expect.arrayContaining([`article:${id}`, `column:${singleColumn}`, 'home']));
    const [row] = await t.db.select().from(articles).where(eq(articles.id, id));
    expect(row).toMatchObject({ status: 'published', editorName: editor.name });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    const published2 = await t.db.select().from(notifications).where(and(eq(notifications.userId, reporter1.id), eq(notifications.kind, 'published')));
    expect(published2.some((n) => n.articleId === id)).toBe(true);
  });

  it('refuses a step whose status changed since the person looked (one wins)', async () => {
    const { id } = await draft(reporter1);
    await transitionArticle(reporter1, { id, action: 'submit', expectedStatus: 'draft' });
    const results = await Promise.allSettled([
      transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' }),
      transitionArticle(chief, { id, action: 'claim', expectedStatus: 'submitted' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('INVALID_TRANSITION');
    const claims = await t.db.select().from(events).where(and(eq(events.articleId, id), eq(events.action, 'claim')));
    expect(claims).toHaveLength(1);
  });

  it('schedules only into the future', async () => {
    const { id } = await draft(editor);
    await transitionArticle(editor, { id, action: 'submit', expectedStatus: 'draft' });
    await transitionArticle(chief, { id, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(chief, { id, action: 'approve', expectedStatus: 'in_review' });
    await refused(
      transitionArticle(editor, { id, action: 'schedule', expectedStatus: 'approved', publishAt: new Date(Date.now() - 60_000).toISOString() }),
      'VALIDATION',
    );
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await transitionArticle(editor, { id, action: 'schedule', expectedStatus: 'approved', publishAt: at });
    const [row] = await t.db.select().from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe('scheduled');
    expect(row!.publishAt?.toISOString()).toBe(at);
  });
});

describe('multi-stage review', () => {
  it('two stages: the editor passes 初审, only the chief editor signs off and publishes', async () => {
    const { id } = await draft(reporter1, twoStageColumn);
    await transitionArticle(reporter1, { id, action: 'submit', expectedStatus: 'draft' });
    await transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(editor, { id, action: 'approve', expectedStatus: 'in_review' });
    expect(await status(id)).toBe('submitted');
    const chiefNote = await t.db.select().from(notifications).where(and(eq(notifications.userId, chief.id), eq(notifications.articleId, id), eq(notifications.kind, 'stage_passed')));
    expect(chiefNote).toHaveLength(1);
    await refused(transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' }), 'FORBIDDEN');
    await transitionArticle(chief, { id, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(chief, { id, action: 'approve', expectedStatus: 'in_review' });
    await refused(transitionArticle(editor, { id, action: 'publish', expectedStatus: 'approved' }), 'FORBIDDEN');
    await transitionArticle(chief, { id, action: 'publish', expectedStatus: 'approved' });
    const approvals = await t.db.select().from(events).where(and(eq(events.articleId, id), eq(events.action, 'approve'))).orderBy(events.id);
    expect(approvals.map((e) => [e.actorId, e.stage])).toEqual([
      [editor.id, 1],
      [chief.id, 2],
    ]);
  });

  it('three stages: one person cannot sign two stages', async () => {
    const { id } = await draft(editor, threeStageColumn);
    await transitionArticle(editor, { id, action: 'submit', expectedStatus: 'draft' });
    await transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(editor, { id, action: 'approve', expectedStatus: 'in_review' });
    await transitionArticle(editor, { id, action: 'claim', expectedStatus: 'submitted' });
    await refused(transitionArticle(editor, { id, action: 'approve', expectedStatus: 'in_review' }), 'FORBIDDEN');
  });
});

describe('refused callers change nothing', () => {
  it("another team cannot see, edit, submit or comment on a team's report", async () => {
    const { id, version } = await draft(reporter1);
    const before = await databaseFingerprint(t.db);
    await refused(saveArticle(reporter2, { id, version, title: 'x', body, columnId: singleColumn }), 'NOT_FOUND');
    await refused(transitionArticle(reporter2, { id, action: 'submit', expectedStatus: 'draft' }), 'NOT_FOUND');
    await refused(addComment(reporter2, { articleId: id, body: '你好' }), 'NOT_FOUND');
    await refused(saveArticle(editor, { id, version, title: 'x', body, columnId: singleColumn }), 'NOT_FOUND');
    await refused(createArticle(null, { columnId: singleColumn }), 'UNAUTHENTICATED');
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('a contributor cannot review, publish or curate', async () => {
    const { id } = await draft(reporter1);
    await transitionArticle(reporter1, { id, action: 'submit', expectedStatus: 'draft' });
    const before = await databaseFingerprint(t.db);
    await refused(transitionArticle(reporter1, { id, action: 'claim', expectedStatus: 'submitted' }), 'FORBIDDEN');
    await refused(curateArticle(reporter1, { id, headlineRank: 1, slideRank: null, recommendRank: null, pinRank: null }), 'FORBIDDEN');
    await refused(saveArticle(reporter1, { id, version: 2, title: 'x', body, columnId: singleColumn }), 'FORBIDDEN');
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('an editor limited to other columns cannot touch this one', async () => {
    const { id } = await draft(reporter1);
    await transitionArticle(reporter1, { id, action: 'submit', expectedStatus: 'draft' });
    expect(editor2.columnScope).not.toBeNull();
    expect(editor2.columnScope).not.toContain(singleColumn);
    await refused(transitionArticle(editor2, { id, action: 'claim', expectedStatus: 'submitted' }), 'NOT_FOUND');
  });
});

describe('optimistic concurrency', () => {
  it('the second save of the same version is refused with the current text, and nothing is overwritten', async () => {
    const { id, version } = await draft(reporter1);
    await saveArticle(reporter1, { id, version, title: '甲的标题', body, columnId: singleColumn });
    const e = await refused(saveArticle(reporter1, { id, version, title: '乙的标题', body, columnId: singleColumn }), 'CONFLICT');
    expect(e.message).toContain('已被他人修改');
    expect((e.details?.current as { title: string }).title).toBe('甲的标题');
    expect(e.details?.currentVersion).toBe(version + 1);
    const [row] = await t.db.select({ title: articles.title, version: articles.version }).from(articles).where(eq(articles.id, id));
    expect(row).toEqual({ title: '甲的标题', version: version + 1 });
  });

  it('of two simultaneous saves exactly one lands; every landed save is a revision', async () => {
    const { id, version } = await draft(reporter1);
    const results = await Promise.allSettled(
      ['一', '二', '三', '四'].map((n) => saveArticle(reporter1, { id, version, title: `并发${n}`, body, columnId: singleColumn })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    const revs = await t.db.select().from(revisions).where(eq(revisions.articleId, id));
    expect(revs.map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });

  it('restoring an old revision is a new save; the history stays whole', async () => {
    const { id, version } = await draft(reporter1);
    const second = await saveArticle(reporter1, { id, version, title: '改过的标题', body, columnId: singleColumn });
    const restored = await restoreRevision(reporter1, { id, fromVersion: version, version: second.version });
    const [row] = await t.db.select({ title: articles.title }).from(articles).where(eq(articles.id, id));
    expect(row!.title).toBe('水渠通水了');
    expect(restored.version).toBe(second.version + 1);
  });

  it('a correction to a published article is visible at once and audited', async () => {
    const [pub] = await t.db.select().from(articles).where(eq(articles.status, 'published')).limit(1);
    const r = await saveArticle(editor, { id: pub!.id, version: pub!.version, title: `${pub!.title}(更正)`, body: pub!.body, columnId: pub!.columnId });
    expect(r.tags).toContain(`article:${pub!.id}`);
    expect(await lastEvent(pub!.id)).toMatchObject({ action: 'correct', actorId: editor.id });
  });
});

describe('curation and expiry', () => {
  it('sets home-page flags and an expiry on a published article, never an expiry in the past', async () => {
    const [pub] = await t.db.select({ id: articles.id, columnId: articles.columnId }).from(articles).where(eq(articles.status, 'published')).limit(1);
    const none = { headlineRank: null, slideRank: null, recommendRank: null, pinRank: null };
    await refused(curateArticle(editor, { id: pub!.id, ...none, unpublishAt: new Date(Date.now() - 1000).toISOString() }), 'VALIDATION');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const r = await curateArticle(editor, { id: pub!.id, ...none, recommendRank: 2, unpublishAt: until });
    expect(r.tags).toEqual(expect.arrayContaining(['home', `column:${pub!.columnId}`, `article:${pub!.id}`]));
    const [row] = await t.db.select().from(articles).where(eq(articles.id, pub!.id));
    expect(row!.recommendRank).toBe(2);
    expect(row!.unpublishAt?.toISOString()).toBe(until);
    expect(await lastEvent(pub!.id)).toMatchObject({ action: 'curate', actorId: editor.id });
  });
});

describe('creating', () => {
  it("the body's first photo becomes the cover that lists and shares show", async () => {
    const [photo] = await t.db.select({ id: media.id, key: media.storageKey }).from(media).limit(1);
    const { id } = await createArticle(reporter1, { columnId: singleColumn, title: '有图' });
    const withPhoto = rt.doc(rt.p('正文'), rt.image({ src: `/media/${photo!.key}`, caption: '图说', mediaId: photo!.id }));
    await saveArticle(reporter1, { id, version: 1, title: '有图', body: withPhoto, columnId: singleColumn });
    const [row] = await t.db.select({ cover: articles.coverMediaId }).from(articles).where(eq(articles.id, id));
    expect(row!.cover).toBe(photo!.id);
  });

  it('a retried create with the same key makes one article', async () => {
    const key = 'retry-key-0001';
    const a = await createArticle(reporter1, { columnId: singleColumn, title: '重试', idempotencyKey: key });
    const b = await createArticle(reporter1, { columnId: singleColumn, title: '重试', idempotencyKey: key });
    expect(b.id).toBe(a.id);
    const rows = await t.db.select().from(articles).where(eq(articles.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.teamId).toBe(reporter1.teamId);
  });

  it('a contributor without a team cannot file a report', async () => {
    await t.db.update(users).set({ teamId: null }).where(eq(users.id, reporter2.id));
    await refused(createArticle({ ...reporter2, teamId: null }, { columnId: singleColumn }), 'FORBIDDEN');
    await t.db.update(users).set({ teamId: reporter2.teamId }).where(eq(users.id, reporter2.id));
  });
});
