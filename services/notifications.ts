import { z } from 'zod';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { notifications } from '@/db/schema';
import type { Principal } from '@/domain/permissions';
import { requireRole } from './articles/shared';

const schema = z.object({ ids: z.array(z.number().int().positive()).max(500).optional() });

/** Marks the person's own notifications read (some, or all when no ids are given). */
export async function markNotificationsRead(p: Principal | null, raw: unknown): Promise<{ tags: string[] }> {
  const user = requireRole(p, 'dashboard.view');
  const input = schema.parse(raw ?? {});
  const db = await getDb();
  const mine = and(eq(notifications.userId, user.id), isNull(notifications.readAt));
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(input.ids?.length ? and(mine, inArray(notifications.id, input.ids)) : mine);
  return { tags: [] };
}
