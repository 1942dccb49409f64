import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { articleStatus } from './enums';
import { articles } from './articles';
import { users } from './users';

/**
 * Workflow transitions and every other audited action. Append-only: a migration installs
 * a trigger that refuses UPDATE and DELETE.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    // No cascades: the trigger below forbids touching event rows, so referenced rows stay.
    articleId: integer().references(() => articles.id, { onDelete: 'restrict' }),
    actorId: integer().references(() => users.id, { onDelete: 'restrict' }),
    /** e.g. "submit", "approve", "publish", "user.disable", "message.view_contact". */
    action: text().notNull(),
    fromStatus: articleStatus(),
    toStatus: articleStatus(),
    /** Review stage reached by this event (multi-stage columns). */
    stage: integer(),
    reason: text().notNull().default(''),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_article_idx').on(t.articleId, t.createdAt),
    index('events_actor_idx').on(t.actorId, t.createdAt),
    index('events_action_idx').on(t.action, t.createdAt),
    // The unfiltered audit log, newest first, and its date ranges.
    index('events_created_idx').on(t.createdAt),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    articleId: integer().references(() => articles.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    message: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt)],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Notification = typeof notifications.$inferSelect;
