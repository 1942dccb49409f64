import crypto from 'node:crypto';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { articleStats, articles, columns, events, revisions, teams, type Article, type NewEvent } from '@/db/schema';
import { REPORTER_ROLES, type Reporter } from '@/domain/byline';
import { AppError } from '@/domain/errors';
import type { LegacyPage } from '@/domain/legacy-page';
import { normalizeLegacyUrl } from '@/domain/legacy-url';
import { receiptCode } from '@/domain/receipt';
import { articleSearchVector } from '@/domain/search';
import { richTextSchema, type RichTextDoc } from '@/domain/rich-text';

/**
 * Imports one page of the old site's archive as a published article (`npm run import`).
 * An operator's verb, run from a terminal by whoever may open the database, so there is
 * no Principal to check; the audit event says it was an import and by whom, if known.
 * Run by a script, so no 'server-only' marker, and it writes its revision and event rows
 * itself: the shared helpers (services/events.ts, articles/shared.ts) load server-only reads.
 */

/** The event action of an import; it also marks an article as imported (re-imports match only those). */
export const IMPORT_ACTION = 'article.import';

export interface ImportOptions {
  /** The user the import is recorded for; null when run without one. */
  actorId?: number | null;
  /** The file the page came from, kept in the event for the paper trail. */
  file?: string;
  /** Publication time of pages that print no date (default: now). */
  now?: Date;
}

export type ImportAction = 'created' | 'updated' | 'unchanged';
export interface ImportResult {
  action: ImportAction;
  id: number;
}

// The editor's own limits (domain/article-input.ts), so an imported article can be edited and saved.
const pageSchema = z.object({
  columnName: z.string().trim().min(1, 'no column — 没有栏目').max(100, 'column name over 100 characters — 栏目名称超过 100 字'),
  title: z.string().trim().min(1, 'no title — 没有标题').max(200, 'title over 200 characters — 标题超过 200 字'),
  author: z.string().trim().max(100, 'author over 100 characters — 作者超过 100 字'),
  source: z.string().trim().max(100, 'source over 100 characters — 来源超过 100 字'),
  publishedAt: z.date({ error: 'invalid publication time — 发布时间无效' }).nullable(),
  views: z.number().int().nonnegative().nullable(),
  reporters: z
    .array(z.object({ name: z.string().trim().min(1).max(40, 'reporter name over 40 characters — 记者姓名超过 40 字'), role: z.enum(REPORTER_ROLES) }))
    .max(20, 'more than 20 reporters — 记者超过 20 位'),
  body: richTextSchema,
  creditKind: z.enum(['供稿', '责任编辑']).nullable(),
  creditName: z.string().trim().max(200, 'credit over 200 characters — 供稿单位超过 200 字'),
  editorName: z.string().trim().max(100, 'editor name over 100 characters — 责任编辑超过 100 字'),
  prevTitle: z.string().nullable(),
  nextTitle: z.string().nullable(),
  legacyUrl: z.string().nullable(),
});

export async function importLegacyPage(db: Db, page: LegacyPage, opts: ImportOptions = {}): Promise<ImportResult> {
  const parsed = pageSchema.safeParse(page);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join('; '));
  const input = parsed.data;
  const legacyUrl = input.legacyUrl ? normalizeLegacyUrl(input.legacyUrl) : null;
  const actorId = opts.actorId ?? null;
  const now = opts.now ?? new Date();

  return db.transaction(async (tx) => {
    const column = await findOrCreateColumn(tx, input.columnName);
    let teamId: number | null = null;
    let creditText = '';
    if (input.creditKind === '供稿' && input.creditName) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, input.creditName)).limit(1);
      teamId = team?.id ?? null;
      creditText = team ? '' : input.creditName;
    }
    const editorName = input.editorName || (input.creditKind === '责任编辑' ? input.creditName : '');
    const existing = await findImported(tx, column.id, input.title, input.publishedAt, legacyUrl);
    const views = input.views ?? 0;

    const row = {
      columnId: column.id,
      title: input.title,
      body: input.body as RichTextDoc,
      author: input.author,
      reporters: input.reporters as Reporter[],
      teamId,
      creditText,
      source: input.source,
      editorName,
      // A page without a date or URL keeps the one the article already has.
      publishedAt: input.publishedAt ?? existing?.publishedAt ?? now,
      legacyUrl: legacyUrl ?? existing?.legacyUrl ?? null,
    };
    const trail = { file: opts.file ?? null, legacyUrl: row.legacyUrl, prevTitle: input.prevTitle, nextTitle: input.nextTitle, views: input.views };

    if (!existing) {
      const [created] = await tx
        .insert(articles)
        .values({ ...row, searchVector: articleSearchVector(row), status: 'published', receiptCode: receiptCode('MS'), createdBy: actorId, updatedBy: actorId })
        .returning({ id: articles.id });
      const id = created!.id;
      await insertRevision(tx, id, 1, row, { subtitle: '', summary: '', coverMediaId: null }, actorId, '导入');
      await tx.insert(articleStats).values({ articleId: id, views });
      await insertEvent(tx, {
        articleId: id,
        actorId,
        action: IMPORT_ACTION,
        toStatus: 'published',
        data: { result: 'created', columnCreated: column.created, ...trail },
      });
      return { action: 'created', id };
    }

    // Views the new site counted since the last import are kept: the larger count wins.
    await tx
      .insert(articleStats)
      .values({ articleId: existing.id, views })
      .onConflictDoUpdate({ target: articleStats.articleId, set: { views: sql`excluded.views` }, setWhere: sql`${articleStats.views} < excluded.views` });
    if (sameContent(existing, row)) return { action: 'unchanged', id: existing.id };

    // The status stays as the newsroom left it: a re-import never republishes an unpublished article.
    const version = existing.version + 1;
    await tx
      .update(articles)
      .set({ ...row, searchVector: articleSearchVector(row), version, updatedBy: actorId, updatedAt: sql`now()` })
      .where(eq(articles.id, existing.id));
    await insertRevision(tx, existing.id, version, row, existing, actorId, '重新导入');
    await insertEvent(tx, {
      articleId: existing.id,
      actorId,
      action: IMPORT_ACTION,
      fromStatus: existing.status,
      toStatus: existing.status,
      data: { result: 'updated', version, ...trail },
    });
    return { action: 'updated', id: existing.id };
  });
}

/** A stable slug for a column known only by its Chinese name (no pinyin here): `col-` + 8 hex digits. */
export function columnSlugFor(name: string): string {
  return `col-${crypto.createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

async function findOrCreateColumn(tx: Tx, name: string): Promise<{ id: number; created: boolean }> {
  const [found] = await tx.select({ id: columns.id }).from(columns).where(eq(columns.name, name)).orderBy(asc(columns.id)).limit(1);
  if (found) return { id: found.id, created: false };
  const base = columnSlugFor(name);
  let slug = base;
  for (let n = 2; (await tx.select({ id: columns.id }).from(columns).where(eq(columns.slug, slug)).limit(1)).length; n++) slug = `${base}-${n}`;
  const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${columns.sort}) + 1, 0)::int` }).from(columns);
  // Hidden from navigation and the home page until an admin decides where the archive belongs.
  const [row] = await tx
    .insert(columns)
    .values({ slug, name, sort: next, showInNav: false, showOnHome: false })
    .returning({ id: columns.id });
  return { id: row!.id, created: true };
}

/**
 * The article an earlier import made of this page: by legacy URL when known, else by
 * (column, title, publication time — when the page prints one). Only imported articles
 * match, so a newsroom article that happens to share a title is never overwritten.
 */
async function findImported(tx: Tx, columnId: number, title: string, publishedAt: Date | null, legacyUrl: string | null): Promise<Article | null> {
  if (legacyUrl) {
    const [byUrl] = await tx.select().from(articles).where(eq(articles.legacyUrl, legacyUrl)).limit(1).for('update');
    if (byUrl) return byUrl;
  }
  const imported = sql`exists (select 1 from ${events} where ${events.articleId} = ${articles.id} and ${events.action} = ${IMPORT_ACTION})`;
  const where: SQL[] = [eq(articles.columnId, columnId), eq(articles.title, title), imported];
  if (publishedAt) where.push(eq(articles.publishedAt, publishedAt));
  // With a URL, only an article imported earlier without one may be this page.
  if (legacyUrl) where.push(isNull(articles.legacyUrl));
  const [byKey] = await tx
    .select()
    .from(articles)
    .where(and(...where))
    .orderBy(asc(articles.id))
    .limit(1)
    .for('update');
  return byKey ?? null;
}

/** The same snapshot services/articles/shared.ts `writeRevision` keeps for every save. */
async function insertRevision(
  tx: Tx,
  articleId: number,
  version: number,
  row: RowFields,
  rest: Pick<Article, 'subtitle' | 'summary' | 'coverMediaId'>,
  authorId: number | null,
  note: string,
) {
  await tx.insert(revisions).values({
    articleId,
    version,
    title: row.title,
    subtitle: rest.subtitle,
    summary: rest.summary,
    body: row.body,
    meta: { columnId: row.columnId, author: row.author, reporters: row.reporters, source: row.source, coverMediaId: rest.coverMediaId },
    authorId,
    note,
  });
}

async function insertEvent(tx: Tx, e: NewEvent) {
  await tx.insert(events).values(e);
}

type RowFields = Pick<Article, 'columnId' | 'title' | 'body' | 'author' | 'reporters' | 'teamId' | 'creditText' | 'source' | 'editorName' | 'publishedAt' | 'legacyUrl'>;

function sameContent(a: Article, b: RowFields): boolean {
  return (
    a.columnId === b.columnId &&
    a.title === b.title &&
    a.author === b.author &&
    a.teamId === b.teamId &&
    a.creditText === b.creditText &&
    a.source === b.source &&
    a.editorName === b.editorName &&
    a.legacyUrl === b.legacyUrl &&
    a.publishedAt?.getTime() === b.publishedAt?.getTime() &&
    canonicalJson(a.body) === canonicalJson(b.body) &&
    canonicalJson(a.reporters) === canonicalJson(b.reporters)
  );
}

/** JSON with sorted keys: jsonb hands objects back with its own key order. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value,
  );
}
