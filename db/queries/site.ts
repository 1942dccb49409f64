import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { columns, pages, siteSettings, type FooterLink } from '@/db/schema';
import type { RichTextDoc } from '@/domain/rich-text';
import { cached } from '@/lib/cache';
import { tags } from '@/lib/cache-tags';

export interface SiteSettingsDto {
  siteName: string;
  shortName: string;
  slogan: string;
  copyrightHolder: string;
  copyrightSince: number;
  icpNumber: string;
  psbNumber: string;
  footerLinks: FooterLink[];
}

const DEFAULT_SETTINGS: SiteSettingsDto = {
  siteName: '民生网',
  shortName: '民生网',
  slogan: '',
  copyrightHolder: '',
  copyrightSince: new Date().getFullYear(),
  icpNumber: '',
  psbNumber: '',
  footerLinks: [],
};

export const getSiteSettings = cached(
  async (): Promise<SiteSettingsDto> => {
    const db = await getDb();
    const row = await db.query.siteSettings.findFirst({ where: eq(siteSettings.id, 1) });
    if (!row) return DEFAULT_SETTINGS;
    const { siteName, shortName, slogan, copyrightHolder, copyrightSince, icpNumber, psbNumber, footerLinks } = row;
    return { siteName, shortName, slogan, copyrightHolder, copyrightSince, icpNumber, psbNumber, footerLinks };
  },
  'site-settings',
  { tags: () => [tags.settings] },
);

export interface ColumnDto {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  showInNav: boolean;
  showOnHome: boolean;
  reviewStages: number;
}

/** Every column, ordered for display (parents before children, then by sort). */
export const getColumns = cached(
  async (): Promise<ColumnDto[]> => {
    const db = await getDb();
    return db
      .select({
        id: columns.id,
        slug: columns.slug,
        name: columns.name,
        description: columns.description,
        parentId: columns.parentId,
        showInNav: columns.showInNav,
        showOnHome: columns.showOnHome,
        reviewStages: columns.reviewStages,
      })
      .from(columns)
      .orderBy(asc(columns.sort), asc(columns.id));
  },
  'columns',
  { tags: () => [tags.columns] },
);

export async function getColumnBySlug(slug: string): Promise<ColumnDto | null> {
  return (await getColumns()).find((c) => c.slug === slug) ?? null;
}

/** The column and its descendants' ids (a column page lists its sub-columns' articles too). */
export function columnSubtreeIds(all: Pick<ColumnDto, 'id' | 'parentId'>[], rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) {
    for (const c of all) if (c.parentId === out[i] && !out.includes(c.id)) out.push(c.id);
  }
  return out;
}

/** Root-to-column chain, for breadcrumbs. */
export function columnAncestry<C extends Pick<ColumnDto, 'id' | 'parentId'>>(all: C[], col: C): C[] {
  const chain = [col];
  let cur = col;
  while (cur.parentId != null && chain.length < 10) {
    const parent = all.find((c) => c.id === cur.parentId);
    if (!parent) break;
    chain.unshift(parent);
    cur = parent;
  }
  return chain;
}

export interface PageDto {
  slug: string;
  title: string;
  body: RichTextDoc;
  updatedAt: string;
}

export const getPage = cached(
  async (slug: string): Promise<PageDto | null> => {
    const db = await getDb();
    const row = await db.query.pages.findFirst({ where: eq(pages.slug, slug) });
    return row ? { slug: row.slug, title: row.title, body: row.body, updatedAt: row.updatedAt.toISOString() } : null;
  },
  'page',
  { tags: (slug) => [tags.pages, tags.page(slug)] },
);
