import crypto from 'node:crypto';
import sharp from 'sharp';
import type { DbOrTx } from '@/db';
import { media, type Media } from '@/db/schema';
import { MAX_LONG_EDGE, VARIANT_WIDTHS } from '@/domain/media';
import { getStorage, type Storage } from '@/lib/storage';

// Shared by scripts (seed, import) and route handlers, so no 'server-only' marker here.

export const MAX_INPUT_PIXELS = 40_000_000;

/** The real format of an upload, read from its bytes by sharp; null for anything but JPEG, PNG, WebP. */
export async function sniffImageFormat(input: Buffer): Promise<'jpeg' | 'png' | 'webp' | null> {
  try {
    const { format } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    return format === 'jpeg' || format === 'png' || format === 'webp' ? format : null;
  } catch {
    return null;
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
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  const full = await base
    .clone()
    .resize({ width: MAX_LONG_EDGE, height: MAX_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });

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
