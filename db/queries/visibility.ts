import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles } from '@/db/schema';

/**
 * SQL twin of `isPubliclyVisible` (domain/visibility.ts): published, or scheduled whose
 * time has come, and not expired. The leading `status in (...)` lets the planner use the
 * partial listing indexes.
 */
export function publicVisibility(): SQL {
  return and(
    sql`${articles.status} in ('published', 'scheduled')`,
    or(sql`${articles.status} = 'published'`, sql`${articles.publishAt} <= now()`),
    or(isNull(articles.unpublishAt), sql`${articles.unpublishAt} > now()`),
  )!;
}

/** A home-page or column flag is active while its end time has not passed. */
export function activeUntil(until: AnyPgColumn): SQL {
  return or(isNull(until), sql`${until} > now()`)!;
}
