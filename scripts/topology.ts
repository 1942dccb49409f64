/**
 * The production topology on one machine: N `next start` instances of the current build on
 * one PostgreSQL database, behind nginx running deploy/nginx.conf (the micro-cache). Used by
 * the multi-instance tests (e2e-topology/) and the benchmark (scripts/bench.ts). Everything
 * it starts runs in its own process group and is stopped by `stop()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

export interface Topology {
  /** nginx with the micro-cache, in front of every instance. */
  url: string;
  /** Each instance, directly. */
  instances: string[];
  dir: string;
  stop(): Promise<void>;
}

export interface TopologyOptions {
  databaseUrl: string;
  instances?: number;
  /** Extra environment for the instances (AUTH_SECRET is generated unless given). */
  env?: Record<string, string>;
  /** `taskset -c` CPU list for the servers (the benchmark keeps its load generator apart). */
  cpus?: string;
  log?: (line: string) => void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export function requireNginx(): void {
  if (!fs.existsSync(NGINX)) {
    throw new Error(`nginx not found at ${NGINX}. Install it with \`apt-get install -y nginx-light\` or set NGINX_PATH.`);
  }
}

/** deploy/nginx.conf with this run's instances, port and paths; everything else as shipped. */
export function renderSiteConf(opts: { port: number; upstreams: string[]; cacheDir: string; staticDir: string }): string {
  let conf = fs.readFileSync(path.join(process.cwd(), 'deploy', 'nginx.conf'), 'utf8');
  const servers = opts.upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=5s;`).join('\n');
  conf = conf.replace(/(upstream minsheng_app \{\n)(?:\s*server [^\n]+\n)+/, `$1${servers}\n`);
  conf = conf.replace(/listen 80;/, `listen 127.0.0.1:${opts.port};`);
  conf = conf.replace('/var/cache/nginx/minsheng', opts.cacheDir);
  conf = conf.replace('/srv/minsheng/.next/static/', `${opts.staticDir.replace(/\/?$/, '/')}`);
  return conf;
}

/** A main nginx.conf around `http`-level content, with every path under `dir`. */
export function nginxMainConf(dir: string, httpContent: string, workers = 1): string {
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${httpContent}
}
`;
}

/** Starts nginx on a main conf; resolves once it answers on `probeUrl`. */
export async function startNginx(dir: string, mainConf: string, probeUrl: string, cpus?: string): Promise<ChildProcess> {
  requireNginx();
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, mainConf);
  const test = spawnSync(NGINX, ['-t', '-q', '-c', file, '-p', dir], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx rejected its configuration:\n${test.stderr}`);
  const [cmd, args] = pinned(cpus, NGINX, ['-c', file, '-p', dir, '-g', 'daemon off;']);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(probeUrl, 10_000, () => child.exitCode !== null);
  return child;
}

function pinned(cpus: string | undefined, cmd: string, args: string[]): [string, string[]] {
  return cpus && fs.existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', cpus, cmd, ...args]] : [cmd, args];
}

export async function waitFor(url: string, timeoutMs: number, died: () => boolean = () => false): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (died()) throw new Error(`the server for ${url} exited`);
    try {
      const r = await fetch(url, { redirect: 'manual' });
      await r.arrayBuffer();
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, signal);
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Starts `next start` instances of the current build and nginx in front of them. */
export async function startTopology(opts: TopologyOptions): Promise<Topology> {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('No production build: run `npx next build` first.');
  requireNginx();
  const log = opts.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-topology-'));
  fs.chmodSync(dir, 0o755);
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((c) => killGroup(c)));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nginxPort = await freePort();
    const url = `http://localhost:${nginxPort}`;
    const ports: number[] = [];
    for (let i = 0; i < (opts.instances ?? 2); i++) ports.push(await freePort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: opts.env?.AUTH_SECRET ?? `topology-${Math.random().toString(36).slice(2)}-secret-value`,
      AUTH_TRUST_HOST: 'true',
      TRUST_PROXY: 'true',
      SITE_URL: url,
      // Shared by every instance, as docs/deploy.md requires.
      MEDIA_DIR: path.join(dir, 'media'),
      UPLOAD_DIR: path.join(dir, 'uploads'),
      ...opts.env,
    };
    delete env.PGLITE_DIR;
    const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
    for (const port of ports) {
      const [cmd, args] = pinned(opts.cpus, process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1']);
      const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      log(`instance on :${port} (pid ${child.pid})`);
    }
    const instances = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(instances.map((u, i) => waitFor(`${u}/robots.txt`, 60_000, () => children[i]!.exitCode !== null)));
    const cacheDir = path.join(dir, 'cache');
    fs.mkdirSync(cacheDir, { mode: 0o777 });
    const site = renderSiteConf({ port: nginxPort, upstreams: ports.map((p) => `127.0.0.1:${p}`), cacheDir, staticDir: path.join(process.cwd(), '.next', 'static') });
    children.push(await startNginx(dir, nginxMainConf(dir, site), `http://127.0.0.1:${nginxPort}/robots.txt`, opts.cpus));
    log(`nginx with the micro-cache on :${nginxPort}`);
    return { url, instances, dir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
