import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { articles, events, readerMessages, users } from '@/db/schema';
import type { MessageKind, MessageStatus } from '@/domain/messages';
import { can, ROLE_PERMISSIONS, type Principal } from '@/domain/permissions';
import { ROLES } from '@/domain/roles';
import type { ArticleStatus } from '@/domain/workflow';
import { publicVisibility } from './visibility';

// The readers' inbox. Every read asks who is reading and returns nothing to someone
// without `message.view`; the sender's name and contact are never read here (see
// services/message-inbox.ts revealMessageContact, which audits each reading).

export const INBOX_PAGE_SIZE = 30;

export interface InboxFilters {
  kind?: MessageKind;
  status?: MessageStatus;
  /** A receipt code, or words of the subject. */
  q?: string;
  page?: number;
}

export interface InboxRow {
  id: number;
  kind: MessageKind;
  status: MessageStatus;
  receiptCode: string;
  subject: string;
  /** The start of the body, for messages without a subject. */
  preview: string;
  assigneeName: string | null;
  articleId: number | null;
  articleTitle: string | null;
  createdAt: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function filterSql(f: InboxFilters, withStatus = true): SQL | undefined {
  const parts: SQL[] = [];
  if (f.kind) parts.push(eq(readerMessages.kind, f.kind));
  if (withStatus && f.status) parts.push(eq(readerMessages.status, f.status));
  const q = f.q?.trim();
  if (q) parts.push(or(eq(readerMessages.receiptCode, q.toUpperCase()), ilike(readerMessages.subject, `%${escapeLike(q)}%`))!);
  return parts.length ? and(...parts) : undefined;
}

export async function listInbox(p: Principal, f: InboxFilters): Promise<{ rows: InboxRow[]; total: number; page: number }> {
  const page = Math.max(1, f.page ?? 1);
  if (!can(p, 'message.view')) return { rows: [], total: 0, page };
  const db = await getDb();
  const assignee = alias(users, 'assignee');
  const where = filterSql(f);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: readerMessages.id,
        kind: readerMessages.kind,
        status: readerMessages.status,
        receiptCode: readerMessages.receiptCode,
        subject: readerMessages.subject,
        preview: sql<string>`left(${readerMessages.body}, 60)`,
        assigneeName: assignee.displayName,
        articleId: readerMessages.articleId,
        articleTitle: articles.title,
        createdAt: readerMessages.createdAt,
      })
      .from(readerMessages)
      .leftJoin(assignee, eq(assignee.id, readerMessages.assignedTo))
      .leftJoin(articles, eq(articles.id, readerMessages.articleId))
      .where(where)
      .orderBy(desc(readerMessages.createdAt), desc(readerMessages.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE),
    db.select({ total: count() }).from(readerMessages).where(where),
  ]);
  return { page, total: totals[0]?.total ?? 0, rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** Messages per status under the same kind and search filters (the status tiles). */
export async function countInboxByStatus(p: Principal, f: InboxFilters): Promise<Record<MessageStatus, number>> {
  const out: Record<MessageStatus, number> = { new: 0, assigned: 0, handled: 0 };
  if (!can(p, 'message.view')) return out;
  const db = await getDb();
  const rows = await db
    .select({ status: readerMessages.status, n: count() })
    .from(readerMessages)
    .where(filterSql(f, false))
    .groupBy(readerMessages.status);
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export interface InboxMessage {
  id: number;
  kind: MessageKind;
  status: MessageStatus;
  receiptCode: string;
  subject: string;
  body: string;
  createdAt: string;
  /** Whether the sender left a name or contact details (which are read only on request). */
  hasContact: boolean;
  article: { id: number; title: string; status: ArticleStatus; isPublic: boolean } | null;
  assignee: { id: number; name: string } | null;
  handled: { byName: string | null; note: string; at: string } | null;
}

export async function getInboxMessage(p: Principal, id: number): Promise<InboxMessage | null> {
  if (!can(p, 'message.view')) return null;
  const db = await getDb();
  const assignee = alias(users, 'assignee');
  const handler = alias(users, 'handler');
  const [r] = await db
    .select({
      id: readerMessages.id,
      kind: readerMessages.kind,
      status: readerMessages.status,
      receiptCode: readerMessages.receiptCode,
      subject: readerMessages.subject,
      body: readerMessages.body,
      createdAt: readerMessages.createdAt,
      hasContact: sql<boolean>`(${readerMessages.name} <> '' or ${readerMessages.contact} <> '')`,
      articleId: readerMessages.articleId,
      articleTitle: articles.title,
      articleStatus: articles.status,
      articlePublic: sql<boolean | null>`case when ${articles.id} is null then null else ${publicVisibility()} end`,
      assigneeId: readerMessages.assignedTo,
      assigneeName: assignee.displayName,
      handlerName: handler.displayName,
      handledNote: readerMessages.handledNote,
      handledAt: readerMessages.handledAt,
    })
    .from(readerMessages)
    .leftJoin(articles, eq(articles.id, readerMessages.articleId))
    .leftJoin(assignee, eq(assignee.id, readerMessages.assignedTo))
    .leftJoin(handler, eq(handler.id, readerMessages.handledBy))
    .where(eq(readerMessages.id, id))
    .limit(1);
  if (!r) return null;
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    receiptCode: r.receiptCode,
    subject: r.subject,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    hasContact: Boolean(r.hasContact),
    article:
      r.articleId != null && r.articleTitle != null && r.articleStatus != null
        ? { id: r.articleId, title: r.articleTitle, status: r.articleStatus, isPublic: Boolean(r.articlePublic) }
        : null,
    assignee: r.assigneeId != null ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    handled: r.status === 'handled' && r.handledAt ? { byName: r.handlerName, note: r.handledNote, at: r.handledAt.toISOString() } : null,
  };
}

export interface InboxEvent {
  id: number;
  action: string;
  actorName: string | null;
  reason: string;
  assigneeName: string | null;
  createdAt: string;
}

/** The message's history: every assign, handle, reopen and contact reading, oldest first. */
export async function getMessageEvents(p: Principal, messageId: number): Promise<InboxEvent[]> {
  if (!can(p, 'message.view')) return [];
  const db = await getDb();
  const actor = alias(users, 'actor');
  const assignee = alias(users, 'assignee');
  const rows = await db
    .select({
      id: events.id,
      action: events.action,
      actorName: actor.displayName,
      reason: events.reason,
      assigneeName: assignee.displayName,
      createdAt: events.createdAt,
    })
    .from(events)
    .leftJoin(actor, eq(actor.id, events.actorId))
    .leftJoin(assignee, sql`${assignee.id} = (${events.data}->>'assigneeId')::int`)
    .where(
      and(
        inArray(events.action, ['message.assign', 'message.handle', 'message.reopen', 'message.view_contact']),
        sql`${events.data}->>'messageId' = ${String(messageId)}`,
      ),
    )
    .orderBy(asc(events.createdAt), asc(events.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Active staff who may handle messages: the people a message can be assigned to. */
export async function messageHandlers(p: Principal): Promise<{ id: number; name: string }[]> {
  if (!can(p, 'message.handle')) return [];
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].has('message.handle'));
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, roles)))
    .orderBy(asc(users.displayName), asc(users.id));
}
