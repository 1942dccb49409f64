import type { Tx } from '@/db';
import { events, notifications, type NewEvent } from '@/db/schema';
import { loadPrincipal, staffWithRoles, teamMemberIds } from '@/db/queries/users';
import { can, type ArticleRef, type Permission } from '@/domain/permissions';

// Helpers the service verbs share; they always run inside the verb's transaction.

export async function writeEvent(tx: Tx, e: NewEvent): Promise<void> {
  await tx.insert(events).values(e);
}

export async function notify(tx: Tx, userIds: Iterable<number>, n: { articleId: number | null; kind: string; message: string }) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  await tx.insert(notifications).values(ids.map((userId) => ({ userId, ...n })));
}

/** The team that filed the report, plus the staff member who wrote it, if any. */
export async function articleOwners(tx: Tx, a: { teamId: number | null; createdBy: number | null }, except: number) {
  const ids = a.teamId != null ? await teamMemberIds(a.teamId, tx) : [];
  if (a.createdBy != null) ids.push(a.createdBy);
  return ids.filter((id) => id !== except);
}

/** Staff whose permissions and scope cover the article for `perm` (e.g. the review queue). */
export async function staffFor(tx: Tx, a: ArticleRef, perm: Permission, except: number) {
  const staff = await staffWithRoles(['editor', 'chief_editor'], tx);
  const out: number[] = [];
  for (const s of staff) {
    if (s.id === except) continue;
    const p = await loadPrincipal(s.id, s.sessionVersion, tx);
    if (p && can(p, perm, a)) out.push(s.id);
  }
  return out;
}
