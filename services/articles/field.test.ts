import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, columns, events } from '@/db/schema';
import { rt } from '@/domain/rich-text';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { submitFieldDraft, syncFieldDraft } from './field';
import { transitionArticle } from './transition';

let t: TestDb;
let reporter1: Principal, reporter2: Principal, editor: Principal;
let column: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  reporter1 = await principalOf(t.db, 'reporter1');
  reporter2 = await principalOf(t.db, 'reporter2');
  editor = await principalOf(t.db, 'editor');
  column = (await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'tongzhi')))[0]!.id;
});
afterAll(() => t.close());

const draft = (text: string, over: Partial<{ key: string; articleId: number | null; baseVersion: number | null }> = {}) => ({
  key: crypto.randomUUID(),
  articleId: null,
  baseVersion: null,
  title: '山里通了光纤',
  summary: '',
  body: rt.doc(rt.p(text)),
  columnId: column,
  reporters: [{ name: '次仁', role: 'correspondent' as const }],
  ...over,
});

const byKey = (key: string) => t.db.select().from(articles).where(eq(articles.idempotencyKey, key));
const submitEvents = (id: number) => t.db.select().from(events).where(and(eq(events.articleId, id), eq(events.action, 'submit')));

async function refusedWith(p: Promise<unknown>, code: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  return e as AppError;
}

describe('field drafts', () => {
  it('a phone draft synced twice (the first answer lost) is one article with the latest text', async () => {
    const d = draft('第一段');
    const first = await syncFieldDraft(reporter1, d);
    const again = await syncFieldDraft(reporter1, { ...d, body: rt.doc(rt.p('第一段'), rt.p('第二段')) });
    expect(again.articleId).toBe(first.articleId);
    expect(again.version).toBe(first.version + 1);
    const rows = await byKey(d.key);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.body)).toContain('第二段');
    expect(rows[0]!.status).toBe('draft');
  });

  it('a save based on an older version is a conflict that carries the server text', async () => {
    const d = draft('原文');
    const first = await syncFieldDraft(reporter1, d);
    await syncFieldDraft(reporter1, { ...d, articleId: first.articleId, baseVersion: first.version, body: rt.doc(rt.p('另一台手机改的')) });
    const e = await refusedWith(syncFieldDraft(reporter1, { ...d, articleId: first.articleId, baseVersion: first.version, body: rt.doc(rt.p('这台手机离线时改的')) }), 'CONFLICT');
    expect(JSON.stringify(e.details?.current)).toContain('另一台手机改的');
    expect(e.details?.currentVersion).toBe(first.version + 1);
  });

  it('another team cannot write into a report through its id', async () => {
    const first = await syncFieldDraft(reporter1, draft('甲队的稿'));
    await refusedWith(syncFieldDraft(reporter2, draft('乙队想改', { articleId: first.articleId, baseVersion: first.version })), 'NOT_FOUND');
  });
});

describe('field submissions', () => {
  it('replays of one submission submit once and return the first answer', async () => {
    const d = draft('离线时写好的稿件');
    const submissionKey = crypto.randomUUID();
    const first = await submitFieldDraft(reporter1, { submissionKey, draft: d });
    expect(first).toMatchObject({ status: 'submitted', replay: false });
    const replay = await submitFieldDraft(reporter1, { submissionKey, draft: d });
    expect(replay).toMatchObject({ articleId: first.articleId, status: 'submitted', receiptCode: first.receiptCode, replay: true });
    expect(await byKey(d.key)).toHaveLength(1);
    expect(await submitEvents(first.articleId)).toHaveLength(1);
  });

  it('a double tap (two requests at once) makes one report, submitted once', async () => {
    const d = draft('双击提交');
    const submissionKey = crypto.randomUUID();
    const results = await Promise.allSettled([submitFieldDraft(reporter1, { submissionKey, draft: d }), submitFieldDraft(reporter1, { submissionKey, draft: d })]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const [a, b] = results.map((r) => (r as PromiseFulfilledResult<{ articleId: number; replay: boolean }>).value);
    expect(a!.articleId).toBe(b!.articleId);
    expect([a!.replay, b!.replay].sort()).toEqual([false, true]);
    expect(await byKey(d.key)).toHaveLength(1);
    expect(await submitEvents(a!.articleId)).toHaveLength(1);
  });

  it('a report returned for changes is resubmitted from the phone', async () => {
    const d = draft('需要补充的稿件');
    const first = await submitFieldDraft(reporter1, { submissionKey: crypto.randomUUID(), draft: d });
    await transitionArticle(editor, { id: first.articleId, action: 'claim', expectedStatus: 'submitted' });
    await transitionArticle(editor, { id: first.articleId, action: 'request_changes', expectedStatus: 'in_review', reason: '请补充村名' });
    const [row] = await t.db.select({ v: articles.version }).from(articles).where(eq(articles.id, first.articleId));
    const again = await submitFieldDraft(reporter1, {
      submissionKey: crypto.randomUUID(),
      draft: { ...d, articleId: first.articleId, baseVersion: row!.v, body: rt.doc(rt.p('补充:达孜区某村')) },
    });
    expect(again.status).toBe('submitted');
    const resubmits = await t.db.select().from(events).where(and(eq(events.articleId, first.articleId), eq(events.action, 'resubmit')));
    expect(resubmits).toHaveLength(1);
  });

  it('a submission key cannot be replayed by someone else', async () => {
    const submissionKey = crypto.randomUUID();
    await submitFieldDraft(reporter1, { submissionKey, draft: draft('甲队提交') });
    await refusedWith(submitFieldDraft(reporter2, { submissionKey, draft: draft('乙队重放') }), 'CONFLICT');
  });

  it('an incomplete report is refused, and the key stays free for the corrected one', async () => {
    const submissionKey = crypto.randomUUID();
    const d = draft('', { key: crypto.randomUUID() });
    await refusedWith(submitFieldDraft(reporter1, { submissionKey, draft: { ...d, body: rt.doc() } }), 'VALIDATION');
    const ok = await submitFieldDraft(reporter1, { submissionKey, draft: { ...d, body: rt.doc(rt.p('补全了正文')) } });
    expect(ok).toMatchObject({ status: 'submitted', replay: false });
  });
});
