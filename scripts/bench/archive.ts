/**
 * A large synthetic archive for benchmarks: articles whose Chinese text is recombined from
 * the demo content's sentences (so word frequencies look like real livelihood news), with
 * search vectors, spread over columns and years. Deterministic for a given seed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { articles, columns } from '@/db/schema';
import { SEED_ARTICLES, SEED_COLUMNS } from '@/db/seed-content';
import { receiptCode } from '@/domain/receipt';
import { rt, type BlockNode } from '@/domain/rich-text';
import { articleSearchVector } from '@/domain/search';

export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** The sentences of each demo article (ending punctuation kept): one list per topic. */
export function sentencesByTopic(): string[][] {
  return SEED_ARTICLES.map((a) => {
    const texts = [a.summary];
    for (const b of a.blocks) {
      if ('p' in b) texts.push(b.p);
      else if ('quote' in b) texts.push(b.quote);
      else if ('list' in b) texts.push(...b.list);
    }
    return texts.flatMap((t) => t.match(/[^。!?;]+[。!?;]?/gu) ?? []).map((s) => s.trim()).filter((s) => s.length >= 6);
  }).filter((xs) => xs.length > 0);
}

export const sentencePool = (): string[] => sentencesByTopic().flat();

const EXTRA = ['截至2019年底,全村人均收入比上年增长12%。', '网站备案号为新ICP备14002711号。', '合作社2020年实现分红35万元。'];

export interface ArchiveOptions {
  count: number;
  seed?: number;
  batch?: number;
  onProgress?: (done: number) => void;
}

/** Inserts `count` published articles (plus the demo columns if missing). Returns the column ids used. */
export async function seedArchive(db: Db, opts: ArchiveOptions): Promise<number[]> {
  const rand = prng(opts.seed ?? 20261129);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  // Each article takes most sentences from one topic (a demo article) and some from
  // anywhere: a specific word then occurs in a few percent of the archive, as in a real one,
  // while common words (工作, 群众) occur in most articles.
  const topics = sentencesByTopic();
  const pool = [...topics.flat(), ...EXTRA];
  const titles = SEED_ARTICLES.map((a) => a.title);

  for (const [i, c] of SEED_COLUMNS.entries()) {
    await db.insert(columns).values({ slug: c.slug, name: c.name, sort: i }).onConflictDoNothing();
  }
  const columnIds = (await db.select({ id: columns.id }).from(columns)).map((r) => r.id);
  // Bulk load without the search index, then build it once (much faster than row by row).
  await db.execute(sql`drop index if exists articles_search_idx`);
  const now = Date.now();
  const span = 8 * 365 * 86_400_000;
  const batch = opts.batch ?? 500;
  for (let done = 0; done < opts.count; done += batch) {
    const rows = [];
    for (let i = done; i < Math.min(opts.count, done + batch); i++) {
      const topic = pick(topics);
      const sentence = () => (rand() < 0.7 ? pick(topic) : pick(pool));
      const blocks: BlockNode[] = [];
      const paragraphs = 3 + Math.floor(rand() * 6);
      for (let p = 0; p < paragraphs; p++) {
        if (p > 0 && rand() < 0.15) blocks.push(rt.h2(pick(pool).replace(/[。!?;,]/gu, '').slice(0, 12)));
        const n = 2 + Math.floor(rand() * 4);
        blocks.push(rt.p(Array.from({ length: n }, sentence).join('')));
      }
      const body = rt.doc(...blocks);
      const title = `${pick(titles).slice(0, 6 + Math.floor(rand() * 10))}${pick(pool).replace(/[。!?;,]/gu, '').slice(0, 6 + Math.floor(rand() * 6))}`;
      const summary = sentence();
      // Newest ids get the newest dates, as a real archive grows.
      const publishedAt = new Date(now - span * (1 - i / opts.count) - Math.floor(rand() * 3_600_000));
      rows.push({
        columnId: pick(columnIds),
        title,
        summary,
        body,
        status: 'published' as const,
        publishedAt,
        publishAt: publishedAt,
        receiptCode: receiptCode('BN'),
        createdAt: publishedAt,
        updatedAt: publishedAt,
        searchVector: articleSearchVector({ title, summary, body }),
      });
    }
    await db.insert(articles).values(rows);
    opts.onProgress?.(Math.min(opts.count, done + batch));
  }
  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  await db.execute(sql`create index articles_search_idx on articles using gin (search_vector)`);
  await db.execute(sql`analyze articles`);
  return columnIds;
}
