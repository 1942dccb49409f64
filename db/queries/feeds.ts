import 'server-only';
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, media, pages, teams } from '@/db/schema';
import { articleCreators, type Creator } from '@/domain/byline';
import { summaryOrExcerpt } from '@/domain/rich-text';
import { cached } from '@/lib/cache';
import { tags } from '@/lib/cache-tags';
import { coverImage } from './articles';
import { publicVisibility } from './visibility';

// Public reads for RSS feeds and sitemaps. Tagged like the pages that list the same
// articles, so publishing, editing or unpublishing refreshes them too.

/** When a public article last changed for readers: a scheduled one changes when its time comes. */
const lastModified = sql`greatest(${articles.updatedAt}, ${articles.publishedAt})`.mapWith(articles.updatedAt);
const iso = (d: Date | null) => (d ?? new Date(0)).toISOString();

export interface FeedItem {
  id: number;
  title: string;
  /** 导语, else the first ~200 characters of the body's text. */
  description: string;
  columnId: number;
  publishedAt: string;
  modifiedAt: string;
  creators: Creator[];
  cover: { src: string; width: number; height: number; alt: string; mime: string; bytes: number } | null;
}

export const FEED_SIZE = 50;

/** The newest public articles, site-wide (`columnIds` null) or in these columns. */
export const getFeedItems = cached(
  async (columnIds: number[] | null): Promise<FeedItem[]> => {
    const db = await getDb();
    const rows = await db
      .select({
        id: articles.id,
        title: articles.title,
        summary: articles.summary,
        body: articles.body,
        columnId: articles.columnId,
        publishedAt: articles.publishedAt,
        modifiedAt: lastModified,
        author: articles.author,
        reporters: articles.reporters,
        creditText: articles.creditText,
        teamName: teams.name,
        coverKey: media.storageKey,
        coverWidth: media.width,
        coverHeight: media.height,
        coverAlt: media.alt,
        coverMime: media.mime,
        coverBytes: media.bytes,
      })
      .from(articles)
      .leftJoin(media, eq(media.id, articles.coverMediaId))
      .leftJoin(teams, eq(teams.id, articles.teamId))
      .where(and(publicVisibility(), columnIds ? inArray(articles.columnId, columnIds) : undefined))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(FEED_SIZE);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: summaryOrExcerpt(r.summary, r.body, 200),
      columnId: r.columnId,
      publishedAt: iso(r.publishedAt),
      modifiedAt: iso(r.modifiedAt),
      creators: articleCreators(r),
      cover: r.coverKey ? { ...coverImage(r)!, mime: r.coverMime ?? 'image/jpeg', bytes: r.coverBytes ?? 0 } : null,
    }));
  },
  'feed-items',
  { tags: (columnIds) => (columnIds ? columnIds.map(tags.column) : [tags.articles]) },
);

/**
 * Article sitemaps hold the public articles whose ids fall in one block of this size.
 * Blocks by id keep every other file unchanged when one article is published (by offset,
 * each publish would shift them all), stay far under the 50,000-URL limit of a sitemap
 * and keep one cached block (≈ 50 bytes a row) under the data cache's 2 MB entry limit.
 */
export const SITEMAP_BLOCK = 10_000;

export interface SitemapBlock {
  /** 1-based: `/sitemaps/articles-<block>.xml`. */
  block: number;
  count: number;
  lastModified: string;
}

/** The blocks that hold at least one public article (an empty block gets no file). */
export const getArticleSitemapBlocks = cached(
  async (): Promise<SitemapBlock[]> => {
    const db = await getDb();
    // A literal, not a parameter: GROUP BY must see the very expression the SELECT has.
    const block = sql`(${articles.id} - 1) / ${sql.raw(String(SITEMAP_BLOCK))} + 1`.mapWith(Number);
    const rows = await db
      .select({ block, count: sql<number>`count(*)::int`, lastModified: sql`max(${lastModified})`.mapWith(articles.updatedAt) })
      .from(articles)
      .where(publicVisibility())
      .groupBy(block)
      .orderBy(block);
    return rows.map((r) => ({ block: r.block, count: r.count, lastModified: iso(r.lastModified) }));
  },
  'sitemap-blocks',
  { tags: () => [tags.articles] },
);

export interface SitemapArticle {
  id: number;
  lastModified: string;
}

export const getArticleSitemapBlock = cached(
  async (block: number): Promise<SitemapArticle[]> => {
    const db = await getDb();
    const rows = await db
      .select({ id: articles.id, lastModified })
      .from(articles)
      .where(and(publicVisibility(), gt(articles.id, (block - 1) * SITEMAP_BLOCK), lte(articles.id, block * SITEMAP_BLOCK)))
      .orderBy(asc(articles.id));
    return rows.map((r) => ({ id: r.id, lastModified: iso(r.lastModified) }));
  },
  'sitemap-block',
  { tags: () => [tags.articles] },
);

export interface NewsSitemapItem {
  id: number;
  title: string;
  publishedAt: string;
}

/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX = 1000;

export const getNewsSitemapItems = cached(
  async (): Promise<NewsSitemapItem[]> => {
    const db = await getDb();
    const rows = await db
      .select({ id: articles.id, title: articles.title, publishedAt: articles.publishedAt })
      .from(articles)
      .where(and(publicVisibility(), sql`${articles.publishedAt} >= now() - make_interval(hours => ${NEWS_WINDOW_HOURS}::int)`))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(NEWS_MAX);
    return rows.map((r) => ({ id: r.id, title: r.title, publishedAt: iso(r.publishedAt) }));
  },
  'news-sitemap',
  // The two-day window moves with the clock: the time-based refresh keeps it current.
  { tags: () => [tags.articles] },
);

/** When each column's own public articles last changed (columns without any are absent). */
export const getColumnsLastModified = cached(
  async (): Promise<Record<number, string>> => {
    const db = await getDb();
    const rows = await db
      .select({ columnId: articles.columnId, lastModified: sql`max(${lastModified})`.mapWith(articles.updatedAt) })
      .from(articles)
      .where(publicVisibility())
      .groupBy(articles.columnId);
    return Object.fromEntries(rows.map((r) => [r.columnId, iso(r.lastModified)]));
  },
  'columns-last-modified',
  { tags: () => [tags.articles] },
);

export interface PageEntry {
  slug: string;
  updatedAt: string;
}

/** Every static page (all of them are public). */
export const getPageEntries = cached(
  async (): Promise<PageEntry[]> => {
    const db = await getDb();
    const rows = await db.select({ slug: pages.slug, updatedAt: pages.updatedAt }).from(pages).orderBy(asc(pages.sort), asc(pages.id));
    return rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }));
  },
  'page-entries',
  { tags: () => [tags.pages] },
);
