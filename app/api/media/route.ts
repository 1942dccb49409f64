import { getDb } from '@/db';
import { AppError, ERROR_MESSAGES, ERROR_STATUS } from '@/domain/errors';
import { can } from '@/domain/permissions';
import { mediaUrl } from '@/domain/media';
import { getPrincipal } from '@/lib/session';
import { ingestImage, sniffImageFormat } from '@/services/media-ingest';
import { listMedia } from '@/db/queries/media';

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
  const format = await sniffImageFormat(bytes);
  if (!format) return refuse(415, '只能上传 JPEG、PNG 或 WebP 格式的照片。');
  try {
    const db = await getDb();
    const m = await ingestImage(db, bytes, { uploadedBy: p.id });
    return json({ id: m.id, src: mediaUrl(m.storageKey), width: m.width, height: m.height });
  } catch (e) {
    if (e instanceof AppError) return refuse(ERROR_STATUS[e.code], e.message);
    console.error('[media] upload failed', e);
    return refuse(400, '这张图片无法处理,可能已损坏,请换一张。');
  }
}

/** The media library for the editor's picker: one page of the photos this person may see. */
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
