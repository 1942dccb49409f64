import type { ArticleStatus } from './workflow';

export interface VisibilityFields {
  status: ArticleStatus;
  publishAt: Date | string | null;
  unpublishAt: Date | string | null;
}

const time = (v: Date | string) => (typeof v === 'string' ? Date.parse(v) : v.getTime());

/**
 * The one rule for what readers may see: published, or scheduled whose time has come,
 * and not past its expiry. The SQL twin is `publicVisibility()` in db/queries/visibility.ts.
 */
export function isPubliclyVisible(a: VisibilityFields, now: Date = new Date()): boolean {
  const t = now.getTime();
  if (a.unpublishAt && time(a.unpublishAt) <= t) return false;
  if (a.status === 'published') return true;
  if (a.status === 'scheduled') return a.publishAt != null && time(a.publishAt) <= t;
  return false;
}
