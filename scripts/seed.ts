/**
 * `npm run db:seed`: demo content into an empty database.
 *   --if-empty        do nothing (quietly) when the database already has content
 *   --reset           wipe the database (every table) and seed afresh — demo/dev only
 *   --manifest FILE   write the ids of articles in known states (used by the e2e tests)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getDbKind } from '@/db';
import { DEMO_PASSWORD, DEMO_USERS, hasContent, seedDemo } from '@/db/seed';
import { env } from '@/lib/env';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const manifestPath = args.includes('--manifest') ? args[args.indexOf('--manifest') + 1] : undefined;

function printLogins() {
  console.log('\nDemo logins (password for all: %s):', DEMO_PASSWORD);
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(10)} ${u.role.padEnd(13)} ${u.displayName}`);
  console.log('');
}

async function main() {
  let db = await getDb();
  const where = (await getDbKind()) === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${env().PGLITE_DIR}`;
  if (await hasContent(db)) {
    if (flag('--reset')) {
      console.log(`Wiping ${where} (--reset)…`);
      await db.execute(sql`drop schema if exists drizzle cascade`);
      await db.execute(sql`drop schema public cascade`);
      await db.execute(sql`create schema public`);
      await closeDb();
      db = await getDb(); // re-applies the migrations
      // A built app's data cache (kept in .next/cache across restarts) describes the old content.
      fs.rmSync(path.join('.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
    } else if (flag('--if-empty')) {
      console.log(`Database ${where} already has content; not seeding.`);
      printLogins();
      return;
    } else {
      console.error(`Database ${where} already has content; refusing to seed. Use --reset to wipe it and seed again.`);
      process.exitCode = 1;
      return;
    }
  }
  console.log(`Seeding demo content into ${where}…`);
  const started = Date.now();
  const manifest = await seedDemo(db, { log: console.log });
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (manifestPath) fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  printLogins();
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
