import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { userRole } from './enums';
import { regions, teams } from './org';
import { columns } from './columns';

export const users = pgTable(
  'users',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    phone: text(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull(),
    teamId: integer().references(() => teams.id, { onDelete: 'restrict' }),
    active: boolean().notNull().default(true),
    /** Bumped to end every session at once (disable, role or password change, sign out everywhere). */
    sessionVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`),
    uniqueIndex('users_phone_idx').on(t.phone),
    index('users_team_idx').on(t.teamId),
  ],
);

/** Editors may be limited to some columns and/or region subtrees; no rows = unrestricted. */
export const userColumnScopes = pgTable(
  'user_column_scopes',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    columnId: integer()
      .notNull()
      .references(() => columns.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.columnId] })],
);

export const userRegionScopes = pgTable(
  'user_region_scopes',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionId: integer()
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionId] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
