// The browser's side of the media API: photo uploads (shrunk on the device, sent resumably
// with tus) and the library listing for the editors' picker.
import type { DetailedError } from 'tus-js-client';
import { MAX_LONG_EDGE, MAX_UPLOAD_BYTES, type MediaPage } from '@/domain/media';

export interface UploadedPhoto {
  mediaId: number;
  src: string;
  width: number;
  height: number;
}

export interface UploadProgress {
  phase: 'shrinking' | 'uploading' | 'waiting';
  /** 0–1 while uploading. */
  fraction: number;
  bytesSent: number;
  bytesTotal: number;
}

/** tus chunk size: a dropped connection costs at most this much, and each request stays small. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000];

/**
 * Downscales to about 2000 px on the long edge and re-compresses as JPEG on the phone, so a
 * 6 MB camera photo travels as a few hundred kB. The browser applies the EXIF orientation;
 * the canvas drops the rest of the metadata (the server strips it again anyway).
 */
export async function shrinkPhoto(file: File): Promise<File> {
  const { default: imageCompression } = await import('browser-image-compression');
  try {
    const out = await imageCompression(file, {
      maxWidthOrHeight: MAX_LONG_EDGE,
      maxSizeMB: 1.5,
      initialQuality: 0.82,
      fileType: 'image/jpeg',
      // The worker would load its script from a CDN; the field app must work without one.
      useWebWorker: false,
      preserveExif: false,
    });
    return new File([out], 'photo.jpg', { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    // Not decodable here (e.g. not an image): send as is and let the server say why it is refused.
    return file;
  }
}

function serverMessage(body: string | undefined): string | null {
  try {
    const parsed = JSON.parse(body ?? '') as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : null;
  } catch {
    return null;
  }
}

const waitForSignal = (signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 15_000);
    window.addEventListener('online', done);
    signal?.addEventListener('abort', done);
  });

/**
 * Shrinks and uploads one photo. A dropped connection resumes from the last byte the
 * server confirmed (tus HEAD), not from zero; with no signal at all it waits for one.
 * Refusals (wrong type, too large) reject with the server's Chinese message.
 */
export async function uploadPhoto(file: File, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal): Promise<UploadedPhoto> {
  onProgress?.({ phase: 'shrinking', fraction: 0, bytesSent: 0, bytesTotal: file.size });
  const small = await shrinkPhoto(file);
  if (small.size > MAX_UPLOAD_BYTES) throw new Error(`图片太大了,单张不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。`);
  const { Upload } = await import('tus-js-client');

  return new Promise<UploadedPhoto>((resolve, reject) => {
    const upload = new Upload(small, {
      endpoint: '/api/uploads',
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      // Only the type: the file name stays on the phone.
      metadata: { filetype: small.type },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        onProgress?.({ phase: 'uploading', fraction: total ? sent / total : 0, bytesSent: sent, bytesTotal: total });
      },
      onSuccess({ lastResponse }) {
        try {
          const data = JSON.parse(lastResponse.getBody() ?? '') as { id: number; src: string; width: number; height: number };
          resolve({ mediaId: data.id, src: data.src, width: data.width, height: data.height });
        } catch {
          reject(new Error('照片已上传,但没有收到服务器的确认,请重新选择这张照片。'));
        }
      },
      async onError(err) {
        const status = (err as DetailedError).originalResponse?.getStatus() ?? 0;
        if (status >= 400 && status < 500 && status !== 409 && status !== 423) {
          reject(new Error(serverMessage((err as DetailedError).originalResponse?.getBody()) ?? '照片上传失败,请重试。'));
          return;
        }
        if (signal?.aborted) return reject(new Error('已取消上传。'));
        // Out of retries (or offline): wait for a signal, then continue from where it stopped.
        onProgress?.({ phase: 'waiting', fraction: 0, bytesSent: 0, bytesTotal: small.size });
        await waitForSignal(signal);
        if (signal?.aborted) return reject(new Error('已取消上传。'));
        upload.start();
      },
    });
    signal?.addEventListener('abort', () => void upload.abort());
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      })
      .catch(() => {})
      .finally(() => upload.start());
  });
}

/** One page of the media library the caller may see, searched by caption or alt text. */
export async function browseMedia(q: string, page: number): Promise<MediaPage> {
  const res = await fetch(`/api/media?${new URLSearchParams({ q, page: String(page) })}`, { cache: 'no-store' }).catch(() => null);
  if (!res) throw new Error('网络不通,媒体库没有加载出来。');
  const data = (await res.json().catch(() => null)) as (MediaPage & { error?: string }) | null;
  if (!res.ok || !data || !Array.isArray(data.items)) throw new Error(data?.error ?? '媒体库加载失败,请重试。');
  return data;
}
