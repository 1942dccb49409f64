import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { loadPrincipal } from '@/db/queries/users';
import type { Principal } from '@/domain/permissions';

/** The seeded user as the rules see them (fresh from the database). */
export async function principalOf(db: Db, username: string): Promise<Principal> {
  const [u] = await db
    .select({ id: users.id, sv: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!u) throw new Error(`no seeded user ${username}`);
  const p = await loadPrincipal(u.id, u.sv, db);
  if (!p) throw new Error(`seeded user ${username} is inactive`);
  return p;
}

/** A fingerprint of every table's content, to prove a refused call changed nothing. */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = (Array.isArray(tables) ? tables : (tables as unknown as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
  const parts: string[] = [];
  for (const name of names) {
    const res = await db.execute<{ h: string | null }>(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`),
    );
    const rows = Array.isArray(res) ? res : (res as unknown as { rows: { h: string | null }[] }).rows;
    parts.push(`${name}:${rows[0]?.h ?? ''}`);
  }
  return parts.join('\n');
}
