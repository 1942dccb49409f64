/**
 * Search latency through the app's own search code, in interleaved rounds, against a
 * two-character LIKE scan of the same archive. Shared by `npm run bench:search` (the full
 * query set) and `npm run bench` (the fixed 2/4/7-character figure).
 */
import type postgres from 'postgres';
import { pct } from './stats';

export interface SearchQuery {
  label: string;
  q: string;
  kind: string;
  columnSlug?: string;
  from?: string;
}

export const SEARCH_QUERIES: SearchQuery[] = [
  { label: '2 字', q: '脱贫', kind: '2' },
  { label: '2 字', q: '农民', kind: '2' },
  { label: '2 字', q: '培训', kind: '2' },
  { label: '4 字', q: '乡村振兴', kind: '4' },
  { label: '4 字', q: '驻村工作', kind: '4' },
  { label: '4 字', q: '技能培训', kind: '4' },
  { label: '7 字', q: '驻村工作队队长', kind: '7' },
  { label: '7 字', q: '村集体经济收入', kind: '7' },
  { label: '混合', q: '2019年', kind: 'mixed' },
  { label: '混合', q: 'ICP备', kind: 'mixed' },
  { label: '多词', q: '合作社 分红', kind: 'multi' },
  { label: '栏目', q: '培训', kind: 'filtered', columnSlug: 'xiaxiang' },
  { label: '日期', q: '脱贫', kind: 'filtered', from: '2024-01-01' },
  { label: '无结果', q: '量子计算机', kind: 'none' },
];
export const FIXED_KINDS = ['2', '4', '7'];

const keyOf = (q: SearchQuery) => q.q + (q.columnSlug ?? '') + (q.from ?? '');

export interface SearchResult {
  rows: Array<{ label: string; query: string; kind: string; matches: number; median: number; p95: number }>;
  plans: Record<string, string>;
  indexedPlans: boolean;
  summary: { allMedian: number; allP95: number; fixedP95: number; likeTwoCharMedian: number; ratioFixedP95ToLike: number };
}

/** Runs `queries` `rounds` times (rotated order each round) on the database `client` points at. */
export async function measureSearch(client: postgres.Sql, queries: SearchQuery[], rounds: number): Promise<SearchResult> {
  const { searchArticles } = await import('@/db/queries/search');
  const { parseQuery } = await import('@/domain/search');
  const { columnSubtreeIds } = await import('@/db/queries/site');
  const cols = await client<{ id: number; slug: string; parent_id: number | null }[]>`select id, slug, parent_id from columns`;
  const colIds = (slug?: string) => {
    const c = cols.find((x) => x.slug === slug);
    return c ? columnSubtreeIds(cols.map((x) => ({ id: x.id, parentId: x.parent_id })), c.id) : undefined;
  };

  // Plans: the match must come from an index, never a scan of the table.
  const plans: Record<string, string> = {};
  let indexedPlans = true;
  await client`set enable_seqscan = off`; // as the app's search transaction does
  for (const q of queries) {
    const tsq = parseQuery(q.q)!.anyOrder;
    const plan = await client.unsafe(
      `explain select id from articles where status in ('published','scheduled') and search_vector @@ $1::tsquery order by published_at desc, id desc limit 501`,
      [tsq],
    );
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    plans[q.q] = text;
    // Very common words may walk the newest-first index instead of the GIN one: also indexed.
    if (/Seq Scan on articles/.test(text) || !/articles_(search|public|column_public)_idx/.test(text)) indexedPlans = false;
  }
  await client`reset enable_seqscan`;

  const times = new Map<string, number[]>();
  const totals = new Map<string, number>();
  const run = async (q: SearchQuery) => {
    const t = performance.now();
    const r = await searchArticles({ q: q.q, columnIds: colIds(q.columnSlug), from: q.from });
    const dt = performance.now() - t;
    totals.set(keyOf(q), r.total);
    return dt;
  };
  for (const q of queries) await run(q); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = queries.map((_, i) => queries[(i + round) % queries.length]!);
    for (const q of order) times.set(keyOf(q), [...(times.get(keyOf(q)) ?? []), await run(q)]);
  }

  // The reference: a two-character LIKE over the same text, newest 20 (a sequential scan).
  const likeTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await client`select id from articles where status in ('published','scheduled')
      and (title like '%脱贫%' or summary like '%脱贫%' or body::text like '%脱贫%')
      order by published_at desc, id desc limit 20`;
    likeTimes.push(performance.now() - t0);
  }
  const likeTwoCharMedian = pct(likeTimes, 50);

  const rows = queries.map((q) => {
    const xs = times.get(keyOf(q))!;
    return { label: q.label, query: q.q + (q.columnSlug ? ` [${q.columnSlug}]` : '') + (q.from ? ` [≥${q.from}]` : ''), kind: q.kind, matches: totals.get(keyOf(q))!, median: pct(xs, 50), p95: pct(xs, 95) };
  });
  const all = [...times.values()].flat();
  const fixed = queries.filter((q) => FIXED_KINDS.includes(q.kind)).flatMap((q) => times.get(keyOf(q))!);
  const fixedP95 = pct(fixed, 95);
  return {
    rows,
    plans,
    indexedPlans,
    summary: { allMedian: pct(all, 50), allP95: pct(all, 95), fixedP95, likeTwoCharMedian, ratioFixedP95ToLike: fixedP95 / likeTwoCharMedian },
  };
}
