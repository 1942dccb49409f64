/**
 * `npm run bench:search`: search latency at archive scale on PostgreSQL.
 *
 * Creates a fresh database on BENCH_DATABASE_URL (default: the local server), seeds
 * 100,000 articles (`--count N`, or `--small` for 10,000), then runs a fixed query set —
 * 2-, 4- and 7-character Chinese phrases, mixed Latin/digits, multi-word and filtered —
 * through the app's own search code, in interleaved rounds. Prints median and p95 per
 * query, checks every plan uses the GIN index, compares with a two-character LIKE scan,
 * writes bench/results/search-*.json and drops the database (`--keep` keeps it).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
let count = Number(option('--count') ?? (flag('--small') ? 10_000 : 100_000));
const rounds = Number(option('--rounds') ?? 7);
const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// `--reuse NAME` runs the queries on a database a `--keep` run left (no seeding, not dropped).
const reuse = option('--reuse');
const dbName = reuse ?? `ms_bench_search_${crypto.randomBytes(4).toString('hex')}`;
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const QUERIES: Array<{ label: string; q: string; kind: string; columnSlug?: string; from?: string }> = [
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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
if (!reuse) await admin.unsafe(`create database "${dbName}"`);
// Interrupted runs still drop their database.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    if (reuse) process.exit(130);
    const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
    void cleanup.unsafe(`drop database if exists "${dbName}" with (force)`).finally(() => process.exit(130));
  });
}
const url = withDb(adminUrl, dbName);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = '2';
let exitCode = 0;
try {
  const { getDb, closeDb } = await import('@/db');
  const { seedArchive } = await import('./bench/archive');
  const { searchArticles, SEARCH_CANDIDATES } = await import('@/db/queries/search');
  const { parseQuery } = await import('@/domain/search');
  const { columnSubtreeIds } = await import('@/db/queries/site');
  const db = await getDb();

  let t0 = performance.now();
  if (!reuse) {
    console.log(`Seeding ${count.toLocaleString('en')} articles into ${dbName}…`);
    await seedArchive(db, {
      count,
      onProgress: (n) => {
        if (n % 10_000 === 0) process.stdout.write(`  ${n.toLocaleString('en')}\r`);
      },
    });
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  if (reuse) count = Number((await db.execute(sql`select count(*)::int as n from articles`) as unknown as Array<{ n: number }>)[0]!.n);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const [size] = await client`select pg_size_pretty(pg_relation_size('articles_search_idx')) as idx, pg_size_pretty(pg_total_relation_size('articles')) as total`;
  console.log(`Seeded in ${seedSeconds.toFixed(0)} s; search index ${size!.idx}, articles table ${size!.total}.`);

  const cols = await client<{ id: number; slug: string; parent_id: number | null }[]>`select id, slug, parent_id from columns`;
  const colIds = (slug?: string) => {
    const c = cols.find((x) => x.slug === slug);
    return c ? columnSubtreeIds(cols.map((x) => ({ id: x.id, parentId: x.parent_id })), c.id) : undefined;
  };

  // Plans: the match must come from the GIN index, never a scan of the table.
  const plans: Record<string, string> = {};
  await client`set enable_seqscan = off`; // as the app's search transaction does
  for (const q of QUERIES) {
    const tsq = parseQuery(q.q)!.anyOrder;
    const plan = await client.unsafe(
      `explain select id from articles where status in ('published','scheduled') and search_vector @@ $1::tsquery order by published_at desc, id desc limit 501`,
      [tsq],
    );
    const text = plan.map((r) => Object.values(r)[0]).join('\n');
    plans[q.q] = text;
    // Very common words may walk the newest-first index instead of the GIN one: also indexed.
    if (/Seq Scan on articles/.test(text) || !/articles_(search|public|column_public)_idx/.test(text)) {
      console.error(`Plan for ${q.q} scans the table:\n${text}`);
      exitCode = 1;
    }
  }

  const times = new Map<string, number[]>();
  const totals = new Map<string, number>();
  const run = async (q: (typeof QUERIES)[number]) => {
    const t = performance.now();
    const r = await searchArticles({ q: q.q, columnIds: colIds(q.columnSlug), from: q.from });
    const dt = performance.now() - t;
    totals.set(q.q + (q.columnSlug ?? '') + (q.from ?? ''), r.total);
    return dt;
  };
  for (const q of QUERIES) await run(q); // warm-up
  for (let round = 0; round < rounds; round++) {
    // Interleaved: each round runs every query once, in a rotated order.
    const order = QUERIES.map((_, i) => QUERIES[(i + round) % QUERIES.length]!);
    for (const q of order) {
      const key = q.q + (q.columnSlug ?? '') + (q.from ?? '');
      times.set(key, [...(times.get(key) ?? []), await run(q)]);
    }
  }

  await client`reset enable_seqscan`;
  // The reference: a two-character LIKE over the same text, newest 20 (a sequential scan).
  const likeTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    await client`select id from articles where status in ('published','scheduled')
      and (title like '%脱贫%' or summary like '%脱贫%' or body::text like '%脱贫%')
      order by published_at desc, id desc limit 20`;
    likeTimes.push(performance.now() - t0);
  }
  const likeMedian = pct(likeTimes, 50);

  const rows = QUERIES.map((q) => {
    const key = q.q + (q.columnSlug ?? '') + (q.from ?? '');
    const xs = times.get(key)!;
    return { label: q.label, query: q.q + (q.columnSlug ? ` [${q.columnSlug}]` : '') + (q.from ? ` [≥${q.from}]` : ''), kind: q.kind, matches: totals.get(key)!, median: pct(xs, 50), p95: pct(xs, 95) };
  });
  const all = [...times.values()].flat();
  const fixed = QUERIES.filter((q) => ['2', '4', '7'].includes(q.kind)).flatMap((q) => times.get(q.q)!);
  console.log(`\nSearch at ${count.toLocaleString('en')} articles, PostgreSQL, ${rounds} interleaved rounds (ms):\n`);
  console.log(['kind', 'query', 'matches*', 'median', 'p95'].join('\t'));
  for (const r of rows) console.log([r.label, r.query, r.matches, ms(r.median), ms(r.p95)].join('\t'));
  console.log(`\n* matches counted up to the ranked candidate cap (${SEARCH_CANDIDATES}).`);
  const summary = {
    allMedian: pct(all, 50),
    allP95: pct(all, 95),
    fixedP95: pct(fixed, 95),
    likeTwoCharMedian: likeMedian,
    ratioFixedP95ToLike: pct(fixed, 95) / likeMedian,
  };
  console.log(`All queries: median ${ms(summary.allMedian)} ms, p95 ${ms(summary.allP95)} ms.`);
  console.log(`2/4/7-character queries: p95 ${ms(summary.fixedP95)} ms; two-character LIKE scan: median ${ms(likeMedian)} ms (ratio 1/${(likeMedian / summary.fixedP95).toFixed(0)}).`);
  console.log(`Every plan is indexed (no table scan): ${exitCode === 0 ? 'yes' : 'NO'}.`);

  const outDir = path.join(process.cwd(), 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), count, rounds, seedSeconds, indexSize: size!.idx, tableSize: size!.total, rows, summary, plans }, null, 2),
  );
  console.log(`Results written to ${path.relative(process.cwd(), file)}.`);
  await client.end();
  await closeDb();
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  if (flag('--keep') || reuse) console.log(`Kept database ${dbName}.`);
  else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  process.exit(exitCode);
}
