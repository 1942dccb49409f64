import { getDb } from '@/db';
import { comments } from '@/db/schema';
import { commentSchema } from '@/domain/article-input';
import { refOf } from '@/db/queries/newsroom';
import type { Principal } from '@/domain/permissions';
import { articleOwners, notify, staffFor, writeEvent } from '../events';
import { readArticle, requireRole } from './shared';

/** Adds to the editorial thread; the other side (team or editors) is notified. */
export async function addComment(p: Principal | null, raw: unknown): Promise<{ id: number; tags: string[] }> {
  const user = requireRole(p, 'article.comment');
  const input = commentSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const a = await readArticle(tx, user, input.articleId, 'article.comment');
    const row = await tx
      .insert(comments)
      .values({ articleId: a.id, authorId: user.id, body: input.body })
      .returning({ id: comments.id })
      .then((r) => r[0]!);
    await writeEvent(tx, { articleId: a.id, actorId: user.id, action: 'comment', data: { commentId: row.id } });
    const recipients =
      user.role === 'contributor'
        ? await staffFor(tx, refOf(a), 'article.review', user.id)
        : await articleOwners(tx, a, user.id);
    await notify(tx, recipients, {
      articleId: a.id,
      kind: 'comment',
      message: `${user.name}对《${a.title || '无标题'}》发表了意见:${input.body.slice(0, 60)}`,
    });
    return { id: row.id, tags: [] };
  });
}
