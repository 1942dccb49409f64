import 'server-only';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { columns, regions, teams, userColumnScopes, userRegionScopes, users } from '@/db/schema';
import type { Principal } from '@/domain/permissions';
import type { Role } from '@/domain/roles';
import { columnSubtreeIds } from './site';

export interface LoginCandidate {
  id: number;
  passwordHash: string;
  active: boolean;
  role: Role;
  displayName: string;
  sessionVersion: number;
}

/** A user by username (any case) or phone number, for signing in. */
export async function findUserForLogin(login: string): Promise<LoginCandidate | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      role: users.role,
      displayName: users.displayName,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${login})`, eq(users.phone, login)))
    .limit(1);
  return row ?? null;
}

export interface SessionUser {
  id: number;
  role: Role;
  name: string;
  active: boolean;
  sessionVersion: number;
}

/** The few fields a session check needs (one primary-key read). */
export async function getSessionUser(id: number, db?: DbOrTx): Promise<SessionUser | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({
      id: users.id,
      role: users.role,
      name: users.displayName,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * The person behind a session as the permission rules see them, or null when the user is
 * gone, disabled, or the session was issued before their last revocation.
 */
export async function loadPrincipal(id: number, sessionVersion: number, conn?: DbOrTx): Promise<Principal | null> {
  const db = conn ?? (await getDb());
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.displayName,
      teamId: users.teamId,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  let columnScope: number[] | null = null;
  let regionScope: string[] | null = null;
  if (user.role === 'editor') {
    const [cols, regs] = await Promise.all([
      db.select({ id: userColumnScopes.columnId }).from(userColumnScopes).where(eq(userColumnScopes.userId, id)),
      db
        .select({ path: regions.path })
        .from(userRegionScopes)
        .innerJoin(regions, eq(regions.id, userRegionScopes.regionId))
        .where(eq(userRegionScopes.userId, id)),
    ]);
    if (cols.length) {
      const all = await db.select({ id: columns.id, parentId: columns.parentId }).from(columns);
      columnScope = [...new Set(cols.flatMap((c) => columnSubtreeIds(all, c.id)))];
    }
    if (regs.length) regionScope = regs.map((r) => r.path);
  }
  return { id: user.id, role: user.role, name: user.name, teamId: user.teamId, columnScope, regionScope };
}

/** Team members (to notify a team), active only. */
export async function teamMemberIds(teamId: number, db: DbOrTx): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.teamId} = ${teamId} and ${users.active} and ${users.role} = 'contributor'`);
  return rows.map((r) => r.id);
}

/** Active staff of the given roles, with their scopes, to find who an event concerns. */
export async function staffWithRoles(roles: Role[], db: DbOrTx) {
  const rows = await db
    .select({ id: users.id, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(sql`${users.active} and ${inArray(users.role, roles)}`);
  return rows;
}

export async function getTeamName(teamId: number, db?: DbOrTx): Promise<string | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
  return row?.name ?? null;
}
