import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './users';

export interface MediaVariant {
  width: number;
  height: number;
  key: string;
  format: 'webp' | 'jpeg';
  bytes: number;
}

/** An uploaded image after re-encoding; files live in storage under generated keys. */
export const media = pgTable(
  'media',
  {
    id: serial().primaryKey(),
    /** Storage key of the re-encoded full-size image. */
    storageKey: text().notNull().unique(),
    mime: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: bigint({ mode: 'number' }).notNull(),
    /** SHA-256 of the stored (re-encoded) bytes. */
    sha256: text().notNull(),
    variants: jsonb().$type<MediaVariant[]>().notNull().default([]),
    caption: text().notNull().default(''),
    alt: text().notNull().default(''),
    uploadedBy: integer().references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('media_sha256_idx').on(t.sha256), index('media_created_idx').on(t.createdAt)],
);

export type Media = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;
