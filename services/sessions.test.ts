import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { loadPrincipal } from '@/db/queries/users';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { bumpSessionVersion, signOutEverywhere } from './sessions';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const versionOf = async (username: string) =>
  (await t.db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.username, username)))[0]!;

describe('session revocation', () => {
  it('"sign out everywhere" ends every session issued before it', async () => {
    const p = await principalOf(t.db, 'editor');
    const { id, sv } = await versionOf('editor');
    expect(await loadPrincipal(id, sv)).not.toBeNull();
    await signOutEverywhere(p);
    expect(await loadPrincipal(id, sv)).toBeNull();
    expect(await loadPrincipal(id, sv + 1)).not.toBeNull();
  });

  it('disabling a user ends their sessions at once', async () => {
    const { id, sv } = await versionOf('reporter2');
    await t.db.update(users).set({ active: false }).where(eq(users.id, id));
    expect(await loadPrincipal(id, sv)).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, id));
  });

  it('a role change (which bumps the version) ends them too, and the new role comes from the database', async () => {
    const { id, sv } = await versionOf('editor2');
    await t.db.update(users).set({ role: 'chief_editor' }).where(eq(users.id, id));
    await bumpSessionVersion(t.db, id);
    expect(await loadPrincipal(id, sv)).toBeNull();
    expect((await loadPrincipal(id, sv + 1))?.role).toBe('chief_editor');
  });
});
