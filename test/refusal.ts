import { desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ZodError } from 'zod';
import type { Db } from '@/db';
import { events } from '@/db/schema';
import { databaseFingerprint } from './principals';

/** Runs a call that must be refused, and proves it left the database as it was; returns the error. */
export async function expectRefusedUnchanged(db: Db, call: () => Promise<unknown>): Promise<unknown> {
  const before = await databaseFingerprint(db);
  const e = await call().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'the call should have been refused').not.toBeNull();
  expect(await databaseFingerprint(db), 'a refused call changed the database').toBe(before);
  return e;
}

/** The newest audit event of this action. */
export const lastEvent = async (db: Db, action: string) =>
  (await db.select().from(events).where(eq(events.action, action)).orderBy(desc(events.id)).limit(1))[0];

/** The Chinese message zod gave for one field. */
export const fieldMessage = (e: unknown, path: string) => (e as ZodError).issues.find((i) => i.path.join('.') === path)?.message;
