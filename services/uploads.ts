import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { getDb } from '@/db';
import { MAX_UPLOAD_BYTES, mediaUrl } from '@/domain/media';
import { env } from '@/lib/env';
import { acceptImage } from './media-ingest';

/**
 * Resumable photo uploads (the tus protocol) for the editors and the field app.
 *
 * Bytes in progress live in UPLOAD_DIR under random ids; the client's file name and
 * declared type are dropped at creation, so nothing a client names reaches the file
 * system. When the last byte arrives the file is inspected and re-encoded into media
 * storage (see media-ingest), and the upload is deleted whatever the outcome.
 */
export const UPLOAD_PATH = '/api/uploads';
/** Set by the route handler after it has checked the session; never taken from a client. */
export const UPLOADER_HEADER = 'x-minsheng-uploader';
const ID_RE = /^[a-f0-9]{32}$/;
const EXPIRE_MS = 24 * 60 * 60 * 1000;

export const isUploadId = (id: string) => ID_RE.test(id);

class UploadRefused extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

const jsonBody = (data: unknown) => JSON.stringify(data);

let server: Server | undefined;
let lastCleanup = 0;

export function uploadServer(): Server {
  if (server) return server;
  const directory = path.resolve(env().UPLOAD_DIR);
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: EXPIRE_MS });
  server = new Server({
    path: UPLOAD_PATH,
    datastore,
    maxSize: MAX_UPLOAD_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: env().TRUST_PROXY,
    // Same-origin only: no Access-Control-Allow-Origin for any other site.
    allowedOrigins: () => false,
    namingFunction: () => crypto.randomBytes(16).toString('hex'),
    async onUploadCreate(req) {
      const uploader = req.headers.get(UPLOADER_HEADER);
      if (!uploader) throw new UploadRefused(401, jsonBody({ error: '登录已失效,请重新登录。' }));
      // Replaces whatever the client sent (file name, type): only the uploader is kept.
      return { metadata: { uploader } };
    },
    async onUploadFinish(_req, upload) {
      const file = path.join(directory, upload.id);
      try {
        const bytes = await fs.readFile(file);
        const uploadedBy = Number(upload.metadata?.uploader) || null;
        const result = await acceptImage(await getDb(), bytes, { uploadedBy });
        if (!result.ok) throw new UploadRefused(result.status, jsonBody({ error: result.message }));
        const m = result.media;
        return {
          status_code: 200,
          headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
          body: jsonBody({ id: m.id, src: mediaUrl(m.storageKey), width: m.width, height: m.height, caption: m.caption, alt: m.alt }),
        };
      } catch (e) {
        if (e instanceof UploadRefused) throw e;
        console.error('[uploads] processing failed', e);
        throw new UploadRefused(500, jsonBody({ error: '照片处理失败,请稍后再试。' }));
      } finally {
        await datastore.remove(upload.id).catch(() => {});
      }
    },
    onResponseError(_req, err) {
      if (err instanceof UploadRefused) return { status_code: err.status_code, body: err.body };
      if ('status_code' in err && err.status_code === 413) {
        return { status_code: 413, body: jsonBody({ error: `图片太大了,单张不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。` }) };
      }
      return undefined;
    },
  });
  return server;
}

/** Uploads abandoned for a day are removed, checked at most hourly when a new one starts. */
export async function cleanUpAbandonedUploads(now = Date.now()) {
  if (now - lastCleanup < 60 * 60 * 1000) return;
  lastCleanup = now;
  await uploadServer()
    .cleanUpExpiredUploads()
    .catch((e: NodeJS.ErrnoException) => {
      // No folder yet means no uploads yet.
      if (e.code !== 'ENOENT') console.error('[uploads] cleanup failed', e);
    });
}

/** The uploader recorded at creation, or null when the id is unknown. */
export async function uploaderOf(id: string): Promise<number | null> {
  if (!isUploadId(id)) return null;
  try {
    const upload = await uploadServer().datastore.getUpload(id);
    return Number(upload.metadata?.uploader) || null;
  } catch {
    return null;
  }
}
