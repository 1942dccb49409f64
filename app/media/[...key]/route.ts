import { getStorage, isValidKey } from '@/lib/storage';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', webp: 'image/webp', png: 'image/png' };

/** Stored media: generated, immutable keys, so they are cached for a year. */
export async function GET(_req: Request, ctx: { params: Promise<{ key: string[] }> }) {
  const key = (await ctx.params).key.join('/');
  const ext = key.split('.').pop() ?? '';
  const type = TYPES[ext];
  if (!type || !isValidKey(key)) return new Response('Not found', { status: 404 });
  const bytes = await getStorage().get(key);
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
