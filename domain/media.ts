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
