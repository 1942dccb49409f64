import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { media } from '@/db/schema';
import { getMediaRef, publicCoverUses } from '@/db/queries/media';
import { AppError } from '@/domain/errors';
import { mediaDetailsSchema } from '@/domain/media-input';
import { can, type Principal } from '@/domain/permissions';
import { publicTags, requireRole } from './articles/shared';
import { writeEvent } from './events';

const MEDIA_NOT_FOUND = '没有找到这张图片,可能已被删除或您无权查看。';

/**
 * The library's caption and alt text of a photo. Article bodies keep their own copies;
 * list pages show a cover's alt text from here, so public articles with it as cover are
 * revalidated.
 */
export async function updateMediaDetails(
  p: Principal | null,
  raw: unknown,
): Promise<{ id: number; caption: string; alt: string; tags: string[] }> {
  const user = requireRole(p, 'media.edit');
  const input = mediaDetailsSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await getMediaRef(input.id, tx, true);
    if (!m || !can(user, 'media.view', m)) throw new AppError('NOT_FOUND', MEDIA_NOT_FOUND);
    if (!can(user, 'media.edit', m)) throw new AppError('FORBIDDEN', '您只能修改本工作队上传的图片。');
    const result = { id: m.id, caption: input.caption, alt: input.alt };
    if (m.caption === input.caption && m.alt === input.alt) return { ...result, tags: [] };
    await tx.update(media).set({ caption: input.caption, alt: input.alt }).where(eq(media.id, m.id));
    await writeEvent(tx, {
      articleId: null,
      actorId: user.id,
      action: 'media.update',
      data: { mediaId: m.id, before: { caption: m.caption, alt: m.alt }, after: { caption: input.caption, alt: input.alt } },
    });
    const tags = new Set<string>();
    for (const a of await publicCoverUses(m.id, tx)) for (const t of await publicTags(tx, a.id, [a.columnId])) tags.add(t);
    return { ...result, tags: [...tags] };
  });
}
