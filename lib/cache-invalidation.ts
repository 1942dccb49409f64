// Used by the server and by scripts (the archive import), so no 'server-only' marker.
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { env } from '@/lib/env';

/** The channel lib/cache-handler.mjs listens on (its CHANNEL); messages are `{ from, tags }`. */
export const CACHE_CHANNEL = 'minsheng_cache';

interface HandlerState {
  expireTags(tags: string[]): Promise<void>;
}

/**
 * Expires cache tags on every instance, outside a request (the schedule clock, scripts).
 * Inside a server with our cache handler, the handler expires them here and notifies the
 * others; in a script it notifies the running servers through PostgreSQL. Server actions
 * and route handlers use updateTag/revalidateTag instead, which reach the same handler.
 */
export async function expireEverywhere(tags: string[]): Promise<void> {
  const list = [...new Set(tags)];
  if (list.length === 0) return;
  const handler = (globalThis as { __minshengCache?: HandlerState }).__minshengCache;
  if (handler) return handler.expireTags(list);
  if (!env().DATABASE_URL) return; // PGlite: no server can be running beside this process.
  const db = await getDb();
  for (let i = 0; i < list.length; i += 100) {
    const payload = JSON.stringify({ from: 'script', tags: list.slice(i, i + 100) });
    await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`);
  }
}
