import 'server-only';
import type { Metadata } from 'next';
import { getSiteSettings } from '@/db/queries/site';
import { columnFeedTitle } from '@/lib/feeds/rss';
import { absoluteUrl, columnFeedPath, SITE_FEED_PATH } from '@/lib/urls';

/**
 * Link-preview and discovery metadata of public pages. Next merges metadata one top-level
 * key at a time, so a page that sets `alternates` or `openGraph` replaces the layout's:
 * pages build theirs here, which always includes the feed links, site name and locale.
 */

export const OG_LOCALE = 'zh_CN';

/** Publisher logo for link previews and structured data (a square PNG in public/). */
export const SITE_LOGO = { path: '/icons/field-512.png', width: 512, height: 512 } as const;

interface FeedLink {
  title: string;
  path: string;
}

/** `<link rel="alternate" type="application/rss+xml">`: the page's own feeds first, then the site's. */
export function feedAlternates(siteName: string, own: FeedLink[] = []) {
  return { 'application/rss+xml': [...own, { title: siteName, path: SITE_FEED_PATH }].map((f) => ({ title: f.title, url: absoluteUrl(f.path) })) };
}

export const columnFeedLink = (column: { slug: string; name: string }, siteName: string): FeedLink => ({
  title: columnFeedTitle(column.name, siteName),
  path: columnFeedPath(column.slug),
});

/** What every public page shares (the (site) layout's metadata). */
export async function siteDefaults(): Promise<Metadata> {
  const { siteName } = await getSiteSettings();
  return {
    alternates: { types: feedAlternates(siteName) },
    openGraph: { type: 'website', siteName, locale: OG_LOCALE, images: [logoImage(siteName)] },
    twitter: { card: 'summary' },
  };
}

/** The site as the publisher of its articles (structured data). */
export const publisher = (siteName: string) => ({
  name: siteName,
  url: absoluteUrl('/'),
  logo: { url: absoluteUrl(SITE_LOGO.path), width: SITE_LOGO.width, height: SITE_LOGO.height },
});

function logoImage(siteName: string) {
  return { url: absoluteUrl(SITE_LOGO.path), width: SITE_LOGO.width, height: SITE_LOGO.height, alt: siteName };
}

export interface PageSeo {
  /** Canonical path: `/columns/minsheng`, `/columns/minsheng?page=2`. */
  path: string;
  title: string;
  description?: string;
  /** Feeds of this page besides the site's (a column page's own feed). */
  feeds?: FeedLink[];
  /** The page's own picture (an article's cover); pages without one show the site logo. */
  image?: { src: string; width: number; height: number; alt: string } | null;
  article?: { publishedTime: string; modifiedTime: string; section?: string };
}

/** Canonical URL, feed links, OpenGraph and Twitter card of one public page. */
export async function pageSeo(p: PageSeo): Promise<Pick<Metadata, 'alternates' | 'openGraph' | 'twitter'>> {
  const { siteName } = await getSiteSettings();
  const url = absoluteUrl(p.path);
  const description = p.description || undefined;
  const image = p.image ? { url: absoluteUrl(p.image.src), width: p.image.width, height: p.image.height, alt: p.image.alt } : logoImage(siteName);
  const common = { title: p.title, description, url, siteName, locale: OG_LOCALE, images: [image] };
  return {
    alternates: { canonical: url, types: feedAlternates(siteName, p.feeds) },
    openGraph: p.article
      ? { ...common, type: 'article', publishedTime: p.article.publishedTime, modifiedTime: p.article.modifiedTime, section: p.article.section }
      : { ...common, type: 'website' },
    // A large card only for a real picture; the square logo suits the small one.
    twitter: { card: p.image ? 'summary_large_image' : 'summary', title: p.title, description, images: [image] },
  };
}

/** When a public article last changed for readers (a scheduled one changes when its time comes). */
export const articleModifiedAt = (a: { publishedAt: string; updatedAt: string }) => (a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt);
