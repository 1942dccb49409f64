import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint } from '@/test/principals';
import { runImport } from './import';

const repoRoot = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(repoRoot, 'test/fixtures/legacy');
const REFERENCE = path.resolve(repoRoot, '../shared/reference/legacy-article-page.txt');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('empty');
});
afterAll(() => t.close());

/** Runs the CLI in this process (on this file's database); `out` with runs of spaces squeezed. */
async function run(...args: string[]) {
  const lines: string[] = [];
  const code = await runImport(args, (l) => lines.push(l));
  return { code, out: lines.join('\n').replace(/ +/g, ' ') };
}
const rowOf = (out: string, file: string) => out.split('\n').find((l) => l.startsWith(path.join(FIXTURES, file)));

describe('npm run import (in-process, on a fresh database)', () => {
  it('imports a folder, skips what is not a page with the reason, and prints the table and totals', async () => {
    const { code, out } = await run(FIXTURES, '--url-prefix', 'http://www.xjmsw.cn/archive/', '--undated-date', '2015-06-01');
    expect(code).toBe(0);
    expect(out).toMatch(/^file result article title \/ reason$/m);
    expect(rowOf(out, 'captions.txt')).toMatch(/ 新建 \d+ 杏花开满山坡$/);
    expect(rowOf(out, 'gbk.txt')).toMatch(/ 新建 \d+ 新修的桥通车了$/);
    expect(rowOf(out, 'page.html')).toContain('跳过 — HTML source');
    expect(rowOf(out, 'empty.txt')).toContain('跳过 — empty file — 文件是空的');
    expect(out).not.toContain('garbage.bin'); // not a text file name
    expect(out).toContain('Totals: 10 file(s) — 新建 7, 更新 0, 未变 0, 跳过 3, 出错 0');

    // A page naming its address keeps it; the others get prefix + path (minus .txt).
    const [meta] = await t.db.select().from(articles).where(eq(articles.title, '社区食堂开张了'));
    expect(meta!.legacyUrl).toBe('/html/msrd/2019/0308/20001.html');
    const [plain] = await t.db.select().from(articles).where(eq(articles.title, '小菜园里种出好日子'));
    expect(plain!.legacyUrl).toBe('/archive/no-author-line');
    expect(plain!.publishedAt).toEqual(new Date('2015-06-01T00:00:00+08:00'));
  });

  it('a second run finds every page unchanged and writes nothing', async () => {
    const before = await databaseFingerprint(t.db);
    const { code, out } = await run(FIXTURES, '--url-prefix', 'http://www.xjmsw.cn/archive/');
    expect(code).toBe(0);
    expect(out).toContain('Totals: 10 file(s) — 新建 0, 更新 0, 未变 7, 跳过 3, 出错 0');
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('exit codes: skipped pages fail only with --strict; a missing path fails; bad usage is 2', async () => {
    expect((await run(path.join(FIXTURES, 'plain-note.txt'))).code).toBe(0);
    expect((await run(path.join(FIXTURES, 'plain-note.txt'), '--strict')).code).toBe(1);
    const missing = await run(path.join(FIXTURES, 'no-such-file.txt'), path.join(FIXTURES, 'no-neighbours.txt'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('出错 — no such file or folder — 找不到文件或文件夹');
    expect((await run()).code).toBe(2);
    expect((await run('--url-prefix', 'ftp://x', FIXTURES)).code).toBe(2);
    expect((await run('--undated-date', 'someday', FIXTURES)).code).toBe(2);
    expect((await run('--bogus', FIXTURES)).code).toBe(2);
  });

  it('--dry-run reads and checks without touching the database', async () => {
    const before = await databaseFingerprint(t.db);
    const { code, out } = await run('--dry-run', REFERENCE);
    expect(code).toBe(0);
    expect(out).toMatch(/可导入 — “冬季攻势”聚民心 脱贫攻坚有力量/);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });
});

describe('npm run import (a real process on its own PGlite folder)', () => {
  it('opens (locks, migrates) the folder, imports and exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-import-'));
    try {
      const env = { ...process.env, PGLITE_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
      const res = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', REFERENCE], {
        cwd: repoRoot,
        env,
        encoding: 'utf8',
        timeout: 55_000,
      });
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      expect(res.stdout).toContain(`Importing 1 file(s) into PGlite at ${path.join(dir, 'pglite')}`);
      expect(res.stdout).toMatch(/新建\s+1\s+“冬季攻势”聚民心 脱贫攻坚有力量/);
      expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(false); // released on exit
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
