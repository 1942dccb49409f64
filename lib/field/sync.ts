// Reconciles the phone's reports with the server: pushes unsent changes, sends the outbox,
// and takes in what changed on the server, never dropping either side silently.
import type { FieldArticle } from '@/db/queries/newsroom';
import { formatReporterLine, parseReporters } from '@/domain/byline';
import {
  getDraft,
  listDrafts,
  listOutbox,
  putDraft,
  updateDraft,
  updateOutbox,
  type DraftFields,
  type LocalDraft,
  type OutboxItem,
  type ServerCopy,
} from './store';

/** What GET /api/field/drafts returns per report. */
export type ServerArticle = FieldArticle;

type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: Record<string, unknown> };

/** No answer at all (no signal, server unreachable): try again later, nothing is lost. */
export class Offline extends Error {}
/** The session ended: the person must sign in again; the phone keeps everything meanwhile. */
export class SignedOut extends Error {}

async function api<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers }, cache: 'no-store', redirect: 'manual' });
  } catch {
    throw new Offline();
  }
  if (res.status === 401 || res.type === 'opaqueredirect') throw new SignedOut();
  const body = (await res.json().catch(() => null)) as ApiResult<T> | null;
  if (!body) {
    // A proxy's error page or a cut connection: treat as no signal.
    if (res.status >= 500 || res.status === 0) throw new Offline();
    return { ok: false, code: 'SERVER', message: `服务器返回了错误(${res.status}),请稍后再试。` };
  }
  return body;
}

export function fieldsFromServer(f: NonNullable<ServerArticle['fields']>): DraftFields {
  return {
    title: f.title,
    subtitle: f.subtitle,
    summary: f.summary,
    body: f.body,
    columnId: f.columnId,
    author: f.author,
    reporterLine: formatReporterLine(f.reporters),
    source: f.source,
  };
}

function payload(d: LocalDraft) {
  const { reporterLine, ...rest } = d.fields;
  return { key: d.key, articleId: d.articleId, baseVersion: d.baseVersion, ...rest, reporters: parseReporters(reporterLine) };
}

function conflictFrom(details: Record<string, unknown> | undefined): ServerCopy | null {
  const current = details?.current as Partial<ServerCopy> | undefined;
  const version = Number(details?.currentVersion);
  if (!current || !version) return null;
  return {
    version,
    title: current.title ?? '',
    subtitle: current.subtitle ?? '',
    summary: current.summary ?? '',
    body: current.body ?? { type: 'doc', content: [] },
    authorName: current.authorName ?? null,
  };
}

export const newDraft = (uid: number, columnId: number, key = crypto.randomUUID()): LocalDraft => ({
  key,
  uid,
  articleId: null,
  baseVersion: null,
  fields: { title: '', subtitle: '', summary: '', body: { type: 'doc', content: [] }, columnId, author: '', reporterLine: '', source: '' },
  dirty: false,
  rev: 0,
  loaded: 0,
  status: 'draft',
  receiptCode: null,
  reason: null,
  syncError: null,
  conflict: null,
  queued: false,
  updatedAt: Date.now(),
  syncedAt: null,
});

const pushes = new Map<string, Promise<void>>();

/**
 * Sends one draft's unsent changes. Typing that happens meanwhile stays unsent (rev check).
 * Pushes of one draft run one after another, so each is based on the version the last one got.
 */
export function pushDraft(key: string): Promise<void> {
  const next = (pushes.get(key) ?? Promise.resolve()).catch(() => {}).then(() => pushOnce(key));
  pushes.set(key, next);
  void next.finally(() => {
    if (pushes.get(key) === next) pushes.delete(key);
  }).catch(() => {});
  return next;
}

async function pushOnce(key: string): Promise<void> {
  const d = await getDraft(key);
  if (!d || !d.dirty || d.conflict || d.queued) return;
  const sentRev = d.rev;
  const r = await api<{ articleId: number; version: number; status: string; receiptCode: string }>('/api/field/drafts', {
    method: 'POST',
    body: JSON.stringify(payload(d)),
  });
  await updateDraft(key, (cur) => {
    if (r.ok) {
      return {
        ...cur,
        articleId: r.data.articleId,
        baseVersion: r.data.version,
        status: r.data.status,
        receiptCode: r.data.receiptCode,
        dirty: cur.rev !== sentRev,
        syncError: null,
        syncedAt: Date.now(),
      };
    }
    if (r.code === 'CONFLICT') {
      const conflict = conflictFrom(r.details);
      if (conflict) return { ...cur, conflict, syncError: null };
    }
    return { ...cur, syncError: r.message };
  });
}

/** Sends every waiting outbox item once; a refusal marks the item failed with the reason. */
export async function flushOutbox(uid: number): Promise<void> {
  for (const item of (await listOutbox(uid)).reverse()) {
    if (item.state !== 'waiting' && item.state !== 'sending') continue;
    await sendItem(item);
  }
}

async function sendItem(item: OutboxItem): Promise<void> {
  const d = await getDraft(item.draftKey);
  if (!d) {
    await updateOutbox(item.key, (o) => ({ ...o, state: 'failed', error: '本机找不到这篇稿件了。' }));
    return;
  }
  await updateOutbox(item.key, (o) => ({ ...o, state: 'sending', attempts: o.attempts + 1 }));
  let r: ApiResult<{ articleId: number; version: number; status: string; receiptCode: string; replay: boolean }>;
  try {
    r = await api('/api/field/submit', { method: 'POST', body: JSON.stringify({ submissionKey: item.key, draft: payload(d) }) });
  } catch (e) {
    // Not sent (or no answer): waiting again; the same key makes a resend harmless.
    await updateOutbox(item.key, (o) => ({ ...o, state: 'waiting' }));
    throw e;
  }
  if (r.ok) {
    const { articleId, version, status, receiptCode } = r.data;
    await updateOutbox(item.key, (o) => ({ ...o, state: 'sent', error: null, sentAt: Date.now(), articleId, receiptCode }));
    await updateDraft(d.key, (cur) => ({ ...cur, articleId, baseVersion: version, status, receiptCode, dirty: false, queued: false, reason: null, syncError: null, syncedAt: Date.now() }));
    return;
  }
  const conflict = r.code === 'CONFLICT' ? conflictFrom(r.details) : null;
  const error = conflict ? '服务器上的稿件已被他人修改。请打开稿件,处理冲突后重新提交。' : r.message;
  await updateOutbox(item.key, (o) => ({ ...o, state: 'failed', error }));
  // The report is editable again, so the person can fix what was refused.
  await updateDraft(d.key, (cur) => ({ ...cur, queued: false, conflict: conflict ?? cur.conflict }));
}

/**
 * Takes in the server's view of the person's reports: new ones (made on another device)
 * are stored for offline use, clean copies are refreshed, and a copy with unsent changes
 * whose server version moved on becomes a conflict for the person to settle.
 */
export async function pullServer(uid: number): Promise<void> {
  const r = await api<{ articles: ServerArticle[] }>('/api/field/drafts');
  if (!r.ok) return;
  const local = await listDrafts(uid);
  for (const s of r.data.articles) {
    const mine = local.find((d) => d.articleId === s.id) ?? local.find((d) => d.articleId == null && d.key === s.idempotencyKey);
    if (!mine) {
      if (!s.fields) continue;
      await putDraft({
        ...newDraft(uid, s.fields.columnId),
        articleId: s.id,
        baseVersion: s.version,
        fields: fieldsFromServer(s.fields),
        status: s.status,
        receiptCode: s.receiptCode,
        reason: s.reason,
        updatedAt: Date.parse(s.updatedAt),
        syncedAt: Date.now(),
      });
      continue;
    }
    await updateDraft(mine.key, (cur) => {
      // A draft whose first sync went unanswered keeps taking the create path (matched by its key).
      if (cur.articleId == null && cur.dirty) return { ...cur, status: s.status, receiptCode: s.receiptCode };
      const next = { ...cur, articleId: s.id, status: s.status, receiptCode: s.receiptCode, reason: s.reason };
      if (cur.queued || cur.conflict || s.version === cur.baseVersion) return next;
      if (!cur.dirty) {
        return s.fields
          ? { ...next, fields: fieldsFromServer(s.fields), baseVersion: s.version, loaded: cur.loaded + 1, syncedAt: Date.now() }
          : { ...next, baseVersion: s.version };
      }
      if (cur.baseVersion == null) return next;
      // Unsent changes on an older version: keep both and ask.
      return s.fields
        ? { ...next, conflict: { version: s.version, title: s.fields.title, subtitle: s.fields.subtitle, summary: s.fields.summary, body: s.fields.body, authorName: null } }
        : { ...next, syncError: '这篇稿件已在别处提交,手机上未同步的修改没有发送。请复制需要的内容。' };
    });
  }
}

/** One full round: take in the server's changes, send unsent drafts, then the outbox. */
export async function syncAll(uid: number): Promise<void> {
  await pullServer(uid);
  for (const d of await listDrafts(uid)) if (d.dirty && !d.conflict && !d.queued) await pushDraft(d.key);
  await flushOutbox(uid);
}
