import { ERROR_MESSAGES } from '@/domain/errors';
import { can } from '@/domain/permissions';
import { getPrincipal } from '@/lib/session';
import { cleanUpAbandonedUploads, isUploadId, UPLOADER_HEADER, uploaderOf, uploadServer } from '@/services/uploads';

type Ctx = { params: Promise<{ id?: string[] }> };

const refuse = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', 'Tus-Resumable': '1.0.0' } });

/**
 * Resumable photo uploads (tus 1.0). Every request checks the session; an upload can only
 * be continued by the person who started it. The tus server never sees a request that did
 * not pass these checks, and the uploader header it reads is set here, not by the client.
 */
async function handle(request: Request, ctx: Ctx): Promise<Response> {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  if (!can(p, 'media.upload')) return refuse(403, ERROR_MESSAGES.FORBIDDEN);
  const segments = (await ctx.params).id ?? [];
  if (request.method === 'POST') {
    if (segments.length > 0) return refuse(404, '没有这个上传。');
    void cleanUpAbandonedUploads();
  } else {
    const id = segments.length === 1 ? segments[0]! : '';
    // Ids are ours (32 hex characters): anything else, a path included, is not an upload.
    if (!isUploadId(id) || (await uploaderOf(id)) !== p.id) return refuse(404, '没有这个上传,请重新选择照片。');
  }
  const headers = new Headers(request.headers);
  headers.set(UPLOADER_HEADER, String(p.id));
  const init: RequestInit & { duplex: 'half' } = { method: request.method, headers, body: request.body, duplex: 'half', signal: request.signal };
  return uploadServer().handleWeb(new Request(request.url, init));
}

export const POST = handle;
export const PATCH = handle;
export const HEAD = handle;
export const DELETE = handle;
