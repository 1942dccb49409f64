import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articlePresence } from '@/db/schema';
import { othersEditing } from '@/db/queries/newsroom';
import type { Principal } from '@/domain/permissions';
import { readArticle, requireRole } from './shared';

const schema = z.object({ articleId: z.number().int().positive() });

/** The editor's heartbeat: records that this person has the article open, returns who else does. */
export async function heartbeat(p: Principal | null, raw: unknown): Promise<{ others: string[]; tags: string[] }> {
  const user = requireRole(p, 'article.edit');
  const input = schema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const a = await readArticle(tx, user, input.articleId, 'article.view');
    await tx
      .insert(articlePresence)
      .values({ articleId: a.id, userId: user.id })
      .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: sql`now()` } });
    return { others: await othersEditing(a.id, user.id, 45, tx), tags: [] };
  });
}
