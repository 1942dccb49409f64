import fs from 'node:fs';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { inject } from 'vitest';
import { createPglite, pgliteDrizzle, setDbForTesting, type Db } from '@/db';
import * as schema from '@/db/schema';
import type { SeedManifest } from '@/db/seed';
import { withDb } from './global-setup';

export interface TestDb {
  db: Db;
  close: () => Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the run's template (empty or seeded),
 * installed as the app's database (getDb() returns it). Close drops it.
 */
export async function createTestDb(kind: 'empty' | 'seeded' = 'seeded'): Promise<TestDb> {
  const template = inject('templates')[kind];
  let handle: TestDb;
  if (inject('dbMode') === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `ms_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    // Concurrent clones of one template can collide ("being accessed by other users"): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const client = postgres(withDb(adminUrl, name), { max: 5, onnotice: () => {} });
    handle = {
      db: drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db,
      close: async () => {
        await client.end();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  } else {
    const pg = await createPglite(undefined, new Blob([fs.readFileSync(template)]));
    handle = { db: await pgliteDrizzle(pg, { migrate: false }), close: () => pg.close() };
  }
  setDbForTesting(handle.db);
  return {
    db: handle.db,
    close: async () => {
      setDbForTesting(undefined);
      await handle.close();
    },
  };
}

export const seedManifest = (): SeedManifest => JSON.parse(inject('manifest')) as SeedManifest;
