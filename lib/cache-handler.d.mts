// Types for lib/cache-handler.mjs (plain JavaScript, loaded by Next's server unbundled).
export const CHANNEL: string;

export interface CacheState {
  url: string | undefined;
  instance: string;
  expireTags(tags: string[]): Promise<void>;
  clear(): void;
}

export function createCacheState(opts?: { url?: string; maxMb?: number }): CacheState;

export interface CacheEntry {
  lastModified: number;
  value: unknown;
  cacheControl?: unknown;
}

export function cacheGet(state: CacheState, key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
export function cacheSet(state: CacheState, key: string, data: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;

export default class MinshengCacheHandler {
  get(key: string, ctx?: unknown): Promise<CacheEntry | null>;
  set(key: string, data: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
