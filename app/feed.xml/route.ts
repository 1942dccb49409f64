import { siteFeedResponse } from '@/lib/feeds/rss';

// Reads the database: answered per request from the tagged data cache, never at build.
export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return siteFeedResponse();
}
