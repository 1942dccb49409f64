/**
 * `npm run bench`: speed at archive scale, in the production topology, as ratios to physical
 * references measured in the same run. bench/RESULTS.md explains each figure; the README
 * says how to read the output.
 *
 *   npm run bench                       100,000 articles, 5 rounds, Lighthouse 5 runs per page
 *   npm run bench -- --small            5,000 articles, 3 rounds, Lighthouse once (a quick check)
 *   options: --count N  --rounds N  --seconds N  --skip-build  --no-lighthouse  --keep
 *
 * What it does: builds the app (unless --skip-build), creates a fresh PostgreSQL database on
 * BENCH_DATABASE_URL (default: the local server), seeds the demo and a synthetic archive,
 * starts two instances behind nginx with deploy/nginx.conf (scripts/topology.ts), serves the
 * app's own article HTML from a second nginx as the reference, and loads them with wrk pinned
 * to its own CPU (servers on the others), in interleaved rounds, reporting medians. Writes
 * bench/results/bench-*.json and drops the database (unless --keep).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { measureLighthouse, type LighthouseFigure } from './bench/lighthouse';
import { barePageScripts, pageIslands, pageScripts, type PageScripts } from './bench/js-bytes';
import { FIXED_KINDS, measureSearch, SEARCH_QUERIES } from './bench/search';
import { median, ms } from './bench/stats';
import { wrk, type WrkResult } from './bench/wrk';
import { freePort, killGroup, nginxMainConf, requireNginx, startNginx, startTopology, type Topology } from './topology';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const small = flag('--small');
const count = Number(option('--count') ?? (small ? 5_000 : 100_000));
const rounds = Number(option('--rounds') ?? (small ? 3 : 5));
const seconds = Number(option('--seconds') ?? (small ? 4 : 8));
const lighthouseRuns = flag('--no-lighthouse') ? 0 : Number(option('--lighthouse-runs') ?? (small ? 1 : 5));
const PUBLISH_TRIALS = 20;
const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const dbName = `ms_bench_${crypto.randomBytes(4).toString('hex')}`;
const log = (s: string) => console.log(s);

// Servers on every CPU but the last; wrk on the last (on a 2-core machine: one each).
const cpuCount = os.availableParallelism();
const serverCpus = cpuCount > 1 ? `0-${cpuCount - 2}` : undefined;
const loadCpus = cpuCount > 1 ? String(cpuCount - 1) : undefined;

interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
  reference?: number;
  ratio?: number;
  detail?: Record<string, unknown>;
  goal: string;
  pass: boolean;
}
const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  log(`  → ${f.label}: ${fmt(f.value)} ${f.unit}${f.ratio !== undefined ? ` (ratio ${f.ratio.toFixed(3)})` : ''} — goal ${f.goal}: ${f.pass ? 'met' : 'MISSED'}`);
};
const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(n < 10 ? 2 : 1));

function preflight() {
  requireNginx();
  if (!fs.existsSync(process.env.WRK_PATH || '/usr/bin/wrk')) throw new Error('wrk not found: apt-get install -y wrk (or set WRK_PATH).');
  if (lighthouseRuns > 0 && !fs.existsSync(chromePath)) throw new Error(`Chromium not found at ${chromePath}: apt-get install -y chromium, set CHROMIUM_PATH, or pass --no-lighthouse.`);
}

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Median of each wrk figure over rounds. */
const med = (rs: WrkResult[]) => ({ rps: median(rs.map((r) => r.rps)), p99: median(rs.map((r) => r.p99)), p50: median(rs.map((r) => r.p50)), non2xx: rs.reduce((s, r) => s + r.non2xx + r.errors, 0) });

async function interleaved(pairs: Array<() => Promise<WrkResult>>, label: string): Promise<WrkResult[][]> {
  const out: WrkResult[][] = pairs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first, so warm-up and drift hit both alike.
    const order = r % 2 === 0 ? pairs.map((_, i) => i) : pairs.map((_, i) => pairs.length - 1 - i);
    for (const i of order) out[i]!.push(await pairs[i]!());
    log(`  ${label}: round ${r + 1}/${rounds}`);
  }
  return out;
}

async function main(): Promise<number> {
  preflight();
  log(`Minsheng benchmark: ${count.toLocaleString('en')} articles, ${rounds} rounds of ${seconds} s, ${cpuCount} CPUs (servers on ${serverCpus ?? 'any'}, wrk on ${loadCpus ?? 'any'}).`);
  if (!flag('--skip-build')) {
    log('Building…');
    const b = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (b.status !== 0) throw new Error('build failed');
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = withDb(adminUrl, dbName);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-'));
  fs.chmodSync(work, 0o755);
  let topology: Topology | undefined;
  let reference: Awaited<ReturnType<typeof startNginx>> | undefined;
  const client = postgres(url, { max: 2, onnotice: () => {} });
  let cleaned = false;
  interrupted = () => cleanUp();
  try {
    // ---- Data
    const manifestFile = path.join(work, 'manifest.json');
    const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--manifest', manifestFile], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DATABASE_URL: url } });
    if (seed.status !== 0) throw new Error('seeding the demo failed');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { published: number[] };
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_MAX = '2';
    const { getDb, closeDb } = await import('@/db');
    const { seedArchive } = await import('./bench/archive');
    let t0 = performance.now();
    log(`Seeding ${count.toLocaleString('en')} archive articles…`);
    await seedArchive(await getDb(), { count, onProgress: (n) => n % 10_000 === 0 && process.stdout.write(`  ${n.toLocaleString('en')}\r`) });
    await closeDb();
    await client`vacuum analyze`;
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    // Articles waiting to be published, for the publish trials.
    const waiting = await client<{ id: number; title: string }[]>`
      update articles set status = 'approved', published_at = null, publish_at = null
      where id in (select id from articles where status = 'published' and pin_rank is null order by id desc limit ${PUBLISH_TRIALS})
      returning id, title`;
    const range = (await client<{ lo: number; hi: number }[]>`select min(id) as lo, max(id) as hi from articles where status = 'published'`)[0]!;
    const deepest = (
      await client<{ slug: string; id: number; n: number }[]>`
        select c.slug, c.id, count(*)::int as n from articles a join columns c on c.id = a.column_id
        where a.status = 'published' and not exists (select 1 from columns k where k.parent_id = c.id)
        group by c.slug, c.id order by n desc limit 1`
    )[0]!;

    // ---- Servers
    log('Starting two instances behind nginx (deploy/nginx.conf)…');
    topology = await startTopology({ databaseUrl: url, instances: 2, cpus: serverCpus, log: (l) => log(`  ${l}`) });
    const [one] = topology.instances as [string, string];
    const articlePath = `/articles/${manifest.published[0]}`;
    for (let i = 0; i < 3; i++) await (await fetch(one + articlePath)).text();
    const html = await (await fetch(one + articlePath)).text();
    const refRoot = path.join(work, 'reference');
    fs.mkdirSync(path.join(refRoot, 'articles'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(refRoot, articlePath.slice(1)), html);
    const refPort = await freePort();
    const refDir = path.join(work, 'nginx-ref');
    fs.mkdirSync(refDir);
    reference = await startNginx(
      refDir,
      nginxMainConf(refDir, `  server { listen 127.0.0.1:${refPort}; root ${refRoot}; default_type text/html; }`),
      `http://127.0.0.1:${refPort}${articlePath}`,
      serverCpus,
    );
    const ref = `http://127.0.0.1:${refPort}${articlePath}`;
    log(`  reference: nginx serving the same ${html.length.toLocaleString('en')} bytes on :${refPort}`);

    // ---- 1. Micro-cache vs nginx, c=50
    log('Article page through the micro-cache vs nginx serving the file (c=50)…');
    const w = (u: string, c: number, script?: string) => () => wrk({ url: u, connections: c, seconds, cpus: loadCpus, script });
    const [refs50, micro] = await interleaved([w(ref, 50), w(topology.url + articlePath, 50)], 'c=50');
    const r50 = med(refs50!);
    const m50 = med(micro!);
    add({
      id: 'micro_vs_nginx', label: 'micro-cache vs nginx, c=50', value: m50.rps, unit: 'req/s', reference: r50.rps, ratio: m50.rps / r50.rps,
      detail: { p99: m50.p99, p50: m50.p50, referenceP99: r50.p99, failed: m50.non2xx, rounds: micro, referenceRounds: refs50 }, goal: '≥ 0.50 of nginx, p99 ≤ 50 ms',
      pass: m50.rps / r50.rps >= 0.5 && m50.p99 <= 50 && m50.non2xx === 0,
    });
    log(`    p99 ${ms(m50.p99)} ms (nginx ${ms(r50.p99)} ms)`);

    // ---- 2. next start cache hit vs nginx, c=10
    log('Article page straight from one instance (cache hit) vs nginx (c=10)…');
    const [refs10, hits] = await interleaved([w(ref, 10), w(one + articlePath, 10)], 'c=10');
    const r10 = med(refs10!);
    const h10 = med(hits!);
    add({
      id: 'hit_vs_nginx', label: 'next start cache hit vs nginx, c=10', value: h10.rps, unit: 'req/s', reference: r10.rps, ratio: h10.rps / r10.rps,
      detail: { p99: h10.p99, p50: h10.p50, failed: h10.non2xx, rounds: hits, referenceRounds: refs10 }, goal: '≥ 0.02 of nginx, p99 ≤ 60 ms', pass: h10.rps / r10.rps >= 0.02 && h10.p99 <= 60 && h10.non2xx === 0,
    });
    log(`    p99 ${ms(h10.p99)} ms`);

    // ---- 3. Uncached renders vs the cache hit, c=10
    log('Uncached renders (random articles of the archive, random column pages) vs the cache hit (c=10)…');
    const columnsForLoad = await client<{ slug: string; pages: number }[]>`
      select c.slug, greatest(1, (count(a.id) / 20))::int as pages from columns c left join articles a on a.column_id = c.id and a.status = 'published'
      group by c.slug`;
    const lua = path.join(work, 'uncached.lua');
    fs.writeFileSync(
      lua,
      `math.randomseed(${Date.now() % 100000})
local cols = { ${columnsForLoad.map((c) => `{ "${c.slug}", ${c.pages} }`).join(', ')} }
request = function()
  if math.random() < 0.8 then
    return wrk.format("GET", "/articles/" .. math.random(${range.lo}, ${range.hi}))
  end
  local c = cols[math.random(#cols)]
  return wrk.format("GET", "/columns/" .. c[1] .. "?page=" .. math.random(1, c[2]))
end
`,
    );
    const [hitRuns, uncachedRuns] = await interleaved([w(one + articlePath, 10), w(one, 10, lua)], 'uncached');
    const hr = med(hitRuns!);
    const ur = med(uncachedRuns!);
    add({
      id: 'uncached_vs_hit', label: 'uncached render vs cache hit, c=10', value: ur.rps, unit: 'req/s', reference: hr.rps, ratio: ur.rps / hr.rps,
      detail: { p99: ur.p99, p50: ur.p50, failed: ur.non2xx, rounds: uncachedRuns, referenceRounds: hitRuns }, goal: '≥ 0.15 of the hit, p99 ≤ 400 ms', pass: ur.rps / hr.rps >= 0.15 && ur.p99 <= 400 && ur.non2xx === 0,
    });
    log(`    p99 ${ms(ur.p99)} ms`);

    // ---- 4. Column page 400 deep vs page 1 (each request uncached: the column's tag expired first)
    const pages = Math.floor(deepest.n / 20);
    const depth = Math.min(400, pages);
    log(`Column page ${depth} vs page 1 of /columns/${deepest.slug} (${deepest.n.toLocaleString('en')} articles), uncached…`);
    const { CACHE_CHANNEL } = await import('@/lib/cache-invalidation');
    const expire = (tags: string[]) => client`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ from: 'bench', tags })})`;
    const timeColumn = async (page: number) => {
      await expire([`column:${deepest.id}`]);
      await new Promise((r) => setTimeout(r, 30));
      const t = performance.now();
      const res = await fetch(`${one}/columns/${deepest.slug}${page > 1 ? `?page=${page}` : ''}`);
      await res.text();
      if (res.status !== 200) throw new Error(`column page ${page} answered ${res.status}`);
      return performance.now() - t;
    };
    const first: number[] = [];
    const deep: number[] = [];
    for (let i = 0; i < 15; i++) {
      first.push(await timeColumn(1));
      deep.push(await timeColumn(depth));
    }
    const f1 = median(first);
    const fd = median(deep);
    add({ id: 'deep_vs_first', label: `column page ${depth} vs page 1 (uncached)`, value: fd, unit: 'ms', reference: f1, ratio: fd / f1, detail: { depth, first, deep }, goal: '≤ 2× the latency', pass: fd / f1 <= 2 });

    // ---- 5. Publish → visible everywhere (Playwright, a chief editor in the real dashboard)
    log(`Publish → visible on both instances and through nginx, ${waiting.length} trials…`);
    const publish = await publishTrials(topology, waiting);
    add({ id: 'publish_visible', label: 'publish → visible everywhere (max of trials)', value: Math.max(...publish.delays), unit: 'ms', detail: { median: median(publish.delays), trials: publish.delays }, goal: 'max ≤ 1,000 ms', pass: Math.max(...publish.delays) <= 1000 });

    // ---- 6. JavaScript shipped
    log('JavaScript shipped by public pages vs a bare Next page…');
    const columnPath = `/columns/${deepest.slug}`;
    const publicPaths = ['/', columnPath, articlePath];
    const ours: PageScripts[] = [];
    for (const p of publicPaths) ours.push(await pageScripts(one, p));
    const bare = await barePageScripts(log);
    const worst = ours.reduce((a, b) => (b.total > a.total ? b : a));
    const routes = ['/(site)', '/(site)/columns/[slug]', '/(site)/articles/[id]'];
    const islands = ours.flatMap((p, i) => pageIslands(routes[i]!, p).map((island) => ({ page: p.path, ...island })));
    for (const i of islands) log(`    island ${i.module} on ${i.page}: ${i.gzip.toLocaleString('en')} bytes gzip`);
    add({
      id: 'js_vs_bare', label: 'public-page JS vs a bare Next page (gzip)', value: worst.total, unit: 'bytes', reference: bare.total, ratio: worst.total / bare.total,
      detail: { pages: ours.map((p) => ({ path: p.path, total: p.total, scripts: p.scripts })), bare, islands },
      goal: '≤ 1.07×, each island ≤ 10 kB', pass: worst.total / bare.total <= 1.07 && islands.every((i) => i.gzip <= 10_240),
    });

    // ---- 7. Lighthouse
    let lh: LighthouseFigure[] = [];
    if (lighthouseRuns > 0) {
      log(`Lighthouse (mobile), ${lighthouseRuns} run(s) per page and variant, through nginx…`);
      lh = await measureLighthouse(topology.url, publicPaths, lighthouseRuns, chromePath, log);
      for (const f of lh) {
        add({
          id: `lighthouse:${f.path}`, label: `Lighthouse ${f.path === '/' ? 'home' : f.path.startsWith('/columns') ? 'column' : 'article'}`, value: f.performance, unit: 'perf',
          reference: f.strippedPerformance, ratio: f.performance - f.strippedPerformance, detail: { ...f },
          goal: 'perf ≥ stripped − 12 and ≥ 85; a11y, BP, SEO ≥ 95; CLS ≤ 0.02',
          pass: f.performance >= f.strippedPerformance - 12 && f.performance >= 85 && f.accessibility >= 95 && f.bestPractices >= 95 && f.seo >= 95 && f.cls <= 0.02,
        });
      }
      const fontBytes = Math.max(...lh.map((f) => f.fontBytes));
      add({ id: 'font_bytes', label: 'body-text web-font bytes', value: fontBytes, unit: 'bytes', goal: '0', pass: fontBytes === 0 });
    }

    // ---- 8. Views: article-row writes and WAL
    log('1,000 article views: writes to article rows and WAL…');
    const viewed = manifest.published[0]!;
    const snapshot = async () => new Map((await client<{ id: number; ctid: string }[]>`select id, ctid::text as ctid from articles`).map((r) => [r.id, r.ctid]));
    const before = await snapshot();
    const viewsBefore = Number((await client`select coalesce((select views from article_stats where article_id = ${viewed}), 0) as v`)[0]!.v);
    const lsn0 = (await client`select pg_current_wal_lsn() as l`)[0]!.l as string;
    t0 = performance.now();
    for (let i = 0; i < 1000; i += 25) {
      await Promise.all(Array.from({ length: 25 }, () => fetch(`${topology!.url}/api/views/${viewed}`).then((r) => r.arrayBuffer())));
    }
    await new Promise((r) => setTimeout(r, 3500)); // VIEW_FLUSH_MS (2 s) and margin
    const lsn1 = (await client`select pg_current_wal_lsn() as l`)[0]!.l as string;
    const walBytes = Number((await client`select pg_wal_lsn_diff(${lsn1}, ${lsn0}) as d`)[0]!.d);
    const after = await snapshot();
    const rowWrites = [...after].filter(([id, ctid]) => before.get(id) !== ctid).length;
    const viewsAfter = Number((await client`select views from article_stats where article_id = ${viewed}`)[0]!.views);
    add({ id: 'article_row_writes', label: 'article-row writes per view', value: rowWrites / 1000, unit: 'rows', detail: { counted: viewsAfter - viewsBefore }, goal: '0 (and all 1,000 counted)', pass: rowWrites === 0 && viewsAfter - viewsBefore === 1000 });
    add({ id: 'wal_per_1000_views', label: 'WAL per 1,000 views', value: walBytes / 1024, unit: 'kB', goal: '≤ 100 kB', pass: walBytes <= 100 * 1024 });

    // ---- 9. Search
    log('Search, fixed 2/4/7-character queries vs a two-character LIKE…');
    const search = await measureSearch(client, SEARCH_QUERIES.filter((q) => FIXED_KINDS.includes(q.kind)), 7);
    add({
      id: 'search', label: `search p95 at ${count.toLocaleString('en')} articles`, value: search.summary.fixedP95, unit: 'ms', reference: search.summary.likeTwoCharMedian,
      ratio: search.summary.ratioFixedP95ToLike, detail: { rows: search.rows, indexedPlans: search.indexedPlans }, goal: 'p95 ≤ 60 ms and ≤ 1/20 of LIKE',
      pass: search.summary.fixedP95 <= 60 && search.summary.ratioFixedP95ToLike <= 1 / 20 && search.indexedPlans,
    });

    // ---- Report
    printTable();
    const outDir = path.join(process.cwd(), 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify(
        { date: new Date().toISOString(), machine: { cpus: cpuCount, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, serverCpus, loadCpus }, count, rounds, seconds, lighthouseRuns, figures },
        null,
        2,
      ),
    );
    log(`\nResults written to ${path.relative(process.cwd(), file)}.`);
    return 0;
  } finally {
    await cleanUp();
  }

  async function cleanUp() {
    if (cleaned) return;
    cleaned = true;
    if (reference) await killGroup(reference);
    if (topology) await topology.stop();
    reference = topology = undefined;
    await client.end();
    if (flag('--keep')) log(`Kept database ${dbName}.`);
    else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Set once the run has something to undo: servers in their own process groups, the database. */
let interrupted: (() => Promise<void>) | undefined;

async function publishTrials(topology: Topology, waiting: Array<{ id: number; title: string }>): Promise<{ delays: number[] }> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const targets = [...topology.instances, topology.url];
  const get = async (u: string) => {
    const r = await fetch(u);
    return { status: r.status, body: await r.text() };
  };
  try {
    const page = await browser.newPage({ baseURL: topology.url, locale: 'zh-CN' });
    await page.goto('/login');
    await page.getByLabel('用户名或手机号').fill('chief');
    await page.getByLabel('密码').fill('minsheng-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/dashboard/);
    const delays: number[] = [];
    for (const { id, title } of waiting) {
      const path = `/articles/${id}`;
      // Every reader path has the "not found" page cached first.
      for (const t of targets) for (let i = 0; i < 2; i++) if ((await get(t + path)).status !== 404) throw new Error(`${t}${path} is public before publishing`);
      await page.goto(`/dashboard/articles/${id}`);
      await page.getByRole('button', { name: '发布', exact: true }).click();
      await page.getByRole('button', { name: '确定发布' }).click();
      await page.locator('[data-status]').first().filter({ hasText: '已发布' }).waitFor();
      const t0 = Date.now();
      const each = await Promise.all(
        targets.map(async (t) => {
          for (;;) {
            const r = await get(t + path);
            if (r.status === 200 && r.body.includes(title.replace(/&/g, '&amp;').replace(/</g, '&lt;'))) return Date.now() - t0;
            if (Date.now() - t0 > 5000) return 5000;
            await new Promise((res) => setTimeout(res, 10));
          }
        }),
      );
      delays.push(Math.max(...each));
    }
    log(`  median ${median(delays)} ms, max ${Math.max(...delays)} ms`);
    return { delays };
  } finally {
    await browser.close();
  }
}

function printTable() {
  const rows = figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`,
    f.reference !== undefined ? fmt(f.reference) : '',
    f.ratio !== undefined ? (f.id.startsWith('lighthouse') ? `${f.ratio >= 0 ? '+' : ''}${f.ratio}` : f.ratio.toFixed(3)) : '',
    f.goal,
    f.pass ? 'met' : 'MISSED',
  ]);
  const head = ['figure', 'value', 'reference', 'ratio', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  log(`\n${figures.filter((f) => f.pass).length} of ${figures.length} goals met.`);
}

let code = 1;
// Interrupted runs still stop their servers (own process groups) and drop their database.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void (interrupted?.() ?? Promise.resolve()).finally(() => process.exit(130)));
try {
  code = await main();
} catch (e) {
  console.error(e);
}
process.exit(code);
