// `npm test`: typecheck, lint, a production build, unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL names a server), then the
// Playwright end-to-end tests against it on each database, and on PostgreSQL the
// multi-instance tests (two instances behind nginx, deploy/nginx.conf). Every run uses fresh
// databases and folders and removes them afterwards.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const pgAdminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete baseEnv.DATABASE_URL;
delete baseEnv.TEST_DATABASE_URL;

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const r = spawnSync(process.execPath, ['-e', "console.log(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
    const p = r.stdout.trim();
    if (p && fs.existsSync(p)) return p;
  } catch {}
  return null;
}

function run(label, cmd, args, env = baseEnv) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, detached: true });
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    };
    process.once('SIGINT', stop);
    child.on('exit', (code) => {
      process.off('SIGINT', stop);
      resolve(code ?? 1);
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

async function withPgDatabase(prefix, fn) {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const url = new URL(pgAdminUrl);
  const psql = (sql) => spawnSync('node', ['-e', `
    const postgres = require('postgres');
    const sql = postgres(${JSON.stringify(pgAdminUrl)}, { max: 1, onnotice: () => {} });
    sql.unsafe(${JSON.stringify(sql)}).then(() => sql.end(), (e) => { console.error(e.message); process.exit(1); });`], { stdio: 'inherit' });
  if (psql(`create database "${name}"`).status !== 0) return 1;
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    psql(`drop database if exists "${name}" with (force)`);
  }
}

async function e2e(label, dbEnv) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(work, 'e2e-'));
  const manifest = path.join(dir, 'manifest.json');
  const env = {
    ...baseEnv,
    ...dbEnv,
    MEDIA_DIR: path.join(dir, 'media'),
    UPLOAD_DIR: path.join(dir, 'uploads'),
    E2E_PORT: String(port),
    E2E_MANIFEST: manifest,
    E2E_CHROMIUM: chromium,
    SITE_URL: `http://localhost:${port}`,
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
  };
  if (!dbEnv.DATABASE_URL) env.PGLITE_DIR = path.join(dir, 'pglite');
  // Next's data cache persists in .next/cache across server starts; this run's database is new.
  fs.rmSync(path.join('.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
  let code = await run(`seed (${label})`, 'npx', ['tsx', 'scripts/seed.ts', '--manifest', manifest], env);
  if (code !== 0) return code;
  const report = path.join(work, `playwright-${label}.json`);
  code = await run(`end-to-end tests (${label})`, 'npx', ['playwright', 'test'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  countPlaywright(report);
  return code;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    'No Chromium found for the end-to-end tests. Install it with\n' +
      '  apt-get install -y chromium fonts-noto-cjk\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

const failures = [];
const step = async (label, fn) => {
  const code = await fn();
  if (code !== 0) failures.push(label);
  return code;
};

await step('typecheck', () => run('typecheck', 'npx', ['tsc', '--noEmit']));
await step('lint', () => run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
// The build comes before vitest: the authorization matrix reads the build's server-action manifest.
const built = await step('build', () => run('production build', 'npx', ['next', 'build']));
const vitestPglite = path.join(work, 'vitest-pglite.json');
await step('unit+integration (PGlite)', async () => {
  const c = await run('unit + integration tests (PGlite)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestPglite}`]);
  countVitest(vitestPglite);
  return c;
});
if (pgAdminUrl) {
  const vitestPg = path.join(work, 'vitest-pg.json');
  await step('unit+integration (PostgreSQL)', async () => {
    const c = await run('integration tests (PostgreSQL)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestPg}`], {
      ...baseEnv,
      TEST_DATABASE_URL: pgAdminUrl,
    });
    countVitest(vitestPg);
    return c;
  });
}
async function topology(url) {
  const report = path.join(work, 'playwright-topology.json');
  const code = await run('multi-instance tests (PostgreSQL, two instances behind nginx)', 'npx', ['playwright', 'test', '-c', 'playwright.topology.config.ts'], {
    ...baseEnv,
    TOPOLOGY_DATABASE_URL: url,
    E2E_CHROMIUM: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  countPlaywright(report);
  return code;
}

if (built === 0) {
  await step('e2e (PGlite)', () => e2e('pglite', {}));
  if (pgAdminUrl) {
    await step('e2e (PostgreSQL)', () => withPgDatabase('ms_e2e', (url) => e2e('postgres', { DATABASE_URL: url })));
    // Several instances share one PostgreSQL (PGlite is one process by design): once, on PostgreSQL.
    await step('topology (PostgreSQL)', () => withPgDatabase('ms_topology', topology));
  }
}

fs.rmSync(work, { recursive: true, force: true });
console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}${pgAdminUrl ? '' : ' (PostgreSQL not tested: set TEST_DATABASE_URL to include it.)'}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
