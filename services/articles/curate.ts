import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles } from '@/db/schema';
import { AppError } from '@/domain/errors';
import { curationSchema } from '@/domain/article-input';
import type { Principal } from '@/domain/permissions';
import { writeEvent } from '../events';
import { isPublicStatus, lockArticle, publicTags, requireRole } from './shared';

/** 头条 / 幻灯 / 推荐 on the home page and 置顶 in the column, each with an order and an end time; and the expiry. */
export async function curateArticle(p: Principal | null, raw: unknown): Promise<{ tags: string[] }> {
  const user = requireRole(p, 'article.curate');
  const input = curationSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const a = await lockArticle(tx, user, input.id, 'article.curate');
    if (!isPublicStatus(a.status)) throw new AppError('VALIDATION', '只有已发布或定时发布的稿件可以上首页或置顶。');
    const now = Date.now();
    for (const d of [input.featureUntil, input.pinUntil, input.unpublishAt]) {
      if (d && d.getTime() <= now) throw new AppError('VALIDATION', '截止时间必须晚于现在。');
    }
    const set = {
      headlineRank: input.headlineRank,
      slideRank: input.slideRank,
      recommendRank: input.recommendRank,
      featureUntil: input.featureUntil,
      pinRank: input.pinRank,
      pinUntil: input.pinUntil,
      unpublishAt: input.unpublishAt,
    };
    await tx.update(articles).set({ ...set, updatedAt: sql`now()` }).where(eq(articles.id, a.id));
    await writeEvent(tx, {
      articleId: a.id,
      actorId: user.id,
      action: 'curate',
      data: {
        ...set,
        featureUntil: set.featureUntil?.toISOString() ?? null,
        pinUntil: set.pinUntil?.toISOString() ?? null,
        unpublishAt: set.unpublishAt?.toISOString() ?? null,
      },
    });
    return { tags: await publicTags(tx, a.id, [a.columnId]) };
  });
}
