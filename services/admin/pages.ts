import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { pages, siteSettings, type FooterLink } from '@/db/schema';
import { createPageSchema, updatePageSchema } from '@/domain/admin-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { parseRichText } from '@/domain/rich-text';
import { tags } from '@/lib/cache-tags';
import { writeEvent } from '../events';
import { changedFields, fieldError, requireAdmin, uniqueViolation } from './shared';

// Static pages (关于本站, 版权声明 …). The footer prints the site settings' link list; a
// page's 「在页脚显示」 adds or removes its link there, so the list stays the one place
// the footer comes from and the admin can still order it in the settings.

const PAGE_NOT_FOUND = '没有找到这个页面,可能已被删除。';

export const pageHref = (slug: string) => `/pages/${slug}`;

type FooterChange = 'added' | 'removed' | 'updated' | null;

/** Puts the page's link into the footer list, keeps it current, or takes it out. */
async function syncFooterLink(
  tx: Tx,
  page: { before: { slug: string; title: string } | null; slug: string; title: string; show: boolean },
  actorId: number,
): Promise<FooterChange> {
  const [row] = await tx.select({ links: siteSettings.footerLinks }).from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
  const links: FooterLink[] = row?.links ?? [];
  const hrefs = new Set([pageHref(page.slug), ...(page.before ? [pageHref(page.before.slug)] : [])]);
  const at = links.findIndex((l) => hrefs.has(l.href));
  let next: FooterLink[];
  let change: FooterChange;
  if (!page.show) {
    if (at < 0) return null;
    next = links.filter((l) => !hrefs.has(l.href));
    change = 'removed';
  } else if (at < 0) {
    next = [...links, { label: page.title, href: pageHref(page.slug) }];
    change = 'added';
  } else {
    const old = links[at]!;
    // A label the admin wrote differently from the title is theirs to keep.
    const label = page.before && old.label === page.before.title ? page.title : old.label;
    if (old.href === pageHref(page.slug) && old.label === label) return null;
    next = links.map((l, i) => (i === at ? { label, href: pageHref(page.slug) } : l));
    change = 'updated';
  }
  if (row) {
    await tx.update(siteSettings).set({ footerLinks: next, updatedBy: actorId, updatedAt: sql`now()` }).where(eq(siteSettings.id, 1));
  } else {
    await tx.insert(siteSettings).values({ id: 1, siteName: '民生网', shortName: '民生网', footerLinks: next, updatedBy: actorId });
  }
  return change;
}

async function refuseSlug(tx: Tx, slug: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: pages.id })
    .from(pages)
    .where(and(eq(pages.slug, slug), exceptId ? sql`${pages.id} <> ${exceptId}` : undefined))
    .limit(1);
  if (clash) throw fieldError('slug', `网址名「${slug}」已被其他页面使用,请换一个`);
}

function mapSlugUnique(e: unknown, slug: string): never {
  if (uniqueViolation(e) === 'pages_slug_unique') throw fieldError('slug', `网址名「${slug}」已被其他页面使用,请换一个`);
  throw e;
}

export async function createPage(p: Principal | null, raw: unknown): Promise<{ id: number; slug: string; tags: string[] }> {
  const admin = requireAdmin(p);
  const input = createPageSchema.parse(raw);
  const body = parseRichText(input.body);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await refuseSlug(tx, input.slug);
    const [row] = await tx
      .insert(pages)
      .values({ ...input, body, updatedBy: admin.id })
      .returning({ id: pages.id })
      .catch((e: unknown) => mapSlugUnique(e, input.slug));
    const id = row!.id;
    const footer = await syncFooterLink(tx, { before: null, slug: input.slug, title: input.title, show: input.showInFooter }, admin.id);
    await writeEvent(tx, {
      actorId: admin.id,
      action: 'page.create',
      data: { pageId: id, after: { slug: input.slug, title: input.title, sort: input.sort, showInFooter: input.showInFooter }, footerLink: footer },
    });
    return { id, slug: input.slug, tags: [tags.pages, tags.page(input.slug), ...(footer ? [tags.settings] : [])] };
  });
}

export interface UpdatePageResult {
  id: number;
  slug: string;
  changed: boolean;
  updatedAt: string;
  tags: string[];
}

/** Refuses (CONFLICT) a save based on an older version than the stored one: nothing is overwritten unseen. */
export async function updatePage(p: Principal | null, raw: unknown): Promise<UpdatePageResult> {
  const admin = requireAdmin(p);
  const { id, updatedAt, ...input } = updatePageSchema.parse(raw);
  const body = parseRichText(input.body);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [pg] = await tx.select().from(pages).where(eq(pages.id, id)).for('update');
    if (!pg) throw new AppError('NOT_FOUND', PAGE_NOT_FOUND);
    if (updatedAt && updatedAt !== pg.updatedAt.toISOString()) {
      throw new AppError('CONFLICT', '这个页面刚被其他管理员修改过。您填写的内容仍在页面上:请先复制保存,再刷新页面查看对方的改动。');
    }
    const { slug, title, sort, showInFooter } = pg;
    const diff = changedFields({ slug, title, sort, showInFooter, body: pg.body }, { ...input, body });
    if (!diff) return { id, slug, changed: false, updatedAt: pg.updatedAt.toISOString(), tags: [] };
    if ('slug' in diff.after) await refuseSlug(tx, input.slug, id);
    const [row] = await tx
      .update(pages)
      .set({ ...input, body, updatedBy: admin.id, updatedAt: sql`now()` })
      .where(eq(pages.id, id))
      .returning({ updatedAt: pages.updatedAt })
      .catch((e: unknown) => mapSlugUnique(e, input.slug));
    const footer = await syncFooterLink(tx, { before: { slug, title }, slug: input.slug, title: input.title, show: input.showInFooter }, admin.id);
    // The body is the page itself: the event says it changed, not what it says.
    const { body: bodyBefore, ...before } = diff.before;
    const { body: bodyAfter, ...after } = diff.after;
    await writeEvent(tx, {
      actorId: admin.id,
      action: 'page.update',
      data: { pageId: id, before, after, bodyChanged: bodyBefore !== undefined || bodyAfter !== undefined, footerLink: footer },
    });
    return {
      id,
      slug: input.slug,
      changed: true,
      updatedAt: row!.updatedAt.toISOString(),
      tags: [tags.pages, tags.page(slug), tags.page(input.slug), ...(footer ? [tags.settings] : [])],
    };
  });
}
