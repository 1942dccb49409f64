/** Runs wrk (Debian package `wrk`) and reads its numbers. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export const WRK = process.env.WRK_PATH || '/usr/bin/wrk';

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** wrk's latency units to milliseconds. */
function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

export function parseWrk(out: string): WrkResult {
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const lat = (p: string) => toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: lat('50'),
    p99: lat('99'),
    requests: num(/(\d+) requests in/),
    errors: errs ? errs.slice(1).reduce((s, x) => s + Number(x), 0) : 0,
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/) || 0,
  };
}

export async function wrk(opts: { url: string; connections: number; seconds: number; cpus?: string; script?: string; threads?: number }): Promise<WrkResult> {
  if (!fs.existsSync(WRK)) throw new Error(`wrk not found at ${WRK}: apt-get install -y wrk (or set WRK_PATH).`);
  const args = ['-t', String(opts.threads ?? 1), '-c', String(opts.connections), '-d', `${opts.seconds}s`, '--latency', ...(opts.script ? ['-s', opts.script] : []), opts.url];
  const [cmd, full] = opts.cpus && fs.existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', ['-c', opts.cpus, WRK, ...args]] : [WRK, args];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
  });
  return parseWrk(out);
}
