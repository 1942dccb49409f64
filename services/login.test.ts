import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed';
import { createTestDb, type TestDb } from '@/test/db';
import { authenticate } from './login';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe('login', () => {
  it('signs in by username (any case) or phone number', async () => {
    expect((await authenticate('Editor', DEMO_PASSWORD, 'c1')).ok).toBe(true);
    expect((await authenticate('13800000002', DEMO_PASSWORD, 'c1')).ok).toBe(true);
    expect(await authenticate('editor', 'wrong-password', 'c1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate('nobody', DEMO_PASSWORD, 'c1')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a disabled user even with the right password', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.username, 'reporter2'));
    expect(await authenticate('reporter2', DEMO_PASSWORD, 'c2')).toEqual({ ok: false, reason: 'disabled' });
    await t.db.update(users).set({ active: true }).where(eq(users.username, 'reporter2'));
  });

  it('locks an account after a few failures, longer each time, without touching other accounts', async () => {
    const t0 = new Date();
    for (let i = 0; i < 5; i++) {
      expect((await authenticate('chief', 'guess', `client-${i}`, at(t0, i))).ok).toBe(false);
    }
    const locked = await authenticate('chief', 'guess', 'client-x', at(t0, 6));
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    const first = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(first).toBeGreaterThanOrEqual(55);
    // Even the right password is refused while locked.
    expect(await authenticate('chief', DEMO_PASSWORD, 'client-y', at(t0, 30))).toMatchObject({ reason: 'locked' });
    // Another account from the same client is unaffected.
    expect((await authenticate('admin', DEMO_PASSWORD, 'client-x', at(t0, 30))).ok).toBe(true);
    // After the lock: one more failure locks again, for longer.
    const second = await authenticate('chief', 'guess', 'client-z', at(t0, 6 + first + 1));
    expect(second).toMatchObject({ reason: 'locked' });
    expect((second as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(first);
    // The lock lives in the database, shared by every instance.
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, 'login:acct:chief'));
    expect(row!.strikes).toBe(2);
  });

  it('a success clears the account counter', async () => {
    const t0 = new Date();
    for (let i = 0; i < 3; i++) await authenticate('editor2', 'guess', 'c3', at(t0, i));
    expect((await authenticate('editor2', DEMO_PASSWORD, 'c3', at(t0, 5))).ok).toBe(true);
    const rows = await t.db.select().from(rateLimits).where(eq(rateLimits.key, 'login:acct:editor2'));
    expect(rows).toHaveLength(0);
  });

  it('limits one client trying many accounts', async () => {
    const t0 = new Date();
    let last;
    for (let i = 0; i < 21; i++) last = await authenticate(`ghost${i}`, 'guess', 'attacker', at(t0, i));
    expect(last).toMatchObject({ reason: 'locked' });
    expect((await authenticate('reporter1', DEMO_PASSWORD, 'attacker', at(t0, 30))).ok).toBe(false);
    expect((await authenticate('reporter1', DEMO_PASSWORD, 'someone-else', at(t0, 30))).ok).toBe(true);
  });
});
