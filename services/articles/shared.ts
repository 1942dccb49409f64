import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { columns, revisions } from '@/db/schema';
import { columnAncestry } from '@/db/queries/site';
import { getEditableArticle, refOf, type EditableArticle } from '@/db/queries/newsroom';
import { AppError } from '@/domain/errors';
import { can, type Permission, type Principal } from '@/domain/permissions';
import { articleTags } from '@/lib/cache-tags';

/** Role-level gate: the first line of every verb. */
export function requireRole(p: Principal | null, perm: Permission): Principal {
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (!can(p, perm)) throw new AppError('FORBIDDEN');
  return p;
}

/**
 * Loads the article, refusing with NOT_FOUND when the person may not even see
 * it (a foreign record looks the same as a missing one) and FORBIDDEN when they may see
 * but not do this.
 */
export async function readArticle(tx: Tx, p: Principal, id: number, perm: Permission, lock = false): Promise<EditableArticle> {
  const a = await getEditableArticle(id, tx, lock);
  if (!a || !can(p, 'article.view', refOf(a))) throw new AppError('NOT_FOUND');
  if (!can(p, perm, refOf(a))) throw new AppError('FORBIDDEN');
  return a;
}

/** readArticle with a row lock, for verbs that change the article. */
export const lockArticle = (tx: Tx, p: Principal, id: number, perm: Permission) => readArticle(tx, p, id, perm, true);

type ColumnLink = { id: number; parentId: number | null };

/** Cache tags for a public article in these columns (each column's ancestors list it too). */
export async function publicTags(tx: DbOrTx, articleId: number, columnIds: number[]): Promise<string[]> {
  const all = await tx.select({ id: columns.id, parentId: columns.parentId }).from(columns);
  return publicTagsIn(all, articleId, columnIds);
}

/** publicTags over a column list already read (for many articles at once). */
export function publicTagsIn(all: ColumnLink[], articleId: number, columnIds: number[]): string[] {
  const ids = new Set<number>();
  for (const id of columnIds) {
    const col = all.find((c) => c.id === id);
    if (col) for (const c of columnAncestry(all, col)) ids.add(c.id);
  }
  return articleTags(articleId, [...ids]);
}

export const isPublicStatus = (s: string) => s === 'published' || s === 'scheduled';

/** The snapshot kept for every save. */
export async function writeRevision(
  tx: Tx,
  a: Pick<EditableArticle, 'id' | 'title' | 'subtitle' | 'summary' | 'body' | 'columnId' | 'author' | 'reporters' | 'source' | 'coverMediaId'>,
  version: number,
  authorId: number,
  note: string,
) {
  await tx.insert(revisions).values({
    articleId: a.id,
    version,
    title: a.title,
    subtitle: a.subtitle,
    summary: a.summary,
    body: a.body,
    meta: {
      columnId: a.columnId,
      author: a.author,
      reporters: a.reporters,
      source: a.source,
      coverMediaId: a.coverMediaId,
    },
    authorId,
    note,
  });
}

export async function columnExists(tx: Tx, id: number) {
  const [c] = await tx.select({ id: columns.id }).from(columns).where(eq(columns.id, id)).limit(1);
  return Boolean(c);
}
