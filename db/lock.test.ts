import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './lock';

const tryLockInChild = (dir: string) =>
  spawnSync('npx', ['tsx', '-e', `import { lockDataDir } from './db/lock.ts'; lockDataDir(${JSON.stringify(dir)}); console.log('LOCKED');`], {
    encoding: 'utf8',
  });

describe('PGlite folder lock', () => {
  it('refuses a second process with a message that says what to do', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ms-lock-')), 'pglite');
    const release = lockDataDir(dir);
    try {
      const child = tryLockInChild(dir);
      expect(child.status).not.toBe(0);
      expect(child.stdout).not.toContain('LOCKED');
      expect(child.stderr).toContain(`already open in another process (pid ${process.pid}`);
      expect(child.stderr).toContain('PGLITE_DIR');
    } finally {
      release();
    }
    // Released: another process may now take it.
    expect(tryLockInChild(dir).stdout).toContain('LOCKED');
  });

  it('takes over a lock left by a process that died', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ms-lock-')), 'pglite');
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, command: 'gone' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
