import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits, users } from '@/db/schema';
import { findUserForLogin } from '@/db/queries/users';
import { verifyPassword } from '@/lib/password';
import { env } from '@/lib/env';

/**
 * Credentials check with a lock-out that grows: a few free failures per account and per
 * client address, then 1, 2, 4 … minutes (at most an hour). State lives in PostgreSQL so
 * every app instance sees the same counts. Other accounts are never affected by one
 * account's lock.
 */

const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
// Verifying against a real hash when the user does not exist keeps timing uniform.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$4cy5DOvfZ3EmoMBd7FYyLA$YKK1a0vHUvToOUadrEt8AHB8KLs0SoABCE+nqGhTXOg';

export type LoginResult =
  | { ok: true; user: { id: number; name: string; role: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export const accountKey = (login: string) => `login:acct:${login.trim().toLowerCase()}`;
export const clientKey = (client: string) => `login:ip:${client}`;

async function lockedFor(keys: string[], now: Date): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ lockedUntil: rateLimits.lockedUntil })
    .from(rateLimits)
    .where(inArray(rateLimits.key, keys));
  let ms = 0;
  for (const r of rows) if (r.lockedUntil) ms = Math.max(ms, r.lockedUntil.getTime() - now.getTime());
  return Math.ceil(ms / 1000);
}

/** Counts one failure against a key; returns the seconds of lock it caused (0 if none). */
async function recordFailure(key: string, free: number, now: Date): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .insert(rateLimits)
      .values({ key, points: 0, strikes: 0, expiresAt: now })
      .onConflictDoNothing();
    const row = (await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).for('update'))[0]!;
    const expired = row.expiresAt.getTime() < now.getTime();
    let points = (expired ? 0 : row.points) + 1;
    let strikes = expired ? 0 : row.strikes;
    let lockedUntil: Date | null = expired ? null : row.lockedUntil;
    let lockMs = 0;
    if (points > free) {
      strikes += 1;
      lockMs = Math.min(BASE_LOCK_MS * 2 ** (strikes - 1), MAX_LOCK_MS);
      lockedUntil = new Date(now.getTime() + lockMs);
      points = free; // every further failure extends the lock
    }
    const expiresAt = new Date(Math.max(now.getTime(), lockedUntil?.getTime() ?? 0) + WINDOW_MS);
    await tx.update(rateLimits).set({ points, strikes, lockedUntil, expiresAt }).where(eq(rateLimits.key, key));
    return Math.ceil(lockMs / 1000);
  });
}

export async function authenticate(
  login: string,
  password: string,
  client: string,
  now: Date = new Date(),
): Promise<LoginResult> {
  const { LOGIN_FREE_FAILURES, LOGIN_FREE_FAILURES_PER_CLIENT } = env();
  const acct = accountKey(login);
  const ip = clientKey(client);
  const locked = await lockedFor([acct, ip], now);
  if (locked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: locked };

  const user = await findUserForLogin(login.trim());
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) {
    const [a, b] = [
      await recordFailure(acct, LOGIN_FREE_FAILURES, now),
      await recordFailure(ip, LOGIN_FREE_FAILURES_PER_CLIENT, now),
    ];
    const lock = Math.max(a, b);
    return lock > 0 ? { ok: false, reason: 'locked', retryAfterSeconds: lock } : { ok: false, reason: 'invalid' };
  }
  if (!user.active) return { ok: false, reason: 'disabled' };

  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, acct));
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
  return {
    ok: true,
    user: { id: user.id, name: user.displayName, role: user.role, sessionVersion: user.sessionVersion },
  };
}
