/**
 * JavaScript a page makes the browser download, gzip-compressed (as nginx sends it), against a
 * bare Next page with no client components built by the same Next (the framework's floor).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort, killGroup, waitFor } from '../topology';

export interface PageScripts {
  path: string;
  total: number;
  scripts: Array<{ src: string; gzip: number }>;
}

const gzipSize = (b: Buffer) => zlib.gzipSync(b, { level: 5 }).length;

export async function pageScripts(base: string, pagePath: string): Promise<PageScripts> {
  const html = await (await fetch(base + pagePath)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!))];
  const scripts = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    scripts.push({ src, gzip: gzipSize(body) });
  }
  return { path: pagePath, total: scripts.reduce((s, x) => s + x.gzip, 0), scripts };
}

/**
 * Builds and serves a one-page Next app with no client components (outside the project, so
 * none of its files, instrumentation included, reach it); returns its scripts.
 */
export async function barePageScripts(log: (s: string) => void): Promise<PageScripts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bare-next-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "bare-next-page", "private": true }\n');
  // The root is `/` so Turbopack may follow node_modules to the project's copy of Next.
  fs.writeFileSync(path.join(dir, 'next.config.mjs'), "export default { poweredByHeader: false, turbopack: { root: '/' } };\n");
  fs.writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    'export default function Layout({ children }) {\n  return (<html lang="zh-CN"><body>{children}</body></html>);\n}\n',
  );
  fs.writeFileSync(path.join(dir, 'app', 'page.jsx'), 'export default function Page() {\n  return <main><h1>空白页</h1><p>没有客户端组件。</p></main>;\n}\n');
  const nextBin = path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
  log('  building a bare Next page for the JavaScript baseline…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`bare page build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, detached: true, stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${port}/`, 60_000, () => child.exitCode !== null);
    return await pageScripts(`http://127.0.0.1:${port}`, '/');
  } finally {
    await killGroup(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Island {
  module: string;
  gzip: number;
  chunks: string[];
}

/**
 * The project's own client components a page loads (its islands), each with the gzip size of
 * the chunks the build lists for it, read from the route's client reference manifest.
 */
export function pageIslands(route: string, loaded: PageScripts): Island[] {
  const file = path.join(process.cwd(), '.next', 'server', 'app', ...route.split('/').filter(Boolean), 'page_client-reference-manifest.js');
  type Manifest = { clientModules: Record<string, { chunks: string[] }> };
  const g = globalThis as { self?: unknown; __RSC_MANIFEST?: Record<string, Manifest> };
  g.self = globalThis;
  delete g.__RSC_MANIFEST;
  new Function(fs.readFileSync(file, 'utf8'))();
  const manifest = Object.values(g.__RSC_MANIFEST ?? {})[0] as Manifest | undefined;
  if (!manifest) throw new Error(`no client reference manifest in ${file}`);
  const onPage = new Set(loaded.scripts.map((s) => s.src));
  const sizes = new Map(loaded.scripts.map((s) => [s.src, s.gzip]));
  const islands = new Map<string, Island>();
  for (const [id, entry] of Object.entries(manifest.clientModules)) {
    if (id.includes('node_modules') || !id.startsWith('[project]/')) continue;
    const name = id.replace(/^\[project\]\//, '').replace(/ <module evaluation>$/, '').replace(/#.*$/, '');
    // Error boundaries load only when a page fails; they are not part of a working page.
    if (/(^|\/)(global-)?error\.tsx$/.test(name)) continue;
    const chunks = entry.chunks.filter((c) => onPage.has(c));
    if (chunks.length === 0) continue;
    islands.set(name, { module: name, chunks, gzip: chunks.reduce((s, c) => s + (sizes.get(c) ?? 0), 0) });
  }
  return [...islands.values()];
}
