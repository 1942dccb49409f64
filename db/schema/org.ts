import { boolean, index, integer, pgTable, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { regionLevel } from './enums';

/** 地州 → 县 → 乡 → 村. `path` is the materialised id path ("/1/4/9/") for subtree queries. */
export const regions = pgTable(
  'regions',
  {
    id: serial().primaryKey(),
    parentId: integer().references((): AnyPgColumn => regions.id, { onDelete: 'restrict' }),
    level: regionLevel().notNull(),
    name: text().notNull(),
    path: text().notNull().default(''),
    sort: integer().notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentId), index('regions_path_idx').on(t.path)],
);

/** 驻村工作队. `name` is the full formal name printed after 供稿. */
export const teams = pgTable(
  'teams',
  {
    id: serial().primaryKey(),
    name: text().notNull().unique(),
    shortName: text().notNull(),
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: 'restrict' }),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_region_idx').on(t.regionId)],
);

export type Region = typeof regions.$inferSelect;
export type NewRegion = typeof regions.$inferInsert;
export type Team = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;
