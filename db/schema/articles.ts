import { bigint, customType, index, primaryKey, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { RichTextDoc } from '@/domain/rich-text';
import type { Reporter } from '@/domain/byline';
import { articleStatus } from './enums';
import { columns } from './columns';
import { teams } from './org';
import { users } from './users';
import { media } from './media';

const ts = () => timestamp({ withTimezone: true });

/** A PostgreSQL `tsvector`, written as a literal built by domain/search.ts. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const articles = pgTable(
  'articles',
  {
    id: serial().primaryKey(),
    columnId: integer()
      .notNull()
      .references(() => columns.id, { onDelete: 'restrict' }),
    title: text().notNull(),
    subtitle: text().notNull().default(''),
    /** 导语 */
    summary: text().notNull().default(''),
    body: jsonb().$type<RichTextDoc>().notNull(),
    coverMediaId: integer().references(() => media.id, { onDelete: 'set null' }),
    /** 作者 line as printed (may be empty). */
    author: text().notNull().default(''),
    reporters: jsonb().$type<Reporter[]>().notNull().default([]),
    /** 供稿 team; `creditText` keeps a credit that matches no team (e.g. imported pages). */
    teamId: integer().references(() => teams.id, { onDelete: 'restrict' }),
    creditText: text().notNull().default(''),
    /** 来源 */
    source: text().notNull().default(''),
    /** 责任编辑: the display name printed; `editorId` links to the user when known. */
    editorName: text().notNull().default(''),
    editorId: integer().references(() => users.id, { onDelete: 'set null' }),
    status: articleStatus().notNull().default('draft'),
    /** Review stages passed so far (0 until the first approval at multi-stage columns). */
    reviewStage: smallint().notNull().default(0),
    publishAt: ts(),
    /** The date readers see and listings sort by; set at publish (or to publishAt when scheduled). */
    publishedAt: ts(),
    unpublishAt: ts(),
    // Home-page curation: a non-null rank flags the article; lower ranks come first.
    headlineRank: integer(),
    slideRank: integer(),
    recommendRank: integer(),
    /** Home-page flags end at this time (null = until removed). */
    featureUntil: ts(),
    /** 置顶 in its column. */
    pinRank: integer(),
    pinUntil: ts(),
    /** Optimistic concurrency: every save must name the version it edited. */
    version: integer().notNull().default(1),
    legacyUrl: text(),
    /** Search tokens of title, summary, body and names (domain/search.ts), set on every write. */
    searchVector: tsvector(),
    /** Short code a team quotes when asking about its report. */
    receiptCode: text().notNull(),
    /** Client-chosen key so retried submissions create one article. */
    idempotencyKey: text(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    submittedAt: ts(),
  },
  (t) => [
    index('articles_public_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('articles_column_public_idx')
      .on(t.columnId, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('published', 'scheduled')`),
    index('articles_status_idx').on(t.status, t.updatedAt),
    // The schedule clock (services/schedule-clock.ts) asks every half second which public
    // times just came due; each of these keeps that a few index probes at any archive size.
    index('articles_publish_at_due_idx').on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    index('articles_unpublish_at_due_idx').on(t.unpublishAt).where(sql`${t.unpublishAt} is not null`),
    index('articles_feature_until_due_idx').on(t.featureUntil).where(sql`${t.featureUntil} is not null`),
    index('articles_pin_until_due_idx').on(t.pinUntil).where(sql`${t.pinUntil} is not null`),
    index('articles_team_idx').on(t.teamId, t.status),
    uniqueIndex('articles_legacy_url_idx').on(t.legacyUrl),
    uniqueIndex('articles_receipt_code_idx').on(t.receiptCode),
    uniqueIndex('articles_idempotency_key_idx').on(t.idempotencyKey),
    index('articles_search_idx').using('gin', t.searchVector),
    // "Where is this photo used": the media ids of the body's image blocks, indexed.
    index('articles_body_media_idx').using('gin', sql`jsonb_path_query_array(${t.body}, '$.content[*] ? (@.type == "image").attrs.mediaId')`),
  ],
);

/**
 * One row per client request that must take effect once (a report submitted from the
 * field outbox): a replay with the same key gets the stored result instead of acting again.
 */
export const requestKeys = pgTable('request_keys', {
  key: text().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  action: text().notNull(),
  articleId: integer().references(() => articles.id, { onDelete: 'cascade' }),
  result: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: ts().notNull().defaultNow(),
});

/** View counts live here, never on the article row (a narrow row, written in batches). */
export const articleStats = pgTable(
  'article_stats',
  {
    articleId: integer()
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    views: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [index('article_stats_views_idx').on(t.views.desc())],
);

/** Every saved state of an article. `version` is the article version this snapshot became. */
export const revisions = pgTable(
  'revisions',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    title: text().notNull(),
    subtitle: text().notNull().default(''),
    summary: text().notNull().default(''),
    body: jsonb().$type<RichTextDoc>().notNull(),
    /** The other editable fields at that time (author, reporters, source, column…). */
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('revisions_article_version_idx').on(t.articleId, t.version)],
);

/** Editorial feedback thread, visible to the article's team and to editors. */
export const comments = pgTable(
  'comments',
  {
    id: serial().primaryKey(),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('comments_article_idx').on(t.articleId, t.createdAt)],
);

/** Who has an article open in the editor; a heartbeat row, so several instances agree. */
export const articlePresence = pgTable(
  'article_presence',
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Revision = typeof revisions.$inferSelect;
export type NewRevision = typeof revisions.$inferInsert;
export type Comment = typeof comments.$inferSelect;
