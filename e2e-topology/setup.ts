import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTopology } from '../scripts/topology';

/**
 * Seeds TOPOLOGY_DATABASE_URL (a fresh database the runner made) and starts two instances
 * and nginx on it. The tests read TOPOLOGY (JSON: url, instances, manifest file).
 */
export default async function setup() {
  const databaseUrl = process.env.TOPOLOGY_DATABASE_URL;
  if (!databaseUrl) throw new Error('TOPOLOGY_DATABASE_URL is not set: run these tests through `npm test`, which makes a fresh PostgreSQL database for them.');
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-topology-seed-')), 'manifest.json');
  const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--manifest', manifest], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PGLITE_DIR: '' },
    stdio: 'inherit',
  });
  if (seed.status !== 0) throw new Error('seeding the topology database failed');
  const topology = await startTopology({ databaseUrl, instances: 2, log: (l) => console.log(`  ${l}`) });
  process.env.TOPOLOGY = JSON.stringify({ url: topology.url, instances: topology.instances, manifest });
  return async () => {
    await topology.stop();
    fs.rmSync(path.dirname(manifest), { recursive: true, force: true });
  };
}
