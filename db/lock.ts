import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite corrupts silently when two processes open one folder (measured: committed rows
 * lost). A lock file beside the folder, holding the owner's pid, makes the second opener
 * fail loudly instead.
 */
export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number, command: string) {
    super(
      `The embedded database folder ${dataDir} is already open in another process (pid ${pid}: ${command}).\n` +
        `Only one process may open it at a time. Stop that process (for example the running "npm run dev"),\n` +
        `or point this one at another folder with PGLITE_DIR=..., or use PostgreSQL with DATABASE_URL=...`,
    );
    this.name = 'DataDirBusyError';
  }
}

interface LockInfo {
  pid: number;
  command: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `dataDir` or throws DataDirBusyError. Returns a release function. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockInfo = { pid: process.pid, command: process.argv.slice(1, 3).join(' ') };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let held: LockInfo | null = null;
      try {
        held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        held = null; // half-written or vanished: treat as stale
      }
      if (held && held.pid === process.pid) return () => {};
      if (held && isAlive(held.pid)) throw new DataDirBusyError(dataDir, held.pid, held.command);
      fs.rmSync(lockPath, { force: true }); // owner died without cleaning up
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
