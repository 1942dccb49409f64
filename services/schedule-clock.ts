import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, rowsOf, type DbOrTx } from '@/db';
import { columns } from '@/db/schema';
import { expireEverywhere } from '@/lib/cache-invalidation';
import { publicTagsIn } from '@/services/articles/shared';

/**
 * Times that change what readers see without anyone acting: a scheduled article's publish
 * time, an expiry (unpublishAt), the end of a home-page flag or of a column pin. Pages stay
 * cached until their tags expire, so when such a time passes, the article's tags are
 * expired on every instance within one tick. Times are the database's clock, the same
 * clock the visibility rules (db/queries/visibility.ts) compare with.
 */
export async function dueSince(db: DbOrTx, sinceDate: Date | null): Promise<{ until: Date; tags: string[] }> {
  // null: only read the clock (nothing is due after 'infinity').
  const since = sql`${sinceDate ? sinceDate.toISOString() : 'infinity'}::timestamptz`;
  const res = await db.execute(sql`
    with t as (select now() as until)
    select t.until, a.id, a.column_id as "columnId"
    from t left join articles a on
         (a.status = 'scheduled' and a.publish_at > ${since} and a.publish_at <= t.until)
      or (a.unpublish_at is not null and a.unpublish_at > ${since} and a.unpublish_at <= t.until)
      or (a.feature_until is not null and a.feature_until > ${since} and a.feature_until <= t.until)
      or (a.pin_until is not null and a.pin_until > ${since} and a.pin_until <= t.until)`);
  const rows = rowsOf<{ until: string | Date; id: number | null; columnId: number | null }>(res);
  const until = new Date(rows[0]!.until);
  const due = rows.filter((r) => r.id != null);
  if (due.length === 0) return { until, tags: [] };
  const all = await db.select({ id: columns.id, parentId: columns.parentId }).from(columns);
  const tags = due.flatMap((r) => publicTagsIn(all, Number(r.id), r.columnId == null ? [] : [Number(r.columnId)]));
  return { until, tags: [...new Set(tags)] };
}

const g = globalThis as unknown as { __minshengClock?: NodeJS.Timeout };

/** Starts the per-instance clock (instrumentation.ts). Each instance runs its own. */
export function startScheduleClock(tickMs: number): void {
  if (g.__minshengClock) return;
  let since: Date | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      // The first tick only reads the clock: nothing is cached yet that could be out of date.
      if (!since) {
        since = (await dueSince(db, null)).until;
        return;
      }
      const { until, tags } = await dueSince(db, since);
      await expireEverywhere(tags);
      since = until;
    } catch (e) {
      console.error('schedule clock tick failed', e);
    } finally {
      running = false;
    }
  };
  g.__minshengClock = setInterval(() => void tick(), tickMs);
  g.__minshengClock.unref();
  void tick();
}
