import { env } from '@/lib/env';

/**
 * Public URLs that leave the site (feeds, sitemaps, link previews, structured data) must
 * be absolute; they are built here from SITE_URL, the one public base URL.
 */
export function absoluteUrl(path: string): string {
  return new URL(path, env().SITE_URL).toString();
}

export const SITE_FEED_PATH = '/feed.xml';
/** A column's feed sits under its page: `/columns/<slug>/feed.xml` (sub-columns included). */
export const columnFeedPath = (slug: string) => `/columns/${slug}/feed.xml`;
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';
/** Home, columns and static pages. */
export const SITE_SITEMAP_PATH = '/sitemaps/site.xml';
export const articleSitemapPath = (block: number) => `/sitemaps/articles-${block}.xml`;

export const articlePath = (id: number) => `/articles/${id}`;
export const columnPath = (slug: string) => `/columns/${slug}`;
export const pagePath = (slug: string) => `/pages/${slug}`;
