/** On server start: open the database (which applies pending migrations), start the schedule clock. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, isBuildPhase } = await import('./lib/env');
  if (isBuildPhase()) return;
  if (!env().AUTH_SECRET) {
    throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it (and AUTH_TRUST_HOST=true behind your proxy); see README.');
  }
  const { getDb } = await import('./db');
  await getDb();
  const { startScheduleClock } = await import('./services/schedule-clock');
  startScheduleClock(env().SCHEDULE_TICK_MS);
}
