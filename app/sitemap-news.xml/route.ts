import { newsSitemapResponse } from '@/lib/feeds/sitemaps';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return newsSitemapResponse();
}
