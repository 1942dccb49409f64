import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { articles } from '@/db/schema';
import { getRevisionByVersion } from '@/db/queries/newsroom';
import { AppError } from '@/domain/errors';
import { saveArticleSchema, type ArticleFields, type SaveArticleInput } from '@/domain/article-input';
import type { Principal } from '@/domain/permissions';
import { firstImageMediaId, parseRichText } from '@/domain/rich-text';
import { articleSearchVector } from '@/domain/search';
import { writeEvent } from '../events';
import { columnExists, isPublicStatus, lockArticle, publicTags, requireRole, writeRevision } from './shared';

export interface SaveResult {
  version: number;
  savedAt: string;
  tags: string[];
}

/**
 * Saves the editor's fields as a new version and keeps the old one as a revision. A save
 * that names an older version than the stored one is refused (CONFLICT) with the current
 * text, so the person can see what changed and nothing they typed is lost.
 */
export async function saveArticle(p: Principal | null, raw: unknown): Promise<SaveResult> {
  const user = requireRole(p, 'article.edit');
  const input = saveArticleSchema.parse(raw);
  const db = await getDb();
  return db.transaction((tx) => applySave(tx, user, input));
}

/** The transaction body of saveArticle, shared with the field app's sync. */
export async function applySave(tx: Tx, user: Principal, input: SaveArticleInput): Promise<SaveResult> {
  const body = parseRichText(input.body);
  const a = await lockArticle(tx, user, input.id, 'article.edit');
  if (a.version !== input.version) {
    const current = await getRevisionByVersion(a.id, a.version, tx);
    throw new AppError('CONFLICT', undefined, {
      currentVersion: a.version,
      current: current ?? {
        version: a.version,
        title: a.title,
        subtitle: a.subtitle,
        summary: a.summary,
        body: a.body,
        meta: {},
        authorName: null,
        createdAt: a.updatedAt,
      },
    });
  }
  if (input.columnId !== a.columnId) {
    if (!(await columnExists(tx, input.columnId))) throw new AppError('VALIDATION', '请选择栏目。');
    if (user.columnScope && !user.columnScope.includes(input.columnId)) throw new AppError('FORBIDDEN', '您不负责这个栏目。');
  }
  const fields: ArticleFields = {
    title: input.title,
    subtitle: input.subtitle,
    summary: input.summary,
    body,
    columnId: input.columnId,
    author: input.author,
    reporters: input.reporters,
    source: input.source,
    // Lists and shares show a cover: the body's first photo, unless the body has none.
    coverMediaId: firstImageMediaId(body) ?? input.coverMediaId,
  };
  const version = a.version + 1;
  // The version guard repeats the check in SQL, so it holds even without the row lock.
  const [row] = await tx
    .update(articles)
    .set({ ...fields, searchVector: articleSearchVector(fields), version, updatedBy: user.id, updatedAt: sql`now()` })
    .where(and(eq(articles.id, a.id), eq(articles.version, a.version)))
    .returning({ updatedAt: articles.updatedAt });
  if (!row) throw new AppError('CONFLICT');
  const correction = isPublicStatus(a.status);
  await writeRevision(tx, { id: a.id, ...fields }, version, user.id, correction ? '更正' : input.autosave ? '自动保存' : '保存');
  if (correction) {
    await writeEvent(tx, { articleId: a.id, actorId: user.id, action: 'correct', data: { version } });
  }
  const tags = correction ? await publicTags(tx, a.id, [...new Set([a.columnId, input.columnId])]) : [];
  return { version, savedAt: row.updatedAt.toISOString(), tags };
}
