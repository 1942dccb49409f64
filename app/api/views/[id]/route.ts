import { countView } from '@/services/views';

// A 1×1 transparent GIF: the article page embeds it, so a view counts without client JS
// and without making the (cached) article page itself dynamic.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const n = Number(id);
  if (Number.isSafeInteger(n) && n > 0 && n < 2 ** 31) countView(n);
  return new Response(new Uint8Array(PIXEL), {
    headers: {
      'Content-Type': 'image/gif',
      'Cache-Control': 'no-store, max-age=0',
      'X-Robots-Tag': 'noindex',
    },
  });
}
