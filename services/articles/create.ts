import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { articles } from '@/db/schema';
import { AppError } from '@/domain/errors';
import { createArticleSchema, type CreateArticleInput } from '@/domain/article-input';
import type { Principal } from '@/domain/permissions';
import { receiptCode } from '@/domain/receipt';
import { EMPTY_DOC } from '@/domain/rich-text';
import { articleSearchVector } from '@/domain/search';
import { writeEvent } from '../events';
import { columnExists, requireRole, writeRevision } from './shared';

/** A new draft: a team member's report (credited to their team) or a staff article. */
export async function createArticle(p: Principal | null, raw: unknown): Promise<{ id: number; tags: string[] }> {
  const user = requireRole(p, 'article.create');
  const input = createArticleSchema.parse(raw);
  const db = await getDb();
  const { id } = await db.transaction((tx) => insertDraft(tx, user, input));
  return { id, tags: [] };
}

/**
 * The transaction body of createArticle, shared with the field app's sync. `existing` says
 * the idempotency key had already made this article (a retry), so nothing was inserted.
 */
export async function insertDraft(tx: Tx, user: Principal, input: CreateArticleInput): Promise<{ id: number; existing: boolean }> {
  if (user.role === 'contributor' && user.teamId == null) throw new AppError('FORBIDDEN', '您的账号还没有加入工作队,请联系管理员。');
  if (user.columnScope && !user.columnScope.includes(input.columnId)) {
    throw new AppError('FORBIDDEN', '您不负责这个栏目。');
  }
  if (input.idempotencyKey) {
    const [existing] = await tx
      .select({ id: articles.id, createdBy: articles.createdBy })
      .from(articles)
      .where(eq(articles.idempotencyKey, input.idempotencyKey))
      .limit(1);
    if (existing) {
      if (existing.createdBy !== user.id) throw new AppError('CONFLICT', '这份稿件已经创建过了。');
      return { id: existing.id, existing: true };
    }
  }
  if (!(await columnExists(tx, input.columnId))) throw new AppError('VALIDATION', '请选择栏目。');
  const row = await tx
    .insert(articles)
    .values({
      columnId: input.columnId,
      title: input.title,
      body: EMPTY_DOC,
      searchVector: articleSearchVector({ title: input.title, body: EMPTY_DOC }),
      teamId: user.role === 'contributor' ? user.teamId : null,
      status: 'draft',
      receiptCode: receiptCode('MS'),
      idempotencyKey: input.idempotencyKey ?? null,
      createdBy: user.id,
      updatedBy: user.id,
    })
    .returning({ id: articles.id })
    .then((r) => r[0]!);
  await writeRevision(
    tx,
    { id: row.id, title: input.title, subtitle: '', summary: '', body: EMPTY_DOC, columnId: input.columnId, author: '', reporters: [], source: '', coverMediaId: null },
    1,
    user.id,
    '新建',
  );
  await writeEvent(tx, { articleId: row.id, actorId: user.id, action: 'create', toStatus: 'draft' });
  return { id: row.id, existing: false };
}
