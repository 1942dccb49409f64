import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { articles, requestKeys } from '@/db/schema';
import { articleFieldsSchema, transitionSchema } from '@/domain/article-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { OWNER_EDITABLE } from '@/domain/workflow';
import { insertDraft } from './create';
import { applySave } from './save';
import { applyTransition } from './transition';
import { requireRole } from './shared';

/**
 * The field app's two writes. A phone keeps each report locally under a key it made
 * (a UUID) and sends it when it has signal: `syncFieldDraft` creates or updates the
 * server copy, `submitFieldDraft` does that and submits it for review, once per key.
 */

const uuid = z.uuid('无效的稿件编号');

export const fieldDraftSchema = articleFieldsSchema.extend({
  /** Made on the phone when the report was started; also the create's idempotency key. */
  key: uuid,
  articleId: z.number().int().positive().nullable(),
  /** The server version the phone's text is based on (null before the first sync). */
  baseVersion: z.number().int().positive().nullable(),
});
export type FieldDraftInput = z.input<typeof fieldDraftSchema>;

export const fieldSubmitSchema = z.object({
  /** One per tap of 提交 (kept in the outbox): replays of it submit once. */
  submissionKey: uuid,
  draft: fieldDraftSchema,
});

export interface FieldSyncResult {
  articleId: number;
  version: number;
  status: string;
  receiptCode: string;
  tags: string[];
}

/** Creates or updates the server copy of a phone's draft. A stale base version is a CONFLICT (with the server's text). */
export async function syncFieldDraft(p: Principal | null, raw: unknown): Promise<FieldSyncResult> {
  const user = requireRole(p, 'article.create');
  const input = fieldDraftSchema.parse(raw);
  const db = await getDb();
  return db.transaction((tx) => putDraft(tx, user, input));
}

async function putDraft(tx: Tx, user: Principal, d: z.output<typeof fieldDraftSchema>): Promise<FieldSyncResult> {
  const { key, articleId, baseVersion, ...fields } = d;
  let id = articleId;
  let base = baseVersion;
  if (id == null) {
    const created = await insertDraft(tx, user, { columnId: fields.columnId, title: fields.title, idempotencyKey: key });
    id = created.id;
    const [row] = await tx.select({ version: articles.version, updatedBy: articles.updatedBy }).from(articles).where(eq(articles.id, id));
    // Only this phone knows the key: if the server copy was last written by this person, it is
    // this phone's own earlier sync whose answer got lost, and its text is safe to replace.
    if (!created.existing || row?.updatedBy === user.id) base = row?.version ?? 1;
    else base ??= 1;
  }
  const [current] = await tx.select({ status: articles.status }).from(articles).where(eq(articles.id, id));
  if (current && !OWNER_EDITABLE.has(current.status)) {
    throw new AppError('INVALID_TRANSITION', '这篇稿件已经提交,正在审核,不能再从手机上修改。');
  }
  const saved = await applySave(tx, user, { ...fields, id, version: base!, autosave: true });
  const [row] = await tx.select({ status: articles.status, receiptCode: articles.receiptCode }).from(articles).where(eq(articles.id, id));
  return { articleId: id, version: saved.version, status: row!.status, receiptCode: row!.receiptCode, tags: saved.tags };
}

/**
 * Saves the phone's text and submits it for review, in one transaction, once per
 * submission key: a replay (the phone never heard the answer, a double tap) gets the
 * first answer back and changes nothing.
 */
export async function submitFieldDraft(p: Principal | null, raw: unknown): Promise<FieldSyncResult & { replay: boolean }> {
  const user = requireRole(p, 'article.create');
  const input = fieldSubmitSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Claims the key; a concurrent request with the same key waits here for this one to finish.
    const claimed = await tx
      .insert(requestKeys)
      .values({ key: input.submissionKey, userId: user.id, action: 'field.submit', result: {} })
      .onConflictDoNothing()
      .returning({ key: requestKeys.key });
    if (claimed.length === 0) {
      const [prior] = await tx.select().from(requestKeys).where(eq(requestKeys.key, input.submissionKey));
      if (!prior || prior.userId !== user.id || prior.action !== 'field.submit') throw new AppError('CONFLICT', '提交编号重复,请重新提交。');
      return { ...(prior.result as unknown as FieldSyncResult), tags: [], replay: true };
    }
    const saved = await putDraft(tx, user, input.draft);
    const action = saved.status === 'changes_requested' ? 'resubmit' : 'submit';
    const moved = await applyTransition(tx, user, transitionSchema.parse({ id: saved.articleId, action, expectedStatus: saved.status }), new Date());
    const [row] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, saved.articleId));
    const result = { articleId: saved.articleId, version: row!.version, status: moved.status, receiptCode: saved.receiptCode };
    await tx
      .update(requestKeys)
      .set({ articleId: saved.articleId, result })
      .where(eq(requestKeys.key, input.submissionKey));
    return { ...result, tags: [...saved.tags, ...moved.tags], replay: false };
  });
}
