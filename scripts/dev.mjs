// `npm run dev`: seed the database when it is empty (printing the demo logins), then
// start `next dev`. The seed step closes the embedded database before Next opens it.
import { spawnSync, spawn } from 'node:child_process';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--if-empty'], { stdio: 'inherit' });
if (seed.status !== 0) process.exit(seed.status ?? 1);
const dev = spawn('npx', ['next', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', (code) => process.exit(code ?? 0));
