import { columnFeedResponse } from '@/lib/feeds/rss';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return columnFeedResponse((await params).slug);
}
