/**
 * `npm run import -- <files or folders> [--url-prefix http://www.xjmsw.cn/] [--undated-date 2015-01-01] [--dry-run] [--strict]`
 *
 * Imports saved article pages of the old site (text dumps: *.txt, *.htm, *.html or files
 * without an extension, UTF-8 or GBK/GB18030; folders are read recursively) as published
 * articles, one transaction per page, and prints a summary table.
 *   --url-prefix URL  the old address of a file whose page names none: URL + its path
 *                     relative to the folder given (minus .txt), e.g. html/a/1.html.txt
 *   --undated-date D  publication time of pages that print none (default: the time of the
 *                     import, which puts them at the top of the latest news)
 *   --dry-run         only read and check the files; the database is not opened
 *   --strict          exit 1 when any file was skipped as not importable
 * Exit code: 0 when every file was imported (新建/更新/未变) or skipped as not an importable
 * page (跳过, with the reason); 1 when a file could not be read, a page failed to import
 * (出错: the database refused it) or the database could not be opened, and with --strict
 * when any file was skipped; 2 on bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDb, getDb } from '@/db';
import { columns } from '@/db/schema';
import { expireEverywhere } from '@/lib/cache-invalidation';
import { tags } from '@/lib/cache-tags';
import { AppError } from '@/domain/errors';
import { decodeLegacyBytes, parseLegacyDate, parseLegacyPage } from '@/domain/legacy-page';
import { legacyUrlFromPath, normalizeLegacyUrl } from '@/domain/legacy-url';
import { env } from '@/lib/env';
import { importLegacyPage } from '@/services/import';

export type RowResult = 'created' | 'updated' | 'unchanged' | 'parsed' | 'skipped' | 'failed';
export interface ImportRow {
  file: string;
  result: RowResult;
  id: number | null;
  /** The title, or why the file was skipped or failed. */
  text: string;
}

const LABELS: Record<RowResult, string> = {
  created: '新建',
  updated: '更新',
  unchanged: '未变',
  parsed: '可导入',
  skipped: '跳过',
  failed: '出错',
};

const USAGE = 'Usage: npm run import -- <files or folders> [--url-prefix http://www.example.cn/] [--undated-date 2015-01-01] [--dry-run] [--strict]';
const EXTENSIONS = new Set(['.txt', '.htm', '.html', '']);
const MAX_BYTES = 5 * 1024 * 1024;

interface Options {
  paths: string[];
  urlPrefix: string | null;
  undatedDate: Date | null;
  dryRun: boolean;
  strict: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { paths: [], urlPrefix: null, undatedDate: null, dryRun: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--strict') o.strict = true;
    else if (a === '--url-prefix' || a.startsWith('--url-prefix=')) {
      const v = value();
      if (!v || !/^https?:\/\//i.test(v) || normalizeLegacyUrl(v) === null) return `--url-prefix needs an http(s) address, e.g. http://www.xjmsw.cn/`;
      o.urlPrefix = v;
    } else if (a === '--undated-date' || a.startsWith('--undated-date=')) {
      o.undatedDate = parseLegacyDate(value() ?? '');
      if (!o.undatedDate) return '--undated-date needs a date, e.g. 2015-01-01 or 2015-01-01 08:00 (Beijing time)';
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('--')) return `Unknown option ${a}\n${USAGE}`;
    else o.paths.push(a);
  }
  return o.paths.length ? o : USAGE;
}

interface Found {
  file: string;
  /** Path relative to the folder it was found in (or its own name), for --url-prefix. */
  rel: string;
}

/** Files to import under the given paths (folders recursively, sorted); missing paths are reported. */
export function collectFiles(paths: string[]): { files: Found[]; missing: string[] } {
  const files: Found[] = [];
  const missing: string[] = [];
  const walk = (dir: string, root: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, root); // symlinked folders are not followed (no loops)
      else if ((e.isFile() || e.isSymbolicLink()) && EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
        files.push({ file: full, rel: path.relative(root, full) });
      }
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) missing.push(p);
    else if (stat.isDirectory()) walk(p, p);
    else files.push({ file: p, rel: path.basename(p) });
  }
  return { files, missing };
}

/** Runs the import; returns the exit code. Tests call it with their own database installed. */
export async function runImport(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    out(opts);
    return 2;
  }
  const { files, missing } = collectFiles(opts.paths);
  const rows: ImportRow[] = missing.map((file) => ({ file, result: 'failed', id: null, text: 'no such file or folder — 找不到文件或文件夹' }));
  if (!files.length) {
    out(missing.length ? formatTable(rows) : `No .txt, .htm, .html or extensionless files under ${opts.paths.join(', ')}.`);
    return 1;
  }

  const db = opts.dryRun ? null : await getDb();
  if (db) {
    // From the settings: getDbKind() would open the configured database even under a test's own.
    const where = env().DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${env().PGLITE_DIR}`;
    out(`Importing ${files.length} file(s) into ${where}…`);
  }
  for (const [n, { file, rel }] of files.entries()) {
    if (n && n % 200 === 0) out(`  … ${n} of ${files.length}`);
    const bytes = fs.readFileSync(file);
    if (bytes.length > MAX_BYTES) {
      rows.push({ file, result: 'skipped', id: null, text: 'over 5 MB, not a saved article page — 文件超过 5 MB,不是文章页' });
      continue;
    }
    const parsed = parseLegacyPage(decodeLegacyBytes(bytes));
    if (!parsed.ok) {
      rows.push({ file, result: 'skipped', id: null, text: parsed.reason });
      continue;
    }
    const page = { ...parsed.page, legacyUrl: parsed.page.legacyUrl ?? (opts.urlPrefix ? legacyUrlFromPath(rel, opts.urlPrefix) : null) };
    if (!db) {
      rows.push({ file, result: 'parsed', id: null, text: page.title });
      continue;
    }
    try {
      const { action, id } = await importLegacyPage(db, page, { file, now: opts.undatedDate ?? undefined });
      rows.push({ file, result: action, id, text: page.title });
    } catch (e) {
      const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      rows.push({ file, result: e instanceof AppError && e.code === 'VALIDATION' ? 'skipped' : 'failed', id: null, text: message });
    }
  }

  out(formatTable(rows));
  const count = (r: RowResult) => rows.filter((row) => row.result === r).length;
  const shown: RowResult[] = opts.dryRun ? ['parsed', 'skipped', 'failed'] : ['created', 'updated', 'unchanged', 'skipped', 'failed'];
  out(`Totals: ${rows.length} file(s) — ${shown.map((r) => `${LABELS[r]} ${count(r)}`).join(', ')}`);
  const changed = rows.filter((r) => (r.result === 'created' || r.result === 'updated') && r.id != null).map((r) => r.id!);
  if (db && changed.length > 0 && env().DATABASE_URL) {
    // Running servers on this database refresh what the import touched (docs/deploy.md).
    const columnIds = (await db.select({ id: columns.id }).from(columns)).map((c) => c.id);
    await expireEverywhere([tags.home, tags.articles, tags.columns, ...changed.map(tags.article), ...columnIds.map(tags.column)]);
    out('Running servers were told to refresh the imported articles, their columns and the home page.');
  }
  return count('failed') > 0 || (opts.strict && count('skipped') > 0) ? 1 : 0;
}

/** East Asian wide characters take two terminal columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function formatTable(rows: ImportRow[]): string {
  const header = ['file', 'result', 'article', 'title / reason'];
  const cells = rows.map((r) => [r.file, LABELS[r.result], r.id == null ? '—' : String(r.id), r.text]);
  const widths = [0, 1, 2].map((c) => Math.max(width(header[c]!), ...cells.map((row) => width(row[c]!))));
  const line = (row: string[]) => row.map((cell, c) => (c < 3 ? pad(cell, widths[c]!) : cell)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w)).concat('-'.repeat(14))), ...cells.map(line)].join('\n');
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  runImport(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
