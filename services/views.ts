import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { env } from '@/lib/env';

/**
 * View counting without touching the article row: increments gather in memory and are
 * written to the narrow article_stats table in one upsert every VIEW_FLUSH_MS. Several
 * instances each batch their own; the upsert adds, so nothing is lost between them.
 */
const g = globalThis as unknown as { __minshengViews?: { pending: Map<number, number>; timer: NodeJS.Timeout | null } };
const state = (g.__minshengViews ??= { pending: new Map(), timer: null });

export function countView(articleId: number): void {
  state.pending.set(articleId, (state.pending.get(articleId) ?? 0) + 1);
  if (!state.timer) {
    state.timer = setTimeout(() => {
      state.timer = null;
      void flushViews().catch((e) => console.error('view flush failed', e));
    }, env().VIEW_FLUSH_MS);
    state.timer.unref();
  }
}

/** Writes the pending increments. Returns how many views were written. */
export async function flushViews(db?: DbOrTx): Promise<number> {
  if (state.pending.size === 0) return 0;
  const batch = [...state.pending.entries()];
  state.pending.clear();
  const conn = db ?? (await getDb());
  const values = sql.join(
    batch.map(([id, n]) => sql`(${id}::int, ${n}::bigint)`),
    sql`, `,
  );
  try {
    // Only existing articles: a beacon for a deleted id must not fail the batch.
    await conn.execute(sql`
      insert into article_stats (article_id, views)
      select v.id, v.n from (values ${values}) as v(id, n)
      where exists (select 1 from articles a where a.id = v.id)
      on conflict (article_id) do update set views = article_stats.views + excluded.views`);
  } catch (e) {
    // Put the counts back so the next flush retries them.
    for (const [id, n] of batch) state.pending.set(id, (state.pending.get(id) ?? 0) + n);
    throw e;
  }
  return batch.reduce((s, [, n]) => s + n, 0);
}
