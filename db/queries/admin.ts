import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { articles, columns, pages, regions, siteSettings, teams, userColumnScopes, userRegionScopes, users, type FooterLink } from '@/db/schema';
import type { RichTextDoc } from '@/domain/rich-text';
import type { RegionLevel } from '@/domain/regions';
import type { Role } from '@/domain/roles';

// Reads for the administration pages (callers check `admin.manage` first). Everything
// returned is a DTO for the page: never a password hash.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export async function adminOverview() {
  const db = await getDb();
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [activeUsers, allUsers, activeTeams, regionCount, columnCount, pageCount] = await Promise.all([
    one(db.select({ n: count() }).from(users).where(eq(users.active, true))),
    one(db.select({ n: count() }).from(users)),
    one(db.select({ n: count() }).from(teams).where(eq(teams.active, true))),
    one(db.select({ n: count() }).from(regions)),
    one(db.select({ n: count() }).from(columns)),
    one(db.select({ n: count() }).from(pages)),
  ]);
  return { activeUsers, allUsers, activeTeams, regionCount, columnCount, pageCount };
}

// Users.

export const USERS_PAGE_SIZE = 50;

export interface UserFilters {
  role?: Role;
  teamId?: number;
  active?: boolean;
  /** A substring of the display name, username or phone. */
  q?: string;
  page?: number;
}

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  role: Role;
  teamName: string | null;
  active: boolean;
  lastLoginAt: string | null;
}

export async function listUsers(f: UserFilters): Promise<{ rows: UserRow[]; total: number; page: number }> {
  const db = await getDb();
  const parts: SQL[] = [];
  if (f.role) parts.push(eq(users.role, f.role));
  if (f.teamId) parts.push(eq(users.teamId, f.teamId));
  if (f.active !== undefined) parts.push(eq(users.active, f.active));
  const q = f.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    parts.push(or(ilike(users.displayName, pattern), ilike(users.username, pattern), ilike(users.phone, pattern))!);
  }
  const where = parts.length ? and(...parts) : undefined;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        phone: users.phone,
        role: users.role,
        teamName: teams.shortName,
        active: users.active,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(where)
      .orderBy(desc(users.active), asc(users.role), asc(users.username))
      .limit(USERS_PAGE_SIZE)
      .offset((page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, lastLoginAt: iso(r.lastLoginAt) })), total: totals[0]?.n ?? 0, page };
}

export interface UserEdit {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  role: Role;
  teamId: number | null;
  active: boolean;
  columnIds: number[];
  regionIds: number[];
  createdAt: string;
  lastLoginAt: string | null;
}

/** A user as the edit form and the user services see them (with scopes). */
export async function getUserForEdit(id: number, conn?: DbOrTx, lock = false): Promise<UserEdit | null> {
  const db = conn ?? (await getDb());
  const q = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
      role: users.role,
      teamId: users.teamId,
      active: users.active,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  const [u] = lock ? await q.for('update') : await q;
  if (!u) return null;
  const [cols, regs] = await Promise.all([
    db.select({ id: userColumnScopes.columnId }).from(userColumnScopes).where(eq(userColumnScopes.userId, id)),
    db.select({ id: userRegionScopes.regionId }).from(userRegionScopes).where(eq(userRegionScopes.userId, id)),
  ]);
  return {
    ...u,
    columnIds: cols.map((c) => c.id).sort((a, b) => a - b),
    regionIds: regs.map((r) => r.id).sort((a, b) => a - b),
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: iso(u.lastLoginAt),
  };
}

/** Id of another user with this username (any case) or phone, for a clear field message. */
export async function findLoginClash(conn: DbOrTx, f: { username: string; phone: string | null }, exceptId?: number) {
  const rows = await conn
    .select({ id: users.id, username: users.username, phone: users.phone })
    .from(users)
    .where(
      and(
        or(sql`lower(${users.username}) = lower(${f.username})`, f.phone ? eq(users.phone, f.phone) : sql`false`),
        exceptId ? sql`${users.id} <> ${exceptId}` : undefined,
      ),
    );
  return {
    username: rows.some((r) => r.username.toLowerCase() === f.username.toLowerCase()),
    phone: f.phone != null && rows.some((r) => r.phone === f.phone),
  };
}

// Regions and teams.

export interface RegionRow {
  id: number;
  parentId: number | null;
  level: RegionLevel;
  name: string;
  path: string;
  sort: number;
  teamCount: number;
}

export async function listRegions(conn?: DbOrTx): Promise<RegionRow[]> {
  const db = conn ?? (await getDb());
  const counts = db
    .select({ regionId: teams.regionId, n: count().as('n') })
    .from(teams)
    .groupBy(teams.regionId)
    .as('team_counts');
  const rows = await db
    .select({
      id: regions.id,
      parentId: regions.parentId,
      level: regions.level,
      name: regions.name,
      path: regions.path,
      sort: regions.sort,
      teamCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number),
    })
    .from(regions)
    .leftJoin(counts, eq(counts.regionId, regions.id))
    .orderBy(asc(regions.sort), asc(regions.id));
  return rows;
}

export interface TeamRow {
  id: number;
  name: string;
  shortName: string;
  regionId: number;
  active: boolean;
  memberCount: number;
}

export async function listTeams(): Promise<TeamRow[]> {
  const db = await getDb();
  const members = db
    .select({ teamId: users.teamId, n: count().as('n') })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.teamId)
    .as('member_counts');
  return db
    .select({
      id: teams.id,
      name: teams.name,
      shortName: teams.shortName,
      regionId: teams.regionId,
      active: teams.active,
      memberCount: sql<number>`coalesce(${members.n}, 0)`.mapWith(Number),
    })
    .from(teams)
    .leftJoin(members, eq(members.teamId, teams.id))
    .orderBy(desc(teams.active), asc(teams.id));
}

export interface TeamEdit {
  id: number;
  name: string;
  shortName: string;
  regionId: number;
  active: boolean;
  members: { id: number; username: string; displayName: string; active: boolean }[];
  publicArticles: number;
}

export async function getTeamForEdit(id: number): Promise<TeamEdit | null> {
  const db = await getDb();
  const [t] = await db
    .select({ id: teams.id, name: teams.name, shortName: teams.shortName, regionId: teams.regionId, active: teams.active })
    .from(teams)
    .where(eq(teams.id, id))
    .limit(1);
  if (!t) return null;
  const [members, published] = await Promise.all([
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
      .from(users)
      .where(eq(users.teamId, id))
      .orderBy(desc(users.active), asc(users.username)),
    db
      .select({ n: count() })
      .from(articles)
      .where(and(eq(articles.teamId, id), sql`${articles.status} in ('published', 'scheduled')`)),
  ]);
  return { ...t, members, publicArticles: published[0]?.n ?? 0 };
}

/** Teams for pickers (user form, filters): full name for the title, short name to show. */
export async function teamOptions() {
  const db = await getDb();
  return db
    .select({ id: teams.id, name: teams.name, shortName: teams.shortName, active: teams.active })
    .from(teams)
    .orderBy(desc(teams.active), asc(teams.id));
}

// Columns.

export interface AdminColumnRow {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  description: string;
  sort: number;
  showInNav: boolean;
  showOnHome: boolean;
  reviewStages: number;
  articleCount: number;
}

export async function listColumnsForAdmin(): Promise<AdminColumnRow[]> {
  const db = await getDb();
  const counts = db
    .select({ columnId: articles.columnId, n: count().as('n') })
    .from(articles)
    .groupBy(articles.columnId)
    .as('article_counts');
  return db
    .select({
      id: columns.id,
      parentId: columns.parentId,
      slug: columns.slug,
      name: columns.name,
      description: columns.description,
      sort: columns.sort,
      showInNav: columns.showInNav,
      showOnHome: columns.showOnHome,
      reviewStages: columns.reviewStages,
      articleCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number),
    })
    .from(columns)
    .leftJoin(counts, eq(counts.columnId, columns.id))
    .orderBy(asc(columns.sort), asc(columns.id));
}

// Static pages.

export interface AdminPageRow {
  id: number;
  slug: string;
  title: string;
  sort: number;
  showInFooter: boolean;
  updatedAt: string;
  updatedByName: string | null;
}

export async function listPagesForAdmin(): Promise<AdminPageRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      sort: pages.sort,
      showInFooter: pages.showInFooter,
      updatedAt: pages.updatedAt,
      updatedByName: users.displayName,
    })
    .from(pages)
    .leftJoin(users, eq(users.id, pages.updatedBy))
    .orderBy(asc(pages.sort), asc(pages.id));
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export interface PageEdit {
  id: number;
  slug: string;
  title: string;
  body: RichTextDoc;
  sort: number;
  showInFooter: boolean;
  updatedAt: string;
}

export async function getPageForEdit(id: number): Promise<PageEdit | null> {
  const db = await getDb();
  const [p] = await db
    .select({ id: pages.id, slug: pages.slug, title: pages.title, body: pages.body, sort: pages.sort, showInFooter: pages.showInFooter, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.id, id))
    .limit(1);
  return p ? { ...p, updatedAt: p.updatedAt.toISOString() } : null;
}

// Site settings.

export interface SettingsEdit {
  siteName: string;
  shortName: string;
  slogan: string;
  copyrightHolder: string;
  copyrightSince: number;
  icpNumber: string;
  psbNumber: string;
  footerLinks: FooterLink[];
  /** Null until the first save (no row yet). */
  updatedAt: string | null;
}

/** Uncached, unlike the public getSiteSettings: the form must show what is stored now. */
export async function getSettingsForEdit(): Promise<SettingsEdit> {
  const db = await getDb();
  const [s] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1)).limit(1);
  if (!s) {
    return { siteName: '民生网', shortName: '民生网', slogan: '', copyrightHolder: '', copyrightSince: new Date().getFullYear(), icpNumber: '', psbNumber: '', footerLinks: [], updatedAt: null };
  }
  return {
    siteName: s.siteName,
    shortName: s.shortName,
    slogan: s.slogan,
    copyrightHolder: s.copyrightHolder,
    copyrightSince: s.copyrightSince,
    icpNumber: s.icpNumber,
    psbNumber: s.psbNumber,
    footerLinks: s.footerLinks,
    updatedAt: s.updatedAt.toISOString(),
  };
}
