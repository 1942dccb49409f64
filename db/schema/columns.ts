import { boolean, check, index, integer, pgTable, serial, smallint, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** 栏目. `reviewStages` (1–3) is how many reviews an article passes before publication. */
export const columns = pgTable(
  'columns',
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => columns.id, { onDelete: 'restrict' }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull().default(''),
    sort: integer().notNull().default(0),
    showInNav: boolean().notNull().default(true),
    showOnHome: boolean().notNull().default(true),
    reviewStages: smallint().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('columns_parent_idx').on(t.parentId),
    check('columns_review_stages_check', sql`${t.reviewStages} between 1 and 3`),
  ],
);

export type Column = typeof columns.$inferSelect;
export type NewColumn = typeof columns.$inferInsert;
