import crypto from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { DbOrTx } from '@/db';
import { media, type Media } from '@/db/schema';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_INPUT_PIXELS, MAX_LONG_EDGE, MAX_UPLOAD_BYTES, VARIANT_WIDTHS } from '@/domain/media';
import { getStorage, type Storage } from '@/lib/storage';

// Shared by scripts (seed, import) and route handlers, so no 'server-only' marker here.

export { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES };

export type ImageCheck = { ok: true; format: 'jpeg' | 'png' | 'webp' } | { ok: false; status: number; message: string };

const refuse = (status: number, message: string): ImageCheck => ({ ok: false, status, message });
const UNSUPPORTED = '只能上传 JPEG、PNG 或 WebP 格式的照片。';

/**
 * Decides whether uploaded bytes are a photo we accept, from the bytes alone (never the
 * file name or the declared type): size, real format and pixel count, read from the header
 * (a decompression bomb is refused before it is decoded).
 */
export async function inspectImage(input: Buffer): Promise<ImageCheck> {
  if (input.length === 0) return refuse(400, '收到的是空文件,请重新选择照片。');
  if (input.length > MAX_UPLOAD_BYTES) return refuse(413, `图片太大了,单张不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。`);
  const type = await fileTypeFromBuffer(input);
  if (!type || type.ext === 'xml' || type.mime.startsWith('text/')) {
    const head = input.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<') && head.includes('<svg')) return refuse(415, '不能上传 SVG 矢量图,请上传 JPEG、PNG 或 WebP 照片。');
    return refuse(415, `这个文件不是照片。${UNSUPPORTED}`);
  }
  if (type.mime === 'image/heic' || type.mime === 'image/heif' || type.ext === 'heic') {
    return refuse(415, '暂不支持苹果手机的 HEIC 格式照片。请在相机设置中选择"兼容性最佳"后重拍,或用本系统的手机页面上传(会自动转换)。');
  }
  const format = type.mime === 'image/jpeg' ? 'jpeg' : type.mime === 'image/png' ? 'png' : type.mime === 'image/webp' ? 'webp' : null;
  if (!format) return refuse(415, UNSUPPORTED);
  let meta: Metadata;
  try {
    // Header only, with no pixel limit: the count is checked below, before any decoding.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return refuse(422, '这张图片无法读取,可能已损坏,请换一张。');
  }
  if (meta.format !== format) return refuse(415, UNSUPPORTED);
  const pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  if (!pixels) return refuse(422, '这张图片无法读取,可能已损坏,请换一张。');
  if (pixels > MAX_INPUT_PIXELS) {
    return refuse(413, `图片像素太多(${meta.width}×${meta.height}),单张不能超过 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素,请缩小后再上传。`);
  }
  return { ok: true, format };
}

/** sharp could not decode the pixels (truncated, corrupt): raised before anything is stored. */
export class UnreadableImage extends Error {}

/** Inspects, then stores: the one path every upload takes. Refusals carry the Chinese message. */
export async function acceptImage(db: DbOrTx, input: Buffer, opts: IngestOptions = {}): Promise<{ ok: true; media: Media } | Extract<ImageCheck, { ok: false }>> {
  const check = await inspectImage(input);
  if (!check.ok) return check;
  try {
    return { ok: true, media: await ingestImage(db, input, opts) };
  } catch (e) {
    // Decoding happens before anything is stored, so a corrupt file leaves nothing behind.
    if (e instanceof UnreadableImage) {
      return { ok: false, status: 422, message: '这张图片不完整或已损坏(可能没有传完),请重新上传。' };
    }
    throw e;
  }
}

export interface IngestOptions {
  caption?: string;
  alt?: string;
  uploadedBy?: number | null;
  storage?: Storage;
}

/**
 * Re-encodes an image (rotated by its EXIF orientation, all metadata dropped), stores the
 * full-size JPEG and WebP variants under generated keys, and records it. Identical bytes
 * after re-encoding are stored once.
 */
export async function ingestImage(db: DbOrTx, input: Buffer, opts: IngestOptions = {}): Promise<Media> {
  const storage = opts.storage ?? getStorage();
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' }).rotate();
  const full = await base
    .clone()
    .resize({ width: MAX_LONG_EDGE, height: MAX_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
    .catch((e: unknown) => {
      throw new UnreadableImage(e instanceof Error ? e.message : String(e));
    });

  const sha256 = crypto.createHash('sha256').update(full.data).digest('hex');
  const existing = await db.query.media.findFirst({ where: (m, { eq }) => eq(m.sha256, sha256) });
  if (existing) return existing;

  const now = new Date();
  const stem = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomBytes(12).toString('hex')}`;
  const key = `${stem}.jpg`;
  await storage.put(key, full.data);

  const variants = [];
  for (const w of VARIANT_WIDTHS.filter((v) => v < full.info.width)) {
    const v = await sharp(full.data).resize({ width: w }).webp({ quality: 78 }).toBuffer({ resolveWithObject: true });
    const vkey = `${stem}-${w}.webp`;
    await storage.put(vkey, v.data);
    variants.push({ width: v.info.width, height: v.info.height, key: vkey, format: 'webp' as const, bytes: v.data.length });
  }

  const [row] = await db
    .insert(media)
    .values({
      storageKey: key,
      mime: 'image/jpeg',
      width: full.info.width,
      height: full.info.height,
      bytes: full.data.length,
      sha256,
      variants,
      caption: opts.caption ?? '',
      alt: opts.alt ?? '',
      uploadedBy: opts.uploadedBy ?? null,
    })
    .returning();
  return row!;
}
