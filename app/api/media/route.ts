import { listMedia } from '@/db/queries/media';
import { ERROR_MESSAGES } from '@/domain/errors';
import { can } from '@/domain/permissions';
import { getPrincipal } from '@/lib/session';

// Photos are uploaded through /api/uploads (resumable); this route only lists the library.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const refuse = (status: number, error: string) => json({ error }, status);

/** The media library for the editor's picker: photos the caller may see, searched by caption or alt. */
export async function GET(request: Request) {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  if (!can(p, 'media.view')) return refuse(403, ERROR_MESSAGES.FORBIDDEN);
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const page = Number(params.get('page') ?? 1);
  try {
    return json(await listMedia(p, { q, page: Number.isSafeInteger(page) && page >= 1 && page <= 10000 ? page : 1 }));
  } catch (e) {
    console.error('[media] library list failed', e);
    return refuse(500, '媒体库加载失败,请稍后再试。');
  }
}
