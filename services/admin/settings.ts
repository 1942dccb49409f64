import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { pages, siteSettings } from '@/db/schema';
import { settingsSchema } from '@/domain/admin-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { tags } from '@/lib/cache-tags';
import { writeEvent } from '../events';
import { pageHref } from './pages';
import { changedFields, requireAdmin } from './shared';

/**
 * The site's name, slogan, copyright and filing numbers and the footer links: the header
 * and footer of every public page read them (getSiteSettings, tagged `settings`).
 */
export async function updateSettings(p: Principal | null, raw: unknown): Promise<{ changed: boolean; updatedAt: string | null; tags: string[] }> {
  const admin = requireAdmin(p);
  const { updatedAt, ...input } = settingsSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
    if (row && updatedAt !== undefined && updatedAt !== row.updatedAt.toISOString()) {
      throw new AppError('CONFLICT', '站点设置刚被其他管理员修改过(或有页面加入、移出了页脚)。您填写的内容仍在页面上:请先记下,再刷新页面后重新修改。');
    }
    const current = row
      ? {
          siteName: row.siteName,
          shortName: row.shortName,
          slogan: row.slogan,
          copyrightHolder: row.copyrightHolder,
          copyrightSince: row.copyrightSince,
          icpNumber: row.icpNumber,
          psbNumber: row.psbNumber,
          footerLinks: row.footerLinks,
        }
      : null;
    const diff = current ? changedFields(current, input) : { before: {}, after: input };
    if (!diff) return { changed: false, updatedAt: row!.updatedAt.toISOString(), tags: [] };
    const [saved] = await tx
      .insert(siteSettings)
      .values({ id: 1, ...input, updatedBy: admin.id })
      .onConflictDoUpdate({ target: siteSettings.id, set: { ...input, updatedBy: admin.id, updatedAt: sql`now()` } })
      .returning({ updatedAt: siteSettings.updatedAt });
    if ('footerLinks' in diff.after) {
      // A page's 「在页脚显示」 says whether the footer links to it.
      const linked = input.footerLinks.map((l) => l.href);
      const all = await tx.select({ id: pages.id, slug: pages.slug, showInFooter: pages.showInFooter }).from(pages);
      for (const pg of all) {
        const show = linked.includes(pageHref(pg.slug));
        if (show !== pg.showInFooter) await tx.update(pages).set({ showInFooter: show }).where(eq(pages.id, pg.id));
      }
    }
    await writeEvent(tx, { actorId: admin.id, action: 'settings.update', data: diff });
    return { changed: true, updatedAt: saved!.updatedAt.toISOString(), tags: [tags.settings] };
  });
}
