/** On server start: open the database, which applies pending migrations. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isBuildPhase } = await import('./lib/env');
  if (isBuildPhase()) return;
  const { getDb } = await import('./db');
  await getDb();
}
