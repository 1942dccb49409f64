import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, columns } from '@/db/schema';
import { docText, rt } from '@/domain/rich-text';
import { articleSearchVector, parseQuery, type Segment } from '@/domain/search';
import type { Principal } from '@/domain/permissions';
import { createArticle } from '@/services/articles/create';
import { saveArticle } from '@/services/articles/save';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { listDashboardArticles } from './newsroom';
import { SEARCH_CANDIDATES, searchArticles as search } from './search';

let t: TestDb;
let editor: Principal, reporter1: Principal, reporter2: Principal;
let columnId: number, otherColumnId: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  editor = await principalOf(t.db, 'editor');
  reporter1 = await principalOf(t.db, 'reporter1');
  reporter2 = await principalOf(t.db, 'reporter2');
  const cols = await t.db.select({ id: columns.id, slug: columns.slug }).from(columns);
  columnId = cols.find((c) => c.slug === 'tongzhi')!.id;
  otherColumnId = cols.find((c) => c.slug !== 'tongzhi')!.id;
});
afterAll(() => t.close());

const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows);

/** Every article's searchable fields, as the tokenizer sees them (one string per field). */
async function corpus() {
  const all = await t.db
    .select({ id: articles.id, title: articles.title, subtitle: articles.subtitle, summary: articles.summary, body: articles.body })
    .from(articles);
  return all.map((a) => ({ id: a.id, fields: [a.title, `${a.subtitle}\n${a.summary}`, docText(a.body)] }));
}

async function dbMatches(q: string): Promise<number[]> {
  const query = parseQuery(q)!;
  const r = await t.db.execute<{ id: number }>(sql`select id from articles where search_vector @@ ${query.tsquery}::tsquery order by id`);
  return rows<{ id: number }>(r).map((x) => x.id);
}

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function prng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const marked = (segs: Segment[]) => segs.filter((s) => s.hit).map((s) => s.text);

describe('the index finds exactly the articles that contain a phrase', () => {
  it('matches every Chinese substring of 2–7 characters, and nothing that lacks it', async () => {
    const docs = await corpus();
    const rand = prng(42);
    const hanRuns = docs.flatMap((d) => d.fields.flatMap((f) => f.match(/\p{Script=Han}{2,}/gu) ?? []));
    expect(hanRuns.length).toBeGreaterThan(500);
    for (let i = 0; i < 60; i++) {
      const run = hanRuns[Math.floor(rand() * hanRuns.length)]!;
      const len = 2 + Math.floor(rand() * Math.min(6, run.length - 1));
      const start = Math.floor(rand() * (run.length - len + 1));
      const q = run.slice(start, start + len);
      const truth = docs.filter((d) => d.fields.some((f) => f.includes(q))).map((d) => d.id).sort((a, b) => a - b);
      expect({ q, ids: await dbMatches(q) }).toEqual({ q, ids: truth });
    }
  });
});

describe('search', () => {
  let titleHit: number, bodyHit: number, older: number, draftId: number;

  async function publish(title: string, text: string, col = columnId, summary = '') {
    const { id } = await createArticle(editor, { columnId: col, title });
    const s = await saveArticle(editor, { id, version: 1, title, summary, body: rt.doc(rt.p(text)), columnId: col });
    // The words come from the real save path; the workflow itself is tested elsewhere.
    await t.db.update(articles).set({ status: 'published', publishedAt: new Date(), version: s.version }).where(eq(articles.id, id));
    return id;
  }

  beforeAll(async () => {
    bodyHit = await publish('村里来了新医生', '驻村工作队请来的医生讲解了沙棘种植和病虫害防治。');
    titleHit = await publish('沙棘种植让农民增收', '合作社收购价格稳定,今年每亩多收两千元。', otherColumnId);
    older = await publish('旧闻:沙棘种植起步', '当年试种了五十亩。');
    await t.db.update(articles).set({ publishedAt: new Date('2019-03-02T10:00:00+08:00') }).where(eq(articles.id, older));
    const d = await createArticle(reporter1, { columnId, title: '草稿里的沙棘种植' });
    draftId = d.id;
  });

  it('ranks a title match above a body match, and leaves drafts out', async () => {
    const r = await search({ q: '沙棘种植' });
    const ids = r.hits.map((h) => h.id);
    expect(ids).toContain(bodyHit);
    expect(ids).not.toContain(draftId);
    expect(ids.indexOf(titleHit)).toBeLessThan(ids.indexOf(bodyHit));
    expect(r.total).toBe(3);
  });

  it('breaks ties by recency and can sort by date', async () => {
    const r = await search({ q: '沙棘种植', sort: 'newest' });
    expect(r.hits.map((h) => h.id).at(-1)).toBe(older);
  });

  it('highlights the words in title and snippet', async () => {
    const r = await search({ q: '沙棘 病虫害' });
    expect(r.hits.map((h) => h.id)).toEqual([bodyHit]);
    expect(marked(r.hits[0]!.snippet)).toEqual(['沙棘', '病虫害']);
    const t2 = await search({ q: '增收' });
    expect(marked(t2.hits.find((h) => h.id === titleHit)!.title)).toEqual(['增收']);
  });

  it('filters by column and by date range', async () => {
    expect((await search({ q: '沙棘种植', columnIds: [otherColumnId] })).hits.map((h) => h.id)).toEqual([titleHit]);
    expect((await search({ q: '沙棘种植', from: '2019-03-01', to: '2019-03-02' })).hits.map((h) => h.id)).toEqual([older]);
    expect((await search({ q: '沙棘种植', to: '2019-03-01' })).hits).toEqual([]);
  });

  it('finds mixed Chinese, Latin and digits, folded', async () => {
    const id = await publish('网站备案', '本站备案号为新ICP备2019000号,自2019年起运行。');
    expect((await search({ q: 'icp备2019000' })).hits.map((h) => h.id)).toEqual([id]);
    expect((await search({ q: '２０１９年' })).hits.map((h) => h.id)).toContain(id);
    expect((await search({ q: 'ICP备2020' })).hits).toEqual([]);
  });

  it('shows a change to a published article at once and forgets the old words', async () => {
    const [a] = await t.db.select({ version: articles.version }).from(articles).where(eq(articles.id, bodyHit));
    await saveArticle(editor, { id: bodyHit, version: a!.version, title: '村里来了新医生', body: rt.doc(rt.p('医生还教大家种植枸杞。')), columnId });
    expect((await search({ q: '枸杞' })).hits.map((h) => h.id)).toEqual([bodyHit]);
    expect((await search({ q: '病虫害' })).hits.map((h) => h.id)).not.toContain(bodyHit);
  });

  it('pages through the results and clamps a page past the end', async () => {
    const r1 = await search({ q: '沙棘', page: 1 });
    const last = await search({ q: '沙棘', page: 99 });
    expect(last.page).toBe(r1.pageCount);
    expect(last.hits.length).toBeGreaterThan(0);
  });

  it('ranks the newest matches of a very common word, whichever window finds them', async () => {
    // 230 matches: 210 in the last days, 20 older but with the word in their title.
    const day = 86_400_000;
    const rows = Array.from({ length: 230 }, (_, i) => {
      const old = i < 20;
      const title = old ? `旧文沙枣花开第${i}篇` : `新闻第${i}篇`;
      const body = rt.doc(rt.p('村里的沙枣花开了,香气飘满田间。'));
      const publishedAt = new Date(Date.now() - (old ? 400 * day : (i % 10) * day + i * 60_000));
      return { columnId, title, body, status: 'published' as const, publishedAt, receiptCode: `WIN${i}`, searchVector: articleSearchVector({ title, body }) };
    });
    const inserted = await t.db.insert(articles).values(rows).returning({ id: articles.id, title: articles.title });
    const oldIds = new Set(inserted.filter((r) => r.title.startsWith('旧文')).map((r) => r.id));
    const first = await search({ q: '沙枣花' });
    expect(first).toMatchObject({ total: SEARCH_CANDIDATES, capped: true });
    const seen: number[] = [];
    for (let page = 1; page <= first.pageCount; page++) seen.push(...(await search({ q: '沙枣花', page })).hits.map((h) => h.id));
    // Exactly the newest 200: none of the older ones, however well their titles match.
    expect(new Set(seen).size).toBe(SEARCH_CANDIDATES);
    expect(seen.filter((id) => oldIds.has(id))).toEqual([]);
    // Narrowed to their dates, the older ones are found and their title matches rank first.
    const older = await search({ q: '沙枣花', to: new Date(Date.now() - 300 * day).toISOString().slice(0, 10) });
    expect(older.hits.every((h) => oldIds.has(h.id))).toBe(true);
    expect(older.total).toBe(20);
  });

  it('answers nothing for punctuation only', async () => {
    expect((await search({ q: '。!' })).hits).toEqual([]);
  });

  it('is the engine of the dashboard lists, within what each person may see', async () => {
    const mine = await listDashboardArticles(reporter1, { q: '沙棘种植' });
    expect(mine.rows.map((r) => r.id)).toEqual([draftId]);
    const theirs = await listDashboardArticles(reporter2, { q: '沙棘种植' });
    expect(theirs.rows).toEqual([]);
    const staff = await listDashboardArticles(editor, { q: '沙棘种植' });
    // (The body match lost those words in the test above; a reporter's draft is not staff's to see.)
    expect(staff.rows.map((r) => r.id).sort((x, y) => x - y)).toEqual([titleHit, older].sort((x, y) => x - y));
    const [d] = await t.db.select({ code: articles.receiptCode }).from(articles).where(inArray(articles.id, [draftId]));
    expect((await listDashboardArticles(reporter1, { q: d!.code.toLowerCase() })).rows.map((r) => r.id)).toEqual([draftId]);
  });
});
