import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { RichTextDoc } from '@/domain/rich-text';
import { messageKind, messageStatus } from './enums';
import { articles } from './articles';
import { users } from './users';

/** Static pages (关于本站, 版权声明 …). */
export const pages = pgTable('pages', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  body: jsonb().$type<RichTextDoc>().notNull(),
  sort: integer().notNull().default(0),
  showInFooter: boolean().notNull().default(true),
  updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface FooterLink {
  label: string;
  href: string;
}

/** One row (id = 1): what the header and the legally required footer print. */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer().primaryKey().default(1),
    siteName: text().notNull(),
    /** Short name used in datelines ("民生网讯"). */
    shortName: text().notNull(),
    slogan: text().notNull().default(''),
    copyrightHolder: text().notNull().default(''),
    copyrightSince: integer().notNull().default(2014),
    icpNumber: text().notNull().default(''),
    psbNumber: text().notNull().default(''),
    footerLinks: jsonb().$type<FooterLink[]>().notNull().default([]),
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('site_settings_single_row', sql`${t.id} = 1`)],
);

/** 信息举报 / 联系我们 / 挑错 from readers; never shown publicly. */
export const readerMessages = pgTable(
  'reader_messages',
  {
    id: serial().primaryKey(),
    kind: messageKind().notNull(),
    articleId: integer().references(() => articles.id, { onDelete: 'set null' }),
    name: text().notNull().default(''),
    contact: text().notNull().default(''),
    subject: text().notNull().default(''),
    body: text().notNull(),
    status: messageStatus().notNull().default('new'),
    assignedTo: integer().references(() => users.id, { onDelete: 'set null' }),
    handledBy: integer().references(() => users.id, { onDelete: 'set null' }),
    handledNote: text().notNull().default(''),
    handledAt: timestamp({ withTimezone: true }),
    receiptCode: text().notNull().unique(),
    /** Hash of the client address, for abuse limits; never the address itself. */
    clientHash: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reader_messages_status_idx').on(t.kind, t.status, t.createdAt)],
);

/** Fixed-window counters shared by every app instance (login lock-out, form limits). */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  /** Consecutive lock-outs, for a lock that grows. */
  strikes: integer().notNull().default(0),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});

export type Page = typeof pages.$inferSelect;
export type SiteSettings = typeof siteSettings.$inferSelect;
export type ReaderMessage = typeof readerMessages.$inferSelect;
