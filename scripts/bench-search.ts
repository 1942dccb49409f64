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
import { ms } from './bench/stats';

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
  const { SEARCH_CANDIDATES } = await import('@/db/queries/search');
  const { measureSearch, SEARCH_QUERIES } = await import('./bench/search');
  const db = await getDb();

  const t0 = performance.now();
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

  const { rows, plans, indexedPlans, summary } = await measureSearch(client, SEARCH_QUERIES, rounds);
  if (!indexedPlans) {
    console.error('A search plan scans the table:');
    for (const [q, plan] of Object.entries(plans)) if (/Seq Scan on articles/.test(plan)) console.error(`${q}:\n${plan}`);
    exitCode = 1;
  }
  console.log(`\nSearch at ${count.toLocaleString('en')} articles, PostgreSQL, ${rounds} interleaved rounds (ms):\n`);
  console.log(['kind', 'query', 'matches*', 'median', 'p95'].join('\t'));
  for (const r of rows) console.log([r.label, r.query, r.matches, ms(r.median), ms(r.p95)].join('\t'));
  console.log(`\n* matches counted up to the ranked candidate cap (${SEARCH_CANDIDATES}).`);
  console.log(`All queries: median ${ms(summary.allMedian)} ms, p95 ${ms(summary.allP95)} ms.`);
  console.log(`2/4/7-character queries: p95 ${ms(summary.fixedP95)} ms; two-character LIKE scan: median ${ms(summary.likeTwoCharMedian)} ms (ratio 1/${(summary.likeTwoCharMedian / summary.fixedP95).toFixed(0)}).`);
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
