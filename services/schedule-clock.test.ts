import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db';
import { articles, columns } from '@/db/schema';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { dueSince } from './schedule-clock';

let t: TestDb;
const m = seedManifest();
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const dbNow = async () => new Date(rowsOf<{ now: string }>(await t.db.execute(sql`select now()::text as now`))[0]!.now);
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe('schedule clock', () => {
  it('expires the pages of every article whose publish, expiry, flag or pin time just passed, and no other', async () => {
    const now = await dbNow();
    const [scheduled, expiring, pinEnds, featureEnds, later, earlier] = [m.published[5]!, m.published[6]!, m.published[7]!, m.published[8]!, m.published[9]!, m.published[10]!];
    await t.db.update(articles).set({ status: 'scheduled', publishAt: at(now, -1) }).where(eq(articles.id, scheduled));
    await t.db.update(articles).set({ unpublishAt: at(now, -2) }).where(eq(articles.id, expiring));
    await t.db.update(articles).set({ pinRank: 1, pinUntil: at(now, -3) }).where(eq(articles.id, pinEnds));
    await t.db.update(articles).set({ headlineRank: 1, featureUntil: at(now, -4) }).where(eq(articles.id, featureEnds));
    await t.db.update(articles).set({ status: 'scheduled', publishAt: at(now, 3600) }).where(eq(articles.id, later));
    await t.db.update(articles).set({ status: 'scheduled', publishAt: at(now, -60) }).where(eq(articles.id, earlier));

    const { until, tags } = await dueSince(t.db, at(now, -10));
    expect(until.getTime()).toBeGreaterThanOrEqual(now.getTime());
    for (const id of [scheduled, expiring, pinEnds, featureEnds]) expect(tags).toContain(`article:${id}`);
    // Not yet due, and due before the last tick (already expired then).
    expect(tags).not.toContain(`article:${later}`);
    expect(tags).not.toContain(`article:${earlier}`);
    // Its column, that column's ancestors (their pages list it), home and the site-wide lists.
    const [row] = await t.db.select({ columnId: articles.columnId, parentId: columns.parentId }).from(articles).innerJoin(columns, eq(columns.id, articles.columnId)).where(eq(articles.id, scheduled));
    expect(tags).toContain(`column:${row!.columnId}`);
    if (row!.parentId) expect(tags).toContain(`column:${row!.parentId}`);
    expect(tags).toEqual(expect.arrayContaining(['home', 'articles']));

    // The next tick starts where this one ended: nothing is due twice.
    expect((await dueSince(t.db, until)).tags).toEqual([]);
  });

  it('only reads the clock on its first tick', async () => {
    const { until, tags } = await dueSince(t.db, null);
    expect(tags).toEqual([]);
    expect(Math.abs(until.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
