import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles } from '@/db/schema';
import { normalizeLegacyUrl } from '@/domain/legacy-url';
import { publicVisibility } from './visibility';

/**
 * The id of the publicly visible article imported from this address of the old site
 * (path + query, any spelling `normalizeLegacyUrl` accepts), or null. Uncached: one
 * lookup on a unique index, and the redirect it answers is cached by browsers instead.
 */
export async function findPublicArticleIdByLegacyUrl(legacyUrl: string): Promise<number | null> {
  const key = normalizeLegacyUrl(legacyUrl);
  if (!key) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.legacyUrl, key), publicVisibility()))
    .limit(1);
  return row?.id ?? null;
}
