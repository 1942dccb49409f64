import { eq, isNull } from 'drizzle-orm';
import { articleSearchVector } from '@/domain/search';
import { articles } from './schema';
import type { Db } from './index';

/**
 * Gives every article without search tokens its vector (rows written before search
 * existed, or by hand). Runs after migrations; a no-op once every row has one.
 */
export async function backfillSearchVectors(db: Db, batch = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        title: articles.title,
        subtitle: articles.subtitle,
        summary: articles.summary,
        body: articles.body,
        author: articles.author,
        reporters: articles.reporters,
        source: articles.source,
        creditText: articles.creditText,
      })
      .from(articles)
      .where(isNull(articles.searchVector))
      .limit(batch);
    if (!rows.length) return done;
    for (const r of rows) {
      await db.update(articles).set({ searchVector: articleSearchVector(r) }).where(eq(articles.id, r.id));
    }
    done += rows.length;
  }
}
