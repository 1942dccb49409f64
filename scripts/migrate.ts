/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded folder. */
import { closeDb, getDb, getDbKind } from '@/db';
import { env } from '@/lib/env';

try {
  await getDb();
  const kind = await getDbKind();
  console.log(`Migrations applied (${kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${env().PGLITE_DIR}`}).`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await closeDb();
}
