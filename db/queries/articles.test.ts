import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleStats, articles, columns } from '@/db/schema';
import { rt } from '@/domain/rich-text';
import { countView, flushViews } from '@/services/views';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { COLUMN_PAGE_SIZE, getColumnPage, getNeighbours, getPublicArticle } from './articles';

let t: TestDb;
const manifest = seedManifest();
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

describe('published-only visibility', () => {
  it('shows published articles and scheduled ones whose time has passed', async () => {
    expect(await getPublicArticle(manifest.published[0]!)).not.toBeNull();
    expect((await getPublicArticle(manifest.scheduledPast))?.id).toBe(manifest.scheduledPast);
  });

  it.each(['draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'scheduled', 'rejected', 'unpublished'])(
    'hides a %s article',
    async (state) => {
      const id = manifest.byState[state]!;
      const [row] = await t.db.select({ status: articles.status }).from(articles).where(eq(articles.id, id));
      expect(row?.status).toBe(state);
      expect(await getPublicArticle(id)).toBeNull();
    },
  );

  it('hides a published article past its expiry', async () => {
    expect(await getPublicArticle(manifest.expired)).toBeNull();
  });

  it('hides an article the moment it is unpublished', async () => {
    const id = manifest.published[1]!;
    await t.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id));
    expect(await getPublicArticle(id)).toBeNull();
    await t.db.update(articles).set({ status: 'published' }).where(eq(articles.id, id));
  });
});

async function makeColumn(slug: string) {
  const [col] = await t.db.insert(columns).values({ slug, name: slug }).returning();
  return col!;
}

async function addArticles(columnId: number, dates: Date[], extra: Partial<typeof articles.$inferInsert> = {}) {
  const rows = await t.db
    .insert(articles)
    .values(
      dates.map((d, i) => ({
        columnId,
        title: `测试稿件 ${i}`,
        body: rt.doc(rt.p('正文')),
        status: 'published' as const,
        publishedAt: d,
        receiptCode: `T${columnId}X${i}X${Math.random().toString(36).slice(2, 8)}`,
        ...extra,
      })),
    )
    .returning({ id: articles.id, publishedAt: articles.publishedAt });
  return rows;
}

describe('上一篇 / 下一篇', () => {
  it('links to the article published just before and just after, in the same column, with 没有了 at the ends', async () => {
    const col = await makeColumn('neighbours-test');
    const other = await makeColumn('neighbours-other');
    const base = Date.parse('2025-03-01T08:00:00Z');
    // Two share a timestamp: the id breaks the tie.
    const rows = await addArticles(col.id, [new Date(base), new Date(base + 3600e3), new Date(base + 3600e3), new Date(base + 7200e3)]);
    // Noise that must be skipped: another column, and a draft in between.
    await addArticles(other.id, [new Date(base + 1800e3)]);
    await addArticles(col.id, [new Date(base + 5400e3)], { status: 'draft' });
    const ordered = rows.map((r) => r.id); // ascending by (published_at, id)

    const at = async (i: number) => getNeighbours(ordered[i]!, col.id, rows[i]!.publishedAt!.toISOString());
    expect(await at(0)).toEqual({ prev: null, next: { id: ordered[1], title: '测试稿件 1' } });
    expect((await at(1)).prev?.id).toBe(ordered[0]);
    expect((await at(1)).next?.id).toBe(ordered[2]);
    expect((await at(2)).prev?.id).toBe(ordered[1]);
    expect((await at(2)).next?.id).toBe(ordered[3]);
    expect(await at(3)).toEqual({ prev: { id: ordered[2], title: '测试稿件 2' }, next: null });
  });
});

describe('column pagination', () => {
  it('pages through a deep column newest first, every article exactly once, pinned ones on page 1 only', async () => {
    const col = await makeColumn('pagination-test');
    const base = Date.parse('2024-01-01T00:00:00Z');
    // 250 articles with many equal timestamps, in shuffled insert order.
    const dates = Array.from({ length: 250 }, (_, i) => new Date(base + Math.floor(i / 3) * 60_000));
    dates.sort(() => Math.random() - 0.5);
    await addArticles(col.id, dates);
    const [pinned] = await addArticles(col.id, [new Date(base - 86_400_000)], { pinRank: 1, title: '置顶稿件' });
    await addArticles(col.id, [new Date(base + 999_999_999)], { status: 'draft' });

    const expected = (
      await t.db
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.columnId, col.id), eq(articles.status, 'published'), sql`${articles.pinRank} is null`))
        .orderBy(sql`${articles.publishedAt} desc`, sql`${articles.id} desc`)
    ).map((r) => r.id);
    expect(expected).toHaveLength(250);

    const first = await getColumnPage([col.id], 1);
    expect(first.total).toBe(250);
    expect(first.pageCount).toBe(Math.ceil(250 / COLUMN_PAGE_SIZE));
    expect(first.pinned.map((a) => a.id)).toEqual([pinned!.id]);

    const seen: number[] = [];
    for (let p = 1; p <= first.pageCount; p++) {
      const page = await getColumnPage([col.id], p);
      expect(page.page).toBe(p);
      if (p > 1) expect(page.pinned).toEqual([]);
      seen.push(...page.items.map((a) => a.id));
    }
    expect(seen).toEqual(expected);

    const deep = await getColumnPage([col.id], 11);
    expect(deep.items.map((a) => a.id)).toEqual(expected.slice(200, 220));
    // Past the end clamps to the last page.
    expect((await getColumnPage([col.id], 999)).page).toBe(first.pageCount);
  });
});

describe('view counting', () => {
  it('adds batched views to the stats table without writing the article row', async () => {
    const id = manifest.published[2]!;
    const before = await t.db.query.articles.findFirst({ where: eq(articles.id, id) });
    const [statsBefore] = await t.db.select().from(articleStats).where(eq(articleStats.articleId, id));
    for (let i = 0; i < 5; i++) countView(id);
    countView(2_000_000_000); // an id that does not exist must not break the batch
    expect(await flushViews(t.db)).toBe(6);
    const [statsAfter] = await t.db.select().from(articleStats).where(eq(articleStats.articleId, id));
    expect(statsAfter!.views).toBe((statsBefore?.views ?? 0) + 5);
    const after = await t.db.query.articles.findFirst({ where: eq(articles.id, id) });
    expect(after!.updatedAt).toEqual(before!.updatedAt);
    expect(after!.version).toBe(before!.version);
    expect(await flushViews(t.db)).toBe(0);
  });

  it('creates the stats row for an article never counted before', async () => {
    const col = await makeColumn('views-test');
    const [a] = await addArticles(col.id, [new Date()]);
    countView(a!.id);
    await flushViews(t.db);
    const rows = await t.db.select().from(articleStats).where(eq(articleStats.articleId, a!.id)).orderBy(asc(articleStats.articleId));
    expect(rows).toEqual([{ articleId: a!.id, views: 1 }]);
  });
});
