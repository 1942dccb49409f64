import { getDb } from '@/db';
import { AppError, ERROR_MESSAGES, ERROR_STATUS } from '@/domain/errors';
import { can } from '@/domain/permissions';
import { mediaUrl } from '@/domain/media';
import { getPrincipal } from '@/lib/session';
import { acceptImage } from '@/services/media-ingest';

const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const refuse = (status: number, error: string) => json({ error }, status);

/** Photo upload from the article editor: checked, re-encoded without metadata, stored under a generated name. */
export async function POST(request: Request) {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  if (!can(p, 'media.upload')) return refuse(403, ERROR_MESSAGES.FORBIDDEN);
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) return refuse(413, '图片太大了,单张不能超过 15 MB。');
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('file');
  } catch {
    return refuse(400, '没有收到图片,请重新选择。');
  }
  if (!(file instanceof File) || file.size === 0) return refuse(400, '没有收到图片,请重新选择。');
  if (file.size > MAX_UPLOAD_BYTES) return refuse(413, '图片太大了,单张不能超过 15 MB。');
  const bytes = Buffer.from(await file.arrayBuffer());
  try {
    const db = await getDb();
    const r = await acceptImage(db, bytes, { uploadedBy: p.id });
    if (!r.ok) return refuse(r.status, r.message);
    const m = r.media;
    return json({ id: m.id, src: mediaUrl(m.storageKey), width: m.width, height: m.height });
  } catch (e) {
    if (e instanceof AppError) return refuse(ERROR_STATUS[e.code], e.message);
    console.error('[media] upload failed', e);
    return refuse(400, '这张图片无法处理,可能已损坏,请换一张。');
  }
}
