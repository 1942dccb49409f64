import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { columns, rateLimits, regions, teams, userColumnScopes, userRegionScopes, users } from '@/db/schema';
import { findLoginClash, getUserForEdit, type UserEdit } from '@/db/queries/admin';
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  userIdSchema,
} from '@/domain/admin-input';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import type { Role } from '@/domain/roles';
import { generatePassword, hashPassword } from '@/lib/password';
import { writeEvent } from '../events';
import { accountKey } from '../login';
import { bumpSessionVersion } from '../sessions';
import { changedFields, fieldError, requireAdmin, uniqueViolation } from './shared';

// Users, for the admin. Every change that affects what a person may do or how they sign in
// (role, team, scope, username, phone, password, disabling) ends their sessions in the same
// transaction; a display-name change does not (each request re-reads the name anyway).

const USER_NOT_FOUND = '没有找到这个用户,可能已被删除。';
const ACCESS_FIELDS = ['username', 'phone', 'role', 'teamId', 'columnIds', 'regionIds'] as const;

interface UserFields {
  username: string;
  displayName: string;
  phone: string | null;
  role: Role;
  teamId: number | null;
  columnIds: number[];
  regionIds: number[];
}

async function loadUser(tx: Tx, id: number): Promise<UserEdit> {
  const u = await getUserForEdit(id, tx, true);
  if (!u) throw new AppError('NOT_FOUND', USER_NOT_FOUND);
  return u;
}

/** The team, columns and regions named must exist; a new member cannot join a stopped team. */
async function checkReferences(tx: Tx, f: UserFields, previousTeamId: number | null) {
  if (f.teamId != null) {
    const [team] = await tx.select({ active: teams.active }).from(teams).where(eq(teams.id, f.teamId));
    if (!team) throw fieldError('teamId', '请选择工作队');
    if (!team.active && f.teamId !== previousTeamId) throw fieldError('teamId', '这个工作队已停用,不能再加入新队员');
  }
  if (f.columnIds.length) {
    const found = await tx.select({ id: columns.id }).from(columns).where(inArray(columns.id, f.columnIds));
    if (found.length !== f.columnIds.length) throw fieldError('columnIds', '所选栏目有的已不存在,请刷新页面后重选');
  }
  if (f.regionIds.length) {
    const found = await tx.select({ id: regions.id }).from(regions).where(inArray(regions.id, f.regionIds));
    if (found.length !== f.regionIds.length) throw fieldError('regionIds', '所选地区有的已不存在,请刷新页面后重选');
  }
}

async function refuseLoginClash(tx: Tx, f: UserFields, exceptId?: number) {
  const clash = await findLoginClash(tx, f, exceptId);
  if (clash.username) throw fieldError('username', `用户名「${f.username}」已被使用,请换一个`);
  if (clash.phone) throw fieldError('phone', '这个手机号已被其他账号使用');
}

/** A unique violation that slipped past the check (two admins at once) gets the same field message. */
function mapUnique(e: unknown, f: UserFields): never {
  const constraint = uniqueViolation(e);
  if (constraint === 'users_username_lower_idx') throw fieldError('username', `用户名「${f.username}」已被使用,请换一个`);
  if (constraint === 'users_phone_idx') throw fieldError('phone', '这个手机号已被其他账号使用');
  throw e;
}

/**
 * Whether `userId` is the last active admin (demoting or disabling them would leave nobody
 * to manage users). Locks the admin rows so two admins demoting each other cannot both pass.
 */
async function isLastActiveAdmin(tx: Tx, userId: number): Promise<boolean> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .for('update');
  return !admins.some((a) => a.id !== userId);
}

async function writeScopes(tx: Tx, userId: number, f: Pick<UserFields, 'columnIds' | 'regionIds'>) {
  await tx.delete(userColumnScopes).where(eq(userColumnScopes.userId, userId));
  await tx.delete(userRegionScopes).where(eq(userRegionScopes.userId, userId));
  if (f.columnIds.length) await tx.insert(userColumnScopes).values(f.columnIds.map((columnId) => ({ userId, columnId })));
  if (f.regionIds.length) await tx.insert(userRegionScopes).values(f.regionIds.map((regionId) => ({ userId, regionId })));
}

/** A lock-out from earlier failed sign-ins would stop the person using the new password. */
async function clearLoginLock(tx: Tx, u: Pick<UserEdit, 'username' | 'phone'>) {
  const keys = [accountKey(u.username), ...(u.phone ? [accountKey(u.phone)] : [])];
  await tx.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

export interface CreateUserResult {
  id: number;
  /** The generated password, when the admin left the field empty: shown once, never stored. */
  temporaryPassword: string | null;
  tags: string[];
}

export async function createUser(p: Principal | null, raw: unknown): Promise<CreateUserResult> {
  const admin = requireAdmin(p);
  const { password, ...f } = createUserSchema.parse(raw);
  const temporaryPassword = password === '' ? generatePassword() : null;
  // Hashing is slow on purpose: done before the transaction, not while holding locks.
  const passwordHash = await hashPassword(temporaryPassword ?? password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await checkReferences(tx, f, null);
    await refuseLoginClash(tx, f);
    const [row] = await tx
      .insert(users)
      .values({ username: f.username, displayName: f.displayName, phone: f.phone, role: f.role, teamId: f.teamId, passwordHash })
      .returning({ id: users.id })
      .catch((e: unknown) => mapUnique(e, f));
    const id = row!.id;
    await writeScopes(tx, id, f);
    await writeEvent(tx, {
      actorId: admin.id,
      action: 'user.create',
      data: { userId: id, after: f, passwordGenerated: temporaryPassword != null },
    });
    return { id, temporaryPassword, tags: [] };
  });
}

export interface UpdateUserResult {
  id: number;
  changed: boolean;
  sessionsEnded: boolean;
  tags: string[];
}

export async function updateUser(p: Principal | null, raw: unknown): Promise<UpdateUserResult> {
  const admin = requireAdmin(p);
  const { id, ...f } = updateUserSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const u = await loadUser(tx, id);
    const before: UserFields = {
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      role: u.role,
      teamId: u.teamId,
      columnIds: u.columnIds,
      regionIds: u.regionIds,
    };
    const after: UserFields = { ...f, columnIds: [...f.columnIds].sort((a, b) => a - b), regionIds: [...f.regionIds].sort((a, b) => a - b) };
    const diff = changedFields(before, after);
    if (!diff) return { id, changed: false, sessionsEnded: false, tags: [] };
    if (u.role === 'admin' && f.role !== 'admin') {
      if (u.id === admin.id) throw fieldError('role', '不能取消自己的管理员角色。如需更换,请由另一位管理员操作。');
      if (u.active && (await isLastActiveAdmin(tx, u.id))) {
        throw fieldError('role', '这是最后一位在用的管理员,不能改为其他角色。请先把另一位用户设为管理员。');
      }
    }
    await checkReferences(tx, f, u.teamId);
    await refuseLoginClash(tx, f, id);
    await tx
      .update(users)
      .set({ username: f.username, displayName: f.displayName, phone: f.phone, role: f.role, teamId: f.teamId, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .catch((e: unknown) => mapUnique(e, f));
    if ('columnIds' in diff.after || 'regionIds' in diff.after) await writeScopes(tx, id, f);
    const sessionsEnded = ACCESS_FIELDS.some((k) => k in diff.after);
    if (sessionsEnded) await bumpSessionVersion(tx, id);
    await writeEvent(tx, { actorId: admin.id, action: 'user.update', data: { userId: id, ...diff, sessionsEnded } });
    return { id, changed: true, sessionsEnded, tags: [] };
  });
}

export interface ActiveResult {
  id: number;
  active: boolean;
  tags: string[];
}

/** 停用: the person can no longer sign in, and every open session ends at its next request. */
export async function disableUser(p: Principal | null, raw: unknown): Promise<ActiveResult> {
  const admin = requireAdmin(p);
  const { id } = userIdSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const u = await loadUser(tx, id);
    if (u.id === admin.id) throw new AppError('VALIDATION', '不能停用自己的账号。');
    if (!u.active) return { id, active: false, tags: [] };
    if (u.role === 'admin' && (await isLastActiveAdmin(tx, u.id))) {
      throw new AppError('VALIDATION', '这是最后一位在用的管理员,不能停用。请先把另一位用户设为管理员。');
    }
    await tx.update(users).set({ active: false, updatedAt: sql`now()` }).where(eq(users.id, id));
    await bumpSessionVersion(tx, id);
    await writeEvent(tx, { actorId: admin.id, action: 'user.disable', data: { userId: id, username: u.username } });
    return { id, active: false, tags: [] };
  });
}

/** 启用: the person may sign in again (sessions from before the disabling stay ended). */
export async function enableUser(p: Principal | null, raw: unknown): Promise<ActiveResult> {
  const admin = requireAdmin(p);
  const { id } = userIdSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const u = await loadUser(tx, id);
    if (u.active) return { id, active: true, tags: [] };
    await tx.update(users).set({ active: true, updatedAt: sql`now()` }).where(eq(users.id, id));
    await bumpSessionVersion(tx, id);
    await clearLoginLock(tx, u);
    await writeEvent(tx, { actorId: admin.id, action: 'user.enable', data: { userId: id, username: u.username } });
    return { id, active: true, tags: [] };
  });
}

export interface ResetPasswordResult {
  id: number;
  temporaryPassword: string | null;
  tags: string[];
}

/** Sets a new password (or generates one, shown once) and ends the person's sessions. */
export async function resetPassword(p: Principal | null, raw: unknown): Promise<ResetPasswordResult> {
  const admin = requireAdmin(p);
  const { id, password } = resetPasswordSchema.parse(raw);
  const temporaryPassword = password === '' ? generatePassword() : null;
  const passwordHash = await hashPassword(temporaryPassword ?? password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const u = await loadUser(tx, id);
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, id));
    await bumpSessionVersion(tx, id);
    await clearLoginLock(tx, u);
    await writeEvent(tx, {
      actorId: admin.id,
      action: 'user.reset_password',
      data: { userId: id, username: u.username, generated: temporaryPassword != null },
    });
    return { id, temporaryPassword, tags: [] };
  });
}
