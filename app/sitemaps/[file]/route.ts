import { sitemapFileResponse } from '@/lib/feeds/sitemaps';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return sitemapFileResponse((await params).file);
}
