import { eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { users } from '@/db/schema';
import type { Principal } from '@/domain/permissions';
import { writeEvent } from './events';
import { requireRole } from './articles/shared';

/** Ends every session of a user at once: each session carries the version it was issued with. */
export async function bumpSessionVersion(db: DbOrTx, userId: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/** 「退出所有设备」: the person ends all of their own sessions, this one included. */
export async function signOutEverywhere(p: Principal | null): Promise<{ tags: string[] }> {
  const user = requireRole(p, 'dashboard.view');
  const db = await getDb();
  await db.transaction(async (tx) => {
    await bumpSessionVersion(tx, user.id);
    await writeEvent(tx, { actorId: user.id, action: 'session.revoke_all' });
  });
  return { tags: [] };
}
