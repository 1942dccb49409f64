import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { env, isBuildPhase } from '@/lib/env';
import { lockDataDir } from './lock';
import { backfillSearchVectors } from './search-backfill';
import * as schema from './schema';

/**
 * The one database client. DATABASE_URL set → PostgreSQL through postgres.js; unset →
 * embedded PGlite in PGLITE_DIR (locked to this process). Migrations are applied on the
 * first open. Both drivers expose the same Drizzle API, typed here as the postgres-js one.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A client or an open transaction: services accept either. */
export type DbOrTx = Db | Tx;

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? (res as T[]) : (res as { rows: T[] }).rows);

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');
const MIGRATION_LOCK_ID = 727_274_001;

interface Handle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
}

// Kept on globalThis so that dev-server hot reloads reuse the open database.
const g = globalThis as unknown as { __minshengDb?: Promise<Handle>; __minshengTestDb?: Db };

export function getDb(): Promise<Db> {
  if (g.__minshengTestDb) return Promise.resolve(g.__minshengTestDb);
  return getHandle().then((h) => h.db);
}

export async function getDbKind(): Promise<Handle['kind']> {
  return (await getHandle()).kind;
}

function getHandle(): Promise<Handle> {
  if (isBuildPhase()) {
    throw new Error('The database was opened during `next build`; pages that read it must render dynamically.');
  }
  if (!g.__minshengDb) {
    const { DATABASE_URL, PGLITE_DIR } = env();
    const opening = DATABASE_URL ? openPostgres(DATABASE_URL) : openPglite(PGLITE_DIR);
    // A failed open must not stay cached: the next call tries again.
    g.__minshengDb = opening.catch((e: unknown) => {
      g.__minshengDb = undefined;
      throw e;
    });
  }
  return g.__minshengDb;
}

export async function closeDb(): Promise<void> {
  const h = g.__minshengDb;
  g.__minshengDb = undefined;
  if (h) await (await h).close();
}

/** Tests point every query at their own fresh database. */
export function setDbForTesting(db: Db | undefined): void {
  g.__minshengTestDb = db;
}

export async function migratePostgresUrl(url: string): Promise<void> {
  // One connection holds an advisory lock so instances starting together migrate once.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_DIR });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end();
  }
}

async function openPostgres(url: string): Promise<Handle> {
  await migratePostgresUrl(url);
  const client = postgres(url, { max: env().DATABASE_POOL_MAX, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
  await backfillSearchVectors(db);
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Handle> {
  const release = lockDataDir(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const pg = await createPglite(dataDir);
    const db = await pgliteDrizzle(pg);
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await pg.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Opens PGlite (a folder, or memory when dataDir is undefined) with the extensions we use. */
export async function createPglite(dataDir?: string, loadDataDir?: Blob) {
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create({ dataDir, loadDataDir });
}

type PGliteInstance = Awaited<ReturnType<typeof createPglite>>;

/** Wraps a PGlite instance in Drizzle and applies pending migrations. */
export async function pgliteDrizzle(pg: PGliteInstance, { migrate = true } = {}): Promise<Db> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle(pg, { schema, casing: 'snake_case' });
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db, { migrationsFolder: MIGRATIONS_DIR });
    await backfillSearchVectors(db as unknown as Db);
  }
  return db as unknown as Db;
}

export { schema };
