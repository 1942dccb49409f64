import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createPglite, migratePostgresUrl, pgliteDrizzle } from '@/db';
import { seedDemo } from '@/db/seed';
import { LocalDiskStorage } from '@/lib/storage';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import type { Db } from '@/db';

/**
 * Builds two template databases once per run — migrated-empty and migrated+seeded — that
 * every test file clones. PGlite (default): data-dir dumps. PostgreSQL (TEST_DATABASE_URL,
 * an admin URL): real databases used as CREATE DATABASE … TEMPLATE, dropped at the end.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    dbMode: 'pglite' | 'postgres';
    templates: { empty: string; seeded: string };
    manifest: string;
    mediaDir: string;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-vitest-'));
  const mediaDir = path.join(work, 'media');
  const storage = new LocalDiskStorage(mediaDir);
  const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(work, { recursive: true, force: true })];

  let templates: { empty: string; seeded: string };
  let manifest;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const tag = `${process.pid}_${Date.now().toString(36)}`;
    templates = { empty: `ms_tmpl_empty_${tag}`, seeded: `ms_tmpl_seeded_${tag}` };
    cleanups.push(async () => {
      for (const name of Object.values(templates)) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    });
    for (const name of Object.values(templates)) {
      await admin.unsafe(`create database "${name}"`);
      await migratePostgresUrl(withDb(adminUrl, name));
    }
    const client = postgres(withDb(adminUrl, templates.seeded), { max: 1, onnotice: () => {} });
    manifest = await seedDemo(drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db, { storage, photoCount: 3 });
    await client.end();
  } else {
    const pg = await createPglite();
    const db = await pgliteDrizzle(pg);
    templates = { empty: path.join(work, 'empty.tar.gz'), seeded: path.join(work, 'seeded.tar.gz') };
    fs.writeFileSync(templates.empty, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
    manifest = await seedDemo(db, { storage, photoCount: 3 });
    fs.writeFileSync(templates.seeded, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
    await pg.close();
  }
  project.provide('dbMode', adminUrl ? 'postgres' : 'pglite');
  project.provide('templates', templates);
  project.provide('manifest', JSON.stringify(manifest));
  project.provide('mediaDir', mediaDir);

  return async () => {
    for (const c of cleanups.reverse()) await c();
  };
}

export function withDb(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
