import { sitemapIndexResponse } from '@/lib/feeds/sitemaps';

// A route handler, not Next's sitemap.ts: see lib/feeds/sitemaps.ts for why.
export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return sitemapIndexResponse();
}
