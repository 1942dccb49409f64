// Next's cache handler (next.config.mjs `cacheHandler`) for the data cache (unstable_cache)
// and the full-route cache (ISR pages), shared in behaviour by every instance:
//
// - Entries live in this process's memory (an LRU bounded by CACHE_MEMORY_MB). Nothing is
//   written to disk, so instances never read each other's half-written files.
// - Tag invalidations are shared through PostgreSQL: an instance that expires tags sends
//   NOTIFY on `minsheng_cache`; every instance LISTENs and expires the same tags locally
//   within milliseconds. When the listening connection drops, the instance cannot know
//   what it missed, so it forgets every entry when it reconnects.
// - An entry's time is the moment its key last missed (when the render or read that fills
//   it began), not the moment it is stored. A render that began before an invalidation
//   reached this instance is therefore always expired by it, even if it finishes after.
// - Every invalidation expires at once (no stale-while-revalidate): the first reader after
//   a publish gets a fresh render, never the old page.
//
// This file is loaded by Next's server directly (not bundled), so it is plain JavaScript.
// Without DATABASE_URL (the embedded PGlite, one process by construction) it is local only.
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import postgres from 'postgres';

export const CHANNEL = 'minsheng_cache';
const TAGS_HEADER = 'x-next-cache-tags';
/** NOTIFY payloads are limited to 8,000 bytes; tags go out in batches well under it. */
const MAX_PAYLOAD = 7000;
/** A miss older than this is a render that never finished; a new miss replaces it. */
const MISS_TTL_MS = 60_000;

function sizeOf(value) {
  if (!value) return 1;
  let n = 256;
  for (const part of [value.html, value.rscData, value.body, value.data?.body, value.postponed]) {
    if (typeof part === 'string') n += part.length * 2;
    else if (part && typeof part.byteLength === 'number') n += part.byteLength;
  }
  if (value.segmentData instanceof Map) for (const b of value.segmentData.values()) n += b?.byteLength ?? 0;
  return n;
}

/**
 * One instance's cache: entries, tag expiry times, and (with `url`) its PostgreSQL link.
 * The server uses one per process (`state` below); tests make their own.
 */
export function createCacheState({ url, maxMb } = {}) {
  const state = {
    url,
    instance: randomUUID(),
    entries: new LRUCache({ maxSize: (maxMb ?? 256) * 1024 * 1024, sizeCalculation: (e) => e.size }),
    /** tag → when it was last expired on this instance (ms). */
    expiredAt: new Map(),
    /** key → when the render or read that will fill it began (ms). */
    missAt: new Map(),
    sql: null,
    listening: null,
    reconnects: 0,
    /** Expires tags here, then tells every other instance. Resolves once sent. */
    async expireTags(tags) {
      const list = [...new Set(tags)].filter((t) => typeof t === 'string' && t.length > 0);
      if (list.length === 0) return;
      applyLocal(state, list);
      const sql = connection(state);
      if (!sql) return;
      for (const batch of batches(list)) {
        await sql.notify(CHANNEL, JSON.stringify({ from: state.instance, tags: batch }));
      }
    },
    /** Drops every entry (used when invalidations may have been missed). */
    clear() {
      state.entries.clear();
      state.missAt.clear();
    },
  };
  return state;
}

/** Milliseconds with sub-millisecond precision, so an expiry and a miss never tie. */
const now = () => performance.timeOrigin + performance.now();

function applyLocal(state, tags) {
  const at = now();
  for (const tag of tags) state.expiredAt.set(tag, at);
}

function* batches(tags) {
  let batch = [];
  let size = 0;
  for (const tag of tags) {
    if (size + tag.length + 4 > MAX_PAYLOAD && batch.length) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(tag);
    size += tag.length + 4;
  }
  if (batch.length) yield batch;
}

/** The shared connection, when there is a PostgreSQL server and this is not a build. */
function connection(state) {
  const url = state.url;
  if (!url || process.env.NEXT_PHASE === 'phase-production-build') return null;
  if (!state.sql) {
    state.sql = postgres(url, { max: 2, idle_timeout: 0, onnotice: () => {} });
    state.listening = state.sql
      .listen(
        CHANNEL,
        (payload) => {
          try {
            const msg = JSON.parse(payload);
            if (msg.from !== state.instance && Array.isArray(msg.tags)) applyLocal(state, msg.tags);
          } catch {
            // A malformed message cannot be applied precisely: forget everything instead.
            state.clear();
          }
        },
        () => {
          // Called on the first LISTEN and after every reconnect. Whatever was sent while
          // the connection was down is lost, so nothing cached before it can be trusted.
          if (state.reconnects++ > 0) state.clear();
        },
      )
      .catch((e) => {
        console.error('cache invalidation listener failed', e);
        state.listening = null;
      });
  }
  return state.sql;
}

const g = globalThis;
/** One state per process, shared with the app code (lib/cache-invalidation.ts) through globalThis. */
const state = (g.__minshengCache ??= createCacheState({
  url: process.env.DATABASE_URL || undefined,
  maxMb: Number(process.env.CACHE_MEMORY_MB) > 0 ? Number(process.env.CACHE_MEMORY_MB) : undefined,
}));

function tagsOf(entry, ctx) {
  const tags = [...entry.tags];
  if (ctx && ctx.kind === 'FETCH') tags.push(...(ctx.tags ?? []), ...(ctx.softTags ?? []));
  const header = entry.value?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') tags.push(...header.split(','));
  return tags;
}

function isExpired(state, tags, lastModified) {
  for (const tag of tags) {
    const at = state.expiredAt.get(tag);
    if (at !== undefined && at >= lastModified) return true;
  }
  return false;
}

/** Misses of renders that failed are never cleared by a set; this bounds what they keep. */
const MAX_PENDING_MISSES = 50_000;

function noteMiss(state, key) {
  const t = now();
  if (state.missAt.size >= MAX_PENDING_MISSES) state.missAt.clear();
  const at = state.missAt.get(key);
  if (at === undefined || t - at > MISS_TTL_MS) state.missAt.set(key, t);
}

export async function cacheGet(state, key, ctx) {
  const entry = state.entries.get(key);
  if (!entry) {
    noteMiss(state, key);
    return null;
  }
  if (isExpired(state, tagsOf(entry, ctx), entry.lastModified)) {
    state.entries.delete(key);
    noteMiss(state, key);
    return null;
  }
  return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
}

export async function cacheSet(state, key, data, ctx) {
  const began = state.missAt.get(key);
  state.missAt.delete(key);
  if (data == null) {
    state.entries.delete(key);
    return;
  }
  const t = now();
  const lastModified = began !== undefined && t - began <= MISS_TTL_MS ? began : t;
  const tags = Array.isArray(ctx?.tags) ? ctx.tags : Array.isArray(data.tags) ? data.tags : [];
  // An invalidation that arrived while this was being computed already applies to it.
  if (isExpired(state, tags, lastModified)) return;
  state.entries.set(key, { value: data, lastModified, cacheControl: ctx?.cacheControl, tags, size: sizeOf(data) });
}

/** Next's interface, on this process's state. */
export default class MinshengCacheHandler {
  constructor() {
    // Open the listener as the server starts, so invalidations sent before this instance's
    // first write are received too.
    connection(state);
  }

  get(key, ctx) {
    return cacheGet(state, key, ctx);
  }

  set(key, data, ctx) {
    return cacheSet(state, key, data, ctx);
  }

  async revalidateTag(tags) {
    await state.expireTags(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
