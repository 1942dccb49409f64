import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns, rateLimits, regions, teams, userColumnScopes, userRegionScopes, users } from '@/db/schema';
import { loadPrincipal } from '@/db/queries/users';
import { DEMO_PASSWORD } from '@/db/seed';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { verifyPassword } from '@/lib/password';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { expectRefusedUnchanged, fieldMessage, lastEvent as lastEventOf } from '@/test/refusal';
import { authenticate } from '../login';
import { createUser, disableUser, enableUser, resetPassword, updateUser } from './users';

let t: TestDb;
let admin: Principal, chief: Principal, editor: Principal, reporter1: Principal;
let teamId: number, stoppedTeamId: number, columnId: number, regionId: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  chief = await principalOf(t.db, 'chief');
  editor = await principalOf(t.db, 'editor');
  reporter1 = await principalOf(t.db, 'reporter1');
  teamId = reporter1.teamId!;
  const [region] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'county')).limit(1);
  regionId = region!.id;
  const [stopped] = await t.db.insert(teams).values({ name: '已停用的测试工作队', shortName: '停用队', regionId, active: false }).returning({ id: teams.id });
  stoppedTeamId = stopped!.id;
  const [col] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'minsheng'));
  columnId = col!.id;
});
afterAll(() => t.close());

const userRow = async (id: number) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;
const lastEvent = (action: string) => lastEventOf(t.db, action);

const refused = (call: () => Promise<unknown>) => expectRefusedUnchanged(t.db, call);
const code = (e: unknown) => (e as AppError).code;

let seq = 0;
const contributor = (extra: Record<string, unknown> = {}) => ({
  username: `member${++seq}`,
  displayName: `队员${seq}`,
  phone: '',
  role: 'contributor',
  teamId,
  password: 'a-long-password',
  ...extra,
});

describe('createUser', () => {
  it('creates a contributor who can sign in, and writes user.create without the password', async () => {
    const r = await createUser(admin, contributor({ username: 'aliya', displayName: '  阿丽娅 ', phone: '13900000001' }));
    expect(r.temporaryPassword).toBeNull();
    expect(await userRow(r.id)).toMatchObject({ username: 'aliya', displayName: '阿丽娅', phone: '13900000001', role: 'contributor', teamId, active: true });
    expect((await authenticate('aliya', 'a-long-password', 'u1')).ok).toBe(true);
    const ev = await lastEvent('user.create');
    expect(ev).toMatchObject({ actorId: admin.id, articleId: null, data: { userId: r.id, passwordGenerated: false, after: { username: 'aliya', role: 'contributor', teamId } } });
    expect(JSON.stringify(ev!.data)).not.toMatch(/a-long-password|argon2/);
  });

  it('generates a strong temporary password when none is given, shown once', async () => {
    const r = await createUser(admin, contributor({ password: '' }));
    expect(r.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(await verifyPassword((await userRow(r.id)).passwordHash, r.temporaryPassword!)).toBe(true);
    expect((await lastEvent('user.create'))!.data).toMatchObject({ passwordGenerated: true });
    expect(JSON.stringify((await lastEvent('user.create'))!.data)).not.toContain(r.temporaryPassword!);
  });

  it('gives an editor column and region scopes; staff keep no team', async () => {
    const r = await createUser(admin, { ...contributor(), role: 'editor', teamId, columnIds: [columnId, columnId], regionIds: [regionId] });
    expect((await userRow(r.id)).teamId).toBeNull();
    const scoped = await loadPrincipal(r.id, 1, t.db);
    expect(scoped!.columnScope).toContain(columnId);
    expect(scoped!.regionScope).toHaveLength(1);
    // Scopes mean nothing to a chief editor: none are stored.
    const c = await createUser(admin, { ...contributor(), role: 'chief_editor', teamId: null, columnIds: [columnId] });
    expect(await t.db.select().from(userColumnScopes).where(eq(userColumnScopes.userId, c.id))).toEqual([]);
  });

  it('refuses a taken username (any case) or phone with a field message, changing nothing', async () => {
    let e = await refused(() => createUser(admin, contributor({ username: 'EDITOR' })));
    expect(fieldMessage(e, 'username')).toBe('用户名「EDITOR」已被使用,请换一个');
    e = await refused(() => createUser(admin, contributor({ phone: '13800000002' })));
    expect(fieldMessage(e, 'phone')).toBe('这个手机号已被其他账号使用');
  });

  it('refuses bad input with Chinese messages, changing nothing', async () => {
    let e = await refused(() => createUser(admin, contributor({ teamId: null })));
    expect(fieldMessage(e, 'teamId')).toBe('驻村工作队队员必须属于一个工作队');
    e = await refused(() => createUser(admin, contributor({ password: 'short' })));
    expect(fieldMessage(e, 'password')).toBe('密码至少 10 位');
    e = await refused(() => createUser(admin, contributor({ username: '张三' })));
    expect(fieldMessage(e, 'username')).toMatch(/^用户名为 3–32 位/);
    e = await refused(() => createUser(admin, contributor({ phone: '12345' })));
    expect(fieldMessage(e, 'phone')).toBe('手机号应为 11 位数字,以 1 开头');
    e = await refused(() => createUser(admin, contributor({ teamId: stoppedTeamId })));
    expect(fieldMessage(e, 'teamId')).toBe('这个工作队已停用,不能再加入新队员');
    e = await refused(() => createUser(admin, { ...contributor(), role: 'editor', columnIds: [99_999_999] }));
    expect(fieldMessage(e, 'columnIds')).toMatch(/栏目/);
  });

  it('is for admins only: an editor or chief editor is FORBIDDEN and nothing changes', async () => {
    for (const who of [editor, chief, reporter1]) expect(code(await refused(() => createUser(who, contributor())))).toBe('FORBIDDEN');
    expect(code(await refused(() => createUser(null, contributor())))).toBe('UNAUTHENTICATED');
  });
});

describe('updateUser', () => {
  const editInput = async (id: number, patch: Record<string, unknown> = {}) => {
    const u = await userRow(id);
    const cols = await t.db.select({ id: userColumnScopes.columnId }).from(userColumnScopes).where(eq(userColumnScopes.userId, id));
    const regs = await t.db.select({ id: userRegionScopes.regionId }).from(userRegionScopes).where(eq(userRegionScopes.userId, id));
    return {
      id,
      username: u.username,
      displayName: u.displayName,
      phone: u.phone ?? '',
      role: u.role,
      teamId: u.teamId,
      columnIds: cols.map((c) => c.id),
      regionIds: regs.map((r) => r.id),
      ...patch,
    };
  };

  it('a display-name change keeps the sessions; the event has before and after', async () => {
    const { id } = await createUser(admin, contributor());
    const sv = (await userRow(id)).sessionVersion;
    const r = await updateUser(admin, await editInput(id, { displayName: '新名字' }));
    expect(r).toMatchObject({ changed: true, sessionsEnded: false });
    expect(await userRow(id)).toMatchObject({ displayName: '新名字', sessionVersion: sv });
    expect((await lastEvent('user.update'))!.data).toEqual({ userId: id, before: { displayName: expect.any(String) }, after: { displayName: '新名字' }, sessionsEnded: false });
  });

  it('role, team, scope, username and phone changes end the sessions', async () => {
    const { id } = await createUser(admin, contributor());
    const [otherTeam] = await t.db.select({ id: teams.id }).from(teams).where(sql`${teams.id} <> ${teamId} and ${teams.active}`).limit(1);
    const changes: Record<string, unknown>[] = [
      { teamId: otherTeam!.id },
      { username: `renamed${seq}` },
      { phone: '13900000077' },
      { role: 'editor', teamId: null },
      { columnIds: [columnId] },
      { regionIds: [regionId] },
    ];
    for (const patch of changes) {
      const sv = (await userRow(id)).sessionVersion;
      const r = await updateUser(admin, await editInput(id, patch));
      expect(r.sessionsEnded, JSON.stringify(patch)).toBe(true);
      expect((await userRow(id)).sessionVersion).toBe(sv + 1);
      // The old session is refused from now on.
      expect(await loadPrincipal(id, sv, t.db)).toBeNull();
    }
    expect((await lastEvent('user.update'))!.data).toMatchObject({ before: { regionIds: [] }, after: { regionIds: [regionId] }, sessionsEnded: true });
  });

  it('writes nothing when nothing changed', async () => {
    const { id } = await createUser(admin, contributor());
    const before = await databaseFingerprint(t.db);
    expect(await updateUser(admin, await editInput(id))).toMatchObject({ changed: false });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('refuses a taken username on edit with a field message', async () => {
    const { id } = await createUser(admin, contributor());
    const e = await refused(async () => updateUser(admin, await editInput(id, { username: 'Reporter2' })));
    expect(fieldMessage(e, 'username')).toBe('用户名「Reporter2」已被使用,请换一个');
  });

  it('an admin cannot drop their own admin role', async () => {
    const e = await refused(async () => updateUser(admin, await editInput(admin.id, { role: 'editor' })));
    expect(fieldMessage(e, 'role')).toMatch(/^不能取消自己的管理员角色/);
  });

  it('the last active admin cannot be demoted', async () => {
    // A new admin, then every other admin demoted behind the acting admin's back (as if by
    // someone else a moment ago): the new one is now the last active admin.
    const { id } = await createUser(admin, { ...contributor(), role: 'admin', teamId: null });
    const other = (await loadPrincipal(id, 1, t.db))!;
    const others = await t.db.select({ id: users.id }).from(users).where(sql`${users.role} = 'admin' and ${users.id} <> ${id}`);
    await t.db.update(users).set({ role: 'editor' }).where(inArray(users.id, others.map((o) => o.id)));
    try {
      const e = await refused(async () => updateUser(admin, await editInput(id, { role: 'chief_editor' })));
      expect(fieldMessage(e, 'role')).toMatch(/^这是最后一位在用的管理员/);
      const d = await refused(() => disableUser(admin, { id }));
      expect((d as AppError).message).toMatch(/^这是最后一位在用的管理员,不能停用/);
    } finally {
      await t.db.update(users).set({ role: 'admin' }).where(inArray(users.id, others.map((o) => o.id)));
    }
    // With two active admins, one may demote the other.
    await updateUser(admin, await editInput(id, { role: 'chief_editor' }));
    expect((await userRow(id)).role).toBe('chief_editor');
    expect(other.role).toBe('admin');
  });

  it('is for admins only', async () => {
    const { id } = await createUser(admin, contributor());
    for (const who of [editor, chief]) {
      expect(code(await refused(async () => updateUser(who, await editInput(id, { role: 'admin', teamId: null }))))).toBe('FORBIDDEN');
    }
  });
});

describe('disableUser / enableUser', () => {
  it('disabling ends the sessions and refuses sign-in; enabling lets the person in again', async () => {
    const { id } = await createUser(admin, contributor({ username: 'tobedisabled' }));
    const sv = (await userRow(id)).sessionVersion;
    expect(await disableUser(admin, { id })).toMatchObject({ active: false });
    expect(await userRow(id)).toMatchObject({ active: false, sessionVersion: sv + 1 });
    expect(await loadPrincipal(id, sv, t.db)).toBeNull();
    expect(await authenticate('tobedisabled', 'a-long-password', 'd1')).toEqual({ ok: false, reason: 'disabled' });
    expect((await lastEvent('user.disable'))!).toMatchObject({ actorId: admin.id, data: { userId: id, username: 'tobedisabled' } });

    expect(await enableUser(admin, { id })).toMatchObject({ active: true });
    const row = await userRow(id);
    expect(row.active).toBe(true);
    // A session from before the disabling stays ended.
    expect(await loadPrincipal(id, sv, t.db)).toBeNull();
    expect(await loadPrincipal(id, row.sessionVersion, t.db)).not.toBeNull();
    expect((await authenticate('tobedisabled', 'a-long-password', 'd1')).ok).toBe(true);
    expect((await lastEvent('user.enable'))!).toMatchObject({ actorId: admin.id, data: { userId: id } });
  });

  it('an admin cannot disable themselves', async () => {
    const e = await refused(() => disableUser(admin, { id: admin.id }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toBe('不能停用自己的账号。');
  });

  it('is for admins only; a missing user is NOT_FOUND', async () => {
    const { id } = await createUser(admin, contributor());
    for (const who of [editor, chief]) {
      expect(code(await refused(() => disableUser(who, { id })))).toBe('FORBIDDEN');
      expect(code(await refused(() => enableUser(who, { id })))).toBe('FORBIDDEN');
    }
    expect(code(await refused(() => disableUser(admin, { id: 99_999_999 })))).toBe('NOT_FOUND');
  });
});

describe('resetPassword', () => {
  it('sets the admin’s password, ends the sessions and lifts a lock-out; the event holds no password', async () => {
    const { id } = await createUser(admin, contributor({ username: 'forgetful' }));
    await t.db.insert(rateLimits).values({ key: 'login:acct:forgetful', points: 5, strikes: 1, expiresAt: new Date(Date.now() + 600_000), lockedUntil: new Date(Date.now() + 600_000) });
    const sv = (await userRow(id)).sessionVersion;
    expect(await resetPassword(admin, { id, password: 'brand-new-secret' })).toMatchObject({ temporaryPassword: null });
    expect((await userRow(id)).sessionVersion).toBe(sv + 1);
    expect((await authenticate('forgetful', 'brand-new-secret', 'r1')).ok).toBe(true);
    expect((await authenticate('forgetful', 'a-long-password', 'r2')).ok).toBe(false);
    const ev = await lastEvent('user.reset_password');
    expect(ev).toMatchObject({ actorId: admin.id, data: { userId: id, generated: false } });
    expect(JSON.stringify(ev!.data)).not.toMatch(/brand-new-secret|argon2/);
  });

  it('generates a temporary password when none is given', async () => {
    const { id } = await createUser(admin, contributor());
    const r = await resetPassword(admin, { id, password: '' });
    expect(r.temporaryPassword).toHaveLength(19);
    expect(await verifyPassword((await userRow(id)).passwordHash, r.temporaryPassword!)).toBe(true);
  });

  it('refuses short passwords and non-admins, changing nothing', async () => {
    const e = await refused(() => resetPassword(admin, { id: reporter1.id, password: '123456789' }));
    expect(fieldMessage(e, 'password')).toBe('密码至少 10 位');
    for (const who of [editor, chief]) expect(code(await refused(() => resetPassword(who, { id: reporter1.id, password: DEMO_PASSWORD })))).toBe('FORBIDDEN');
  });
});
