import type { MetadataRoute } from 'next';
import { absoluteUrl, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '@/lib/urls';

// SITE_URL is read when the server runs, not frozen into the build.
export const dynamic = 'force-dynamic';

/** Paths crawlers must not fetch: the newsroom, APIs, sign-in, previews, the field app's worker. */
const DISALLOWED = ['/dashboard', '/api/', '/login', '/preview/', '/serwist/'];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: DISALLOWED },
    sitemap: [absoluteUrl(SITEMAP_INDEX_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
