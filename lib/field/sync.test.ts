import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rt } from '@/domain/rich-text';
import { fieldDb, getDraft, listOutbox, putDraft, putOutbox, type LocalDraft, type OutboxItem } from './store';
import { flushOutbox, newDraft, Offline, pullServer, pushDraft, type ServerArticle } from './sync';

// The phone's side of reconciliation, against an in-memory IndexedDB and a scripted server.

const UID = 7;
type Reply = { status: number; body: unknown } | 'offline';
let replies: Reply[] = [];
const requests: { url: string; body: unknown }[] = [];

beforeEach(async () => {
  const db = await fieldDb();
  await db.clear('drafts');
  await db.clear('outbox');
  replies = [];
  requests.length = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const r = replies.shift();
    if (!r) throw new Error(`unexpected request to ${url}`);
    if (r === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
  });
});

const fields = (text: string) => ({ title: '标题', subtitle: '', summary: '', body: rt.doc(rt.p(text)), columnId: 3, author: '', reporters: [], source: '' });
const server = (over: Partial<ServerArticle>): ServerArticle => ({
  id: 41,
  version: 3,
  status: 'draft',
  receiptCode: 'MSABC',
  idempotencyKey: null,
  updatedAt: new Date().toISOString(),
  reason: null,
  fields: fields('服务器上的正文'),
  ...over,
});

async function localDraft(over: Partial<LocalDraft>): Promise<LocalDraft> {
  const d = { ...newDraft(UID, 3), ...over };
  await putDraft(d);
  return d;
}
const text = (d: LocalDraft | undefined) => JSON.stringify(d?.fields.body);

describe('pulling the server’s copy', () => {
  it('unsent changes on an older version become a conflict that keeps both texts', async () => {
    const d = await localDraft({ articleId: 41, baseVersion: 2, dirty: true, fields: { ...newDraft(UID, 3).fields, body: rt.doc(rt.p('手机上离线写的')) } });
    replies.push({ status: 200, body: { ok: true, data: { articles: [server({ version: 3 })] } } });
    await pullServer(UID);
    const after = await getDraft(d.key);
    expect(text(after)).toContain('手机上离线写的');
    expect(after!.conflict).toMatchObject({ version: 3 });
    expect(JSON.stringify(after!.conflict!.body)).toContain('服务器上的正文');
    expect(after!.dirty).toBe(true);
  });

  it('a clean copy takes the server’s newer text and tells an open editor to reload', async () => {
    const d = await localDraft({ articleId: 41, baseVersion: 2, dirty: false, fields: { ...newDraft(UID, 3).fields, body: rt.doc(rt.p('旧的')) } });
    replies.push({ status: 200, body: { ok: true, data: { articles: [server({ version: 3, status: 'changes_requested', reason: '请补充' })] } } });
    await pullServer(UID);
    const after = await getDraft(d.key);
    expect(text(after)).toContain('服务器上的正文');
    expect(after).toMatchObject({ baseVersion: 3, loaded: 1, status: 'changes_requested', reason: '请补充', conflict: null });
  });

  it('reports made elsewhere are kept on the phone for offline use; others’ finished ones are not', async () => {
    replies.push({ status: 200, body: { ok: true, data: { articles: [server({ id: 50 }), server({ id: 51, status: 'published', fields: null })] } } });
    await pullServer(UID);
    const all = await (await fieldDb()).getAll('drafts');
    expect(all.map((d) => d.articleId)).toEqual([50]);
  });

  it('a draft whose first save went unanswered keeps its key, so the next save updates that article', async () => {
    const d = await localDraft({ dirty: true });
    replies.push({ status: 200, body: { ok: true, data: { articles: [server({ id: 60, version: 2, idempotencyKey: d.key })] } } });
    await pullServer(UID);
    expect((await getDraft(d.key))!.articleId).toBeNull();
    replies.push({ status: 200, body: { ok: true, data: { articleId: 60, version: 3, status: 'draft', receiptCode: 'MSX' } } });
    await pushDraft(d.key);
    expect(requests.at(-1)!.body).toMatchObject({ key: d.key, articleId: null });
    expect(await getDraft(d.key)).toMatchObject({ articleId: 60, baseVersion: 3, dirty: false });
  });
});

describe('pushing a draft', () => {
  it('a refused stale save keeps the text and records the conflict', async () => {
    const d = await localDraft({ articleId: 41, baseVersion: 2, dirty: true, rev: 4 });
    replies.push({
      status: 409,
      body: { ok: false, code: 'CONFLICT', message: '冲突', details: { currentVersion: 5, current: { title: '别人改的', subtitle: '', summary: '', body: rt.doc(rt.p('别人')), authorName: '李编辑' } } },
    });
    await pushDraft(d.key);
    const after = await getDraft(d.key);
    expect(after).toMatchObject({ dirty: true, baseVersion: 2, conflict: { version: 5, title: '别人改的', authorName: '李编辑' } });
  });

  it('typing during a save stays marked unsent', async () => {
    const d = await localDraft({ articleId: 41, baseVersion: 2, dirty: true, rev: 1 });
    vi.stubGlobal('fetch', async () => {
      // The person types while the request is on its way.
      await putDraft({ ...(await getDraft(d.key))!, rev: 2 });
      return new Response(JSON.stringify({ ok: true, data: { articleId: 41, version: 3, status: 'draft', receiptCode: 'MS1' } }), { status: 200 });
    });
    await pushDraft(d.key);
    expect(await getDraft(d.key)).toMatchObject({ baseVersion: 3, dirty: true });
  });

  it('no signal: nothing changes and the caller hears Offline', async () => {
    const d = await localDraft({ dirty: true });
    replies.push('offline');
    await expect(pushDraft(d.key)).rejects.toBeInstanceOf(Offline);
    expect(await getDraft(d.key)).toMatchObject({ dirty: true, articleId: null, syncError: null });
  });
});

describe('the outbox', () => {
  const item = (draftKey: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
    key: crypto.randomUUID(),
    uid: UID,
    draftKey,
    title: '标题',
    state: 'waiting',
    error: null,
    createdAt: Date.now(),
    sentAt: null,
    attempts: 0,
    articleId: null,
    receiptCode: null,
    ...over,
  });

  it('no signal: the item goes back to waiting with the same key, then is sent once', async () => {
    const d = await localDraft({ queued: true, fields: { ...newDraft(UID, 3).fields, title: '标题', body: rt.doc(rt.p('正文')) } });
    const o = item(d.key);
    await putOutbox(o);
    replies.push('offline');
    await expect(flushOutbox(UID)).rejects.toBeInstanceOf(Offline);
    expect((await listOutbox(UID))[0]).toMatchObject({ state: 'waiting', attempts: 1 });
    replies.push({ status: 200, body: { ok: true, data: { articleId: 70, version: 4, status: 'submitted', receiptCode: 'MS70', replay: false } } });
    await flushOutbox(UID);
    expect((await listOutbox(UID))[0]).toMatchObject({ state: 'sent', receiptCode: 'MS70', articleId: 70 });
    expect(await getDraft(d.key)).toMatchObject({ status: 'submitted', queued: false, dirty: false, articleId: 70 });
    expect(requests.map((r) => (r.body as { submissionKey: string }).submissionKey)).toEqual([o.key, o.key]);
    await flushOutbox(UID);
    expect(requests).toHaveLength(2);
  });

  it('a refusal fails the item with the server’s reason and makes the report editable again', async () => {
    const d = await localDraft({ queued: true });
    await putOutbox(item(d.key));
    replies.push({ status: 400, body: { ok: false, code: 'VALIDATION', message: '请先填写正文。' } });
    await flushOutbox(UID);
    expect((await listOutbox(UID))[0]).toMatchObject({ state: 'failed', error: '请先填写正文。' });
    expect((await getDraft(d.key))!.queued).toBe(false);
  });
});

describe('pushes of one draft', () => {
  it('run one after another, each based on the version the previous one got', async () => {
    const d = await localDraft({ articleId: 41, baseVersion: 2, dirty: true, rev: 1 });
    replies.push({ status: 200, body: { ok: true, data: { articleId: 41, version: 3, status: 'draft', receiptCode: 'MS1' } } });
    replies.push({ status: 200, body: { ok: true, data: { articleId: 41, version: 4, status: 'draft', receiptCode: 'MS1' } } });
    const first = pushDraft(d.key);
    // More typing arrives while the first push is on its way.
    await putDraft({ ...(await getDraft(d.key))!, rev: 2, dirty: true });
    await Promise.all([first, pushDraft(d.key)]);
    expect(requests.map((r) => (r.body as { baseVersion: number }).baseVersion)).toEqual([2, 3]);
    expect(await getDraft(d.key)).toMatchObject({ baseVersion: 4, dirty: false });
  });
});
