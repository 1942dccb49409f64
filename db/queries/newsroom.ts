import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, min, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type DbOrTx } from '@/db';
import {
  articlePresence,
  articles,
  columns,
  comments,
  events,
  notifications,
  regions,
  revisions,
  teams,
  users,
} from '@/db/schema';
import type { Reporter } from '@/domain/byline';
import type { ArticleRef, Principal } from '@/domain/permissions';
import type { RichTextDoc } from '@/domain/rich-text';
import { OWNER_EDITABLE, type ArticleStatus, type WorkflowState } from '@/domain/workflow';
import { parseQuery } from '@/domain/search';
import { matchSql } from './search';

// Newsroom reads. Callers check permissions with domain/permissions on what these return;
// the list query also filters by role so nobody pages through rows they may not open.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface EditableArticle {
  id: number;
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  columnId: number;
  columnName: string;
  author: string;
  reporters: Reporter[];
  source: string;
  teamId: number | null;
  teamName: string | null;
  creditText: string;
  editorName: string;
  status: ArticleStatus;
  reviewStage: number;
  stages: number;
  version: number;
  publishAt: string | null;
  publishedAt: string | null;
  unpublishAt: string | null;
  receiptCode: string;
  createdBy: number | null;
  coverMediaId: number | null;
  headlineRank: number | null;
  slideRank: number | null;
  recommendRank: number | null;
  featureUntil: string | null;
  pinRank: number | null;
  pinUntil: string | null;
  updatedAt: string;
  regionPath: string | null;
}

/** One article with what the rules and the editor need; `lock` takes a row lock inside a transaction. */
export async function getEditableArticle(id: number, db?: DbOrTx, lock = false): Promise<EditableArticle | null> {
  const conn = db ?? (await getDb());
  const q = conn
    .select({
      a: articles,
      columnName: columns.name,
      stages: columns.reviewStages,
      teamName: teams.name,
      regionPath: regions.path,
    })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .leftJoin(teams, eq(teams.id, articles.teamId))
    .leftJoin(regions, eq(regions.id, teams.regionId))
    .where(eq(articles.id, id))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: articles }) : await q;
  if (!row) return null;
  const a = row.a;
  return {
    id: a.id,
    title: a.title,
    subtitle: a.subtitle,
    summary: a.summary,
    body: a.body,
    columnId: a.columnId,
    columnName: row.columnName,
    author: a.author,
    reporters: a.reporters,
    source: a.source,
    teamId: a.teamId,
    teamName: row.teamName,
    creditText: a.creditText,
    editorName: a.editorName,
    status: a.status,
    reviewStage: a.reviewStage,
    stages: row.stages,
    version: a.version,
    publishAt: iso(a.publishAt),
    publishedAt: iso(a.publishedAt),
    unpublishAt: iso(a.unpublishAt),
    receiptCode: a.receiptCode,
    createdBy: a.createdBy,
    coverMediaId: a.coverMediaId,
    headlineRank: a.headlineRank,
    slideRank: a.slideRank,
    recommendRank: a.recommendRank,
    featureUntil: iso(a.featureUntil),
    pinRank: a.pinRank,
    pinUntil: iso(a.pinUntil),
    updatedAt: a.updatedAt.toISOString(),
    regionPath: row.regionPath,
  };
}

export const refOf = (a: EditableArticle): ArticleRef => ({
  teamId: a.teamId,
  columnId: a.columnId,
  regionPath: a.regionPath,
  createdBy: a.createdBy,
  status: a.status,
});
export const stateOf = (a: EditableArticle): WorkflowState => ({
  status: a.status,
  reviewStage: a.reviewStage,
  stages: a.stages,
});

export interface DashboardFilters {
  status?: ArticleStatus;
  columnId?: number;
  teamId?: number;
  from?: Date;
  to?: Date;
  q?: string;
  page?: number;
}

export interface DashboardRow {
  id: number;
  title: string;
  status: ArticleStatus;
  reviewStage: number;
  stages: number;
  columnName: string;
  teamName: string | null;
  authorName: string | null;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  receiptCode: string;
}

export const DASHBOARD_PAGE_SIZE = 30;

/**
 * Articles this person may see at all, as SQL (mirrors `can(p, 'article.view')`). Every
 * newsroom read that lists articles filters with this, never a copy of it.
 */
export function visibleTo(p: Principal): SQL {
  if (p.role === 'contributor') {
    return p.teamId == null ? sql`false` : eq(articles.teamId, p.teamId);
  }
  const own = eq(articles.createdBy, p.id);
  if (p.role === 'admin') return sql`true`;
  const parts: SQL[] = [ne(articles.status, 'draft')];
  if (p.role === 'editor') {
    if (p.columnScope) parts.push(p.columnScope.length ? inArray(articles.columnId, p.columnScope) : sql`false`);
    if (p.regionScope) {
      const paths = p.regionScope.map((path) => sql`${regions.path} like ${path + '%'}`);
      parts.push(sql`exists (select 1 from ${teams} join ${regions} on ${regions.id} = ${teams.regionId}
        where ${teams.id} = ${articles.teamId} and (${sql.join(paths, sql` or `)}))`);
    }
  }
  return or(own, and(...parts))!;
}

function filterSql(p: Principal, f: DashboardFilters): SQL {
  const parts: SQL[] = [visibleTo(p)];
  if (f.status) parts.push(eq(articles.status, f.status));
  if (f.columnId) parts.push(eq(articles.columnId, f.columnId));
  if (f.teamId) parts.push(eq(articles.teamId, f.teamId));
  if (f.from) parts.push(gte(articles.updatedAt, f.from));
  if (f.to) parts.push(lt(articles.updatedAt, f.to));
  if (f.q) {
    // The public search engine, over every field; a receipt code finds its report too.
    const query = parseQuery(f.q);
    const receipt = eq(articles.receiptCode, f.q.trim().toUpperCase());
    parts.push(query ? or(matchSql(query), receipt)! : receipt);
  }
  return and(...parts)!;
}

export async function listDashboardArticles(
  p: Principal,
  f: DashboardFilters,
): Promise<{ rows: DashboardRow[]; total: number }> {
  const db = await getDb();
  const where = filterSql(p, f);
  const author = alias(users, 'author');
  const page = Math.max(1, f.page ?? 1);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: articles.id,
        title: articles.title,
        status: articles.status,
        reviewStage: articles.reviewStage,
        stages: columns.reviewStages,
        columnName: columns.name,
        teamName: teams.shortName,
        authorName: author.displayName,
        updatedAt: articles.updatedAt,
        submittedAt: articles.submittedAt,
        publishedAt: articles.publishedAt,
        receiptCode: articles.receiptCode,
      })
      .from(articles)
      .innerJoin(columns, eq(columns.id, articles.columnId))
      .leftJoin(teams, eq(teams.id, articles.teamId))
      .leftJoin(author, eq(author.id, articles.createdBy))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(DASHBOARD_PAGE_SIZE)
      .offset((page - 1) * DASHBOARD_PAGE_SIZE),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  return {
    total: totals[0]?.total ?? 0,
    rows: rows.map((r) => ({
      ...r,
      updatedAt: r.updatedAt.toISOString(),
      submittedAt: iso(r.submittedAt),
      publishedAt: iso(r.publishedAt),
    })),
  };
}

export interface StatusCount {
  status: ArticleStatus;
  count: number;
  /** Oldest submission still in this state (review queue age). */
  oldestSubmittedAt: string | null;
}

export async function countByStatus(p: Principal): Promise<StatusCount[]> {
  const db = await getDb();
  const rows = await db
    .select({ status: articles.status, count: count(), oldest: min(articles.submittedAt) })
    .from(articles)
    .where(visibleTo(p))
    .groupBy(articles.status);
  return rows.map((r) => ({
    status: r.status,
    count: r.count,
    // min() comes back as a string from the driver
    oldestSubmittedAt: r.oldest ? new Date(r.oldest as unknown as string).toISOString() : null,
  }));
}

export interface EventDto {
  id: number;
  action: string;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  stage: number | null;
  reason: string;
  actorName: string | null;
  actorRole: string | null;
  createdAt: string;
}

export async function getArticleEvents(articleId: number): Promise<EventDto[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: events.id,
      action: events.action,
      fromStatus: events.fromStatus,
      toStatus: events.toStatus,
      stage: events.stage,
      reason: events.reason,
      actorName: users.displayName,
      actorRole: users.role,
      createdAt: events.createdAt,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(eq(events.articleId, articleId))
    .orderBy(asc(events.createdAt), asc(events.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Who approved which stage of the current review round (for separation of duties). */
export async function stageApprovers(articleId: number, db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ actorId: events.actorId, action: events.action })
    .from(events)
    .where(and(eq(events.articleId, articleId), inArray(events.action, ['approve', 'request_changes', 'reject', 'submit', 'resubmit'])))
    .orderBy(asc(events.id));
  // Only approvals after the latest (re)submission count.
  let last = -1;
  rows.forEach((r, i) => {
    if (r.action !== 'approve') last = i;
  });
  return rows.slice(last + 1).flatMap((r) => (r.action === 'approve' && r.actorId != null ? [r.actorId] : []));
}

export interface CommentDto {
  id: number;
  body: string;
  authorName: string | null;
  authorRole: string | null;
  createdAt: string;
}

export async function getComments(articleId: number): Promise<CommentDto[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      authorName: users.displayName,
      authorRole: users.role,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.articleId, articleId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export interface RevisionListItem {
  id: number;
  version: number;
  authorName: string | null;
  note: string;
  createdAt: string;
}

export async function listRevisions(articleId: number): Promise<RevisionListItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: revisions.id,
      version: revisions.version,
      authorName: users.displayName,
      note: revisions.note,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export interface RevisionSnapshot {
  id: number;
  version: number;
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  meta: Record<string, unknown>;
  authorName: string | null;
  createdAt: string;
}

export async function getRevisionByVersion(articleId: number, version: number, db?: DbOrTx): Promise<RevisionSnapshot | null> {
  const conn = db ?? (await getDb());
  const [r] = await conn
    .select({
      id: revisions.id,
      version: revisions.version,
      title: revisions.title,
      subtitle: revisions.subtitle,
      summary: revisions.summary,
      body: revisions.body,
      meta: revisions.meta,
      authorName: users.displayName,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.articleId, articleId), eq(revisions.version, version)))
    .limit(1);
  return r ? { ...r, createdAt: r.createdAt.toISOString() } : null;
}

export interface NotificationDto {
  id: number;
  articleId: number | null;
  kind: string;
  message: string;
  read: boolean;
  createdAt: string;
}

export async function unreadNotificationCount(userId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(userId: number, limit = 100): Promise<NotificationDto[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    articleId: r.articleId,
    kind: r.kind,
    message: r.message,
    read: r.readAt != null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** People other than `userId` who had the article open in the editor within `withinSeconds`. */
export async function othersEditing(articleId: number, userId: number, withinSeconds = 45, db?: DbOrTx): Promise<string[]> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({ name: users.displayName })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(
      and(
        eq(articlePresence.articleId, articleId),
        ne(articlePresence.userId, userId),
        sql`${articlePresence.seenAt} > now() - make_interval(secs => ${withinSeconds})`,
      ),
    );
  return rows.map((r) => r.name);
}

/** Columns and teams for filter menus and the editor's column picker. */
export async function getFilterOptions() {
  const db = await getDb();
  const [cols, tms] = await Promise.all([
    db
      .select({ id: columns.id, name: columns.name, parentId: columns.parentId, stages: columns.reviewStages })
      .from(columns)
      .orderBy(asc(columns.sort), asc(columns.id)),
    db.select({ id: teams.id, name: teams.shortName }).from(teams).orderBy(asc(teams.id)),
  ]);
  return { columns: cols, teams: tms };
}

/** A report as the field app keeps it on the phone; the text only while the team may still edit it. */
export interface FieldArticle {
  id: number;
  version: number;
  status: ArticleStatus;
  receiptCode: string;
  idempotencyKey: string | null;
  updatedAt: string;
  /** The latest return reason, for a report sent back for changes. */
  reason: string | null;
  fields: {
    title: string;
    subtitle: string;
    summary: string;
    body: RichTextDoc;
    columnId: number;
    author: string;
    reporters: Reporter[];
    source: string;
  } | null;
}

/** The person's own recent reports (their team's, or their own for staff), newest first. */
export async function listFieldArticles(p: Principal, limit = 60): Promise<FieldArticle[]> {
  const db = await getDb();
  const mine = p.role === 'contributor' ? (p.teamId == null ? sql`false` : eq(articles.teamId, p.teamId)) : eq(articles.createdBy, p.id);
  const rows = await db
    .select({
      id: articles.id,
      version: articles.version,
      status: articles.status,
      receiptCode: articles.receiptCode,
      idempotencyKey: articles.idempotencyKey,
      updatedAt: articles.updatedAt,
      title: articles.title,
      subtitle: articles.subtitle,
      summary: articles.summary,
      body: articles.body,
      columnId: articles.columnId,
      author: articles.author,
      reporters: articles.reporters,
      source: articles.source,
      reason: sql<string | null>`(select ${events.reason} from ${events}
        where ${events.articleId} = ${articles.id} and ${events.action} = 'request_changes'
        order by ${events.id} desc limit 1)`,
    })
    .from(articles)
    .where(and(visibleTo(p), mine, sql`(${articles.status} in ('draft', 'changes_requested') or ${articles.updatedAt} > now() - interval '30 days')`))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    receiptCode: r.receiptCode,
    idempotencyKey: r.idempotencyKey,
    updatedAt: r.updatedAt.toISOString(),
    reason: r.status === 'changes_requested' ? r.reason : null,
    fields: OWNER_EDITABLE.has(r.status)
      ? { title: r.title, subtitle: r.subtitle, summary: r.summary, body: r.body, columnId: r.columnId, author: r.author, reporters: r.reporters, source: r.source }
      : null,
  }));
}
