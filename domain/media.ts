/** Responsive widths stored for every image (WebP), next to the full-size JPEG. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const MAX_LONG_EDGE = 2000;
/** Upload limits, checked on the server (and shown to people before they send). */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_PIXELS = 40_000_000;

/** `/media/2026/11/ab12.jpg` → `/media/2026/11/ab12-960.webp`. */
export function variantSrc(src: string, width: number): string {
  return src.replace(/\.(jpg|png|webp)$/, `-${width}.webp`);
}

/** srcset for an image of known width: every stored variant narrower than it, then the original. */
export function imageSrcSet(src: string, width: number | null | undefined): string | undefined {
  if (!src.startsWith('/media/') || !width) return undefined;
  const parts = VARIANT_WIDTHS.filter((w) => w < width).map((w) => `${variantSrc(src, w)} ${w}w`);
  parts.push(`${src} ${width}w`);
  return parts.join(', ');
}

export const mediaUrl = (key: string) => `/media/${key}`;

/** The 480-wide WebP variant when one was stored (small originals have none), else the original. */
export function thumbnailSrc(storageKey: string, variants: readonly { width: number; key: string; format: string }[]): string {
  const small = variants.find((v) => v.width === VARIANT_WIDTHS[0] && v.format === 'webp');
  return mediaUrl(small ? small.key : storageKey);
}

/** 245 KB, 1.2 MB: a stored file's size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A library photo as lists and the editor's picker show it (plain data, safe for a browser). */
export interface MediaSummary {
  id: number;
  /** The full-size image, as article bodies reference it. */
  src: string;
  thumbSrc: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
  alt: string;
  createdAt: string;
}

/** One page of the library. */
export interface MediaPage {
  items: MediaSummary[];
  total: number;
  page: number;
  pageSize: number;
}
