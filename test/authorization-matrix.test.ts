/**
 * Every server action and every mutating route handler × every kind of caller. Denied
 * calls must be refused AND leave the database byte-for-byte unchanged. The list of
 * actions comes from the production build's server-action manifest, so an action added
 * without rows here fails this test. Run after `next build` (npm test does). Route
 * handlers' GETs and dashboard pages that show non-public data have rows too: who gets
 * them, and that everyone else is sent to login or gets the 404.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { parse as parseCsv } from 'csv-parse/sync';
import { articles, columns, events, media, readerMessages, teams, users } from '@/db/schema';
import { rt } from '@/domain/rich-text';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { createArticle } from '@/services/articles/create';
import { saveArticle } from '@/services/articles/save';
import { transitionArticle } from '@/services/articles/transition';
import { getSettingsForEdit } from '@/db/queries/admin';
import { createColumn } from '@/services/admin/columns';
import { createPage } from '@/services/admin/pages';
import { createRegion, createTeam } from '@/services/admin/org';
import { createUser, disableUser } from '@/services/admin/users';

// The session each call sees; set per call below.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; name: string; role: string }; sv: number; expires: string } }));
vi.mock('@/auth', () => ({
  auth: async () => session.current,
  signIn: async () => {
    throw new Error('signIn is not called by the matrix');
  },
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock('next/cache', () => ({ updateTag: () => undefined, revalidateTag: () => undefined, unstable_cache: (fn: unknown) => fn }));

type Who = 'anonymous' | 'contributorA' | 'contributorB' | 'editor' | 'chief' | 'admin' | 'disabledAdmin' | 'revokedAdmin';
const EVERYONE: Who[] = ['anonymous', 'contributorA', 'contributorB', 'editor', 'chief', 'admin', 'disabledAdmin', 'revokedAdmin'];
const SIGNED_IN: Who[] = ['contributorA', 'contributorB', 'editor', 'chief', 'admin'];
const STAFF: Who[] = ['editor', 'chief', 'admin'];

interface Fixture {
  /** A library photo uploaded by a member of team A (contributorA's team). */
  teamAPhoto: () => Promise<{ id: number }>;
  teamADraft: () => Promise<{ id: number; version: number }>;
  teamASubmitted: () => Promise<{ id: number; version: number }>;
  published: () => Promise<{ id: number; version: number }>;
  /** A reader message (with a name and contact) in the given state. */
  readerMessage: (status?: 'new' | 'handled') => Promise<{ id: number }>;
}

interface Row {
  /** Who may do it; everyone else must be refused with nothing changed. */
  allowed: Who[];
  /** Builds the argument for one call (a fresh fixture each time, so calls do not interfere). */
  input: (f: Fixture) => Promise<unknown>;
}

const body = rt.doc(rt.p('矩阵测试正文。'));
let singleColumn = 0;

/** Fresh administration fixtures, made by the admin through the services. */
const uniq = () => crypto.randomBytes(4).toString('hex');
const adminFixture = {
  async user() {
    const username = `matrix-${uniq()}`;
    const { id } = await createUser(actors.admin, { username, displayName: '矩阵用户', role: 'editor', password: 'matrix-password' });
    return { id, username };
  },
  region: () => createRegion(actors.admin, { parentId: null, name: `矩阵地区${uniq()}` }),
  async team() {
    const { id: regionId } = await adminFixture.region();
    const { id } = await createTeam(actors.admin, { name: `矩阵工作队${uniq()}`, shortName: '矩阵队', regionId });
    return { id, regionId };
  },
  async column() {
    const slug = `matrix-${uniq()}`;
    const { id } = await createColumn(actors.admin, { slug, name: '矩阵栏目', description: '', parentId: null, showInNav: false, showOnHome: false, reviewStages: 1 });
    return { id, slug };
  },
  async page() {
    const slug = `matrix-${uniq()}`;
    const { id } = await createPage(actors.admin, { slug, title: '矩阵页面', body, sort: 0, showInFooter: false });
    return { id, slug };
  },
};

/** An administration page: the render, for a path with this id (or none). */
const adminPage = (load: () => Promise<{ default: (props: never) => unknown }>, id?: () => Promise<number>) => async () => {
  const { default: Page } = await load();
  const params = Promise.resolve({ id: id ? String(await id()) : '' });
  return () => (Page as (props: unknown) => Promise<unknown>)({ params, searchParams: Promise.resolve({}) });
};

/** `file#export` → row. A public action is listed with the reason it needs no role. */
const ACTIONS: Record<string, Row | { public: string }> = {
  'app/(dashboard)/dashboard/actions.ts#createArticleAction': {
    allowed: SIGNED_IN,
    input: async () => ({ columnId: singleColumn, title: '矩阵' }),
  },
  'app/(dashboard)/dashboard/actions.ts#saveArticleAction': {
    allowed: ['contributorA', 'admin'],
    input: async (f) => {
      const { id, version } = await f.teamADraft();
      return { id, version, title: '改', body, columnId: singleColumn };
    },
  },
  'app/(dashboard)/dashboard/actions.ts#transitionArticleAction': {
    allowed: STAFF,
    input: async (f) => ({ id: (await f.teamASubmitted()).id, action: 'claim', expectedStatus: 'submitted' }),
  },
  'app/(dashboard)/dashboard/actions.ts#restoreRevisionAction': {
    allowed: ['contributorA', 'admin'],
    input: async (f) => {
      const { id, version } = await f.teamADraft();
      return { id, fromVersion: 1, version };
    },
  },
  'app/(dashboard)/dashboard/actions.ts#addCommentAction': {
    allowed: ['contributorA', ...STAFF],
    input: async (f) => ({ articleId: (await f.teamASubmitted()).id, body: '意见' }),
  },
  'app/(dashboard)/dashboard/actions.ts#curateArticleAction': {
    allowed: STAFF,
    input: async (f) => ({ id: (await f.published()).id, headlineRank: 1, slideRank: null, recommendRank: null, pinRank: null }),
  },
  'app/(dashboard)/dashboard/actions.ts#heartbeatAction': {
    allowed: ['contributorA', 'admin'],
    input: async (f) => ({ articleId: (await f.teamADraft()).id }),
  },
  'app/(dashboard)/dashboard/actions.ts#markNotificationsReadAction': { allowed: SIGNED_IN, input: async () => ({}) },
  'app/(dashboard)/dashboard/actions.ts#signOutEverywhereAction': { allowed: SIGNED_IN, input: async () => undefined },
  'app/(dashboard)/dashboard/media/actions.ts#updateMediaDetailsAction': {
    allowed: ['contributorA', ...STAFF],
    input: async (f) => ({ id: (await f.teamAPhoto()).id, caption: '矩阵图片说明', alt: '矩阵替代文字' }),
  },
  // Administration: admins only. Each input builds its own user, region, team, column or page.
  'app/(dashboard)/dashboard/admin/users/actions.ts#createUserAction': {
    allowed: ['admin'],
    input: async () => ({ username: `matrix-${uniq()}`, displayName: '矩阵用户', role: 'editor', password: 'matrix-password' }),
  },
  'app/(dashboard)/dashboard/admin/users/actions.ts#updateUserAction': {
    allowed: ['admin'],
    input: async () => {
      const { id, username } = await adminFixture.user();
      return { id, username, displayName: '矩阵改名', role: 'chief_editor', teamId: null };
    },
  },
  'app/(dashboard)/dashboard/admin/users/actions.ts#disableUserAction': { allowed: ['admin'], input: async () => ({ id: (await adminFixture.user()).id }) },
  'app/(dashboard)/dashboard/admin/users/actions.ts#enableUserAction': {
    allowed: ['admin'],
    input: async () => {
      const { id } = await adminFixture.user();
      await disableUser(actors.admin, { id });
      return { id };
    },
  },
  'app/(dashboard)/dashboard/admin/users/actions.ts#resetPasswordAction': { allowed: ['admin'], input: async () => ({ id: (await adminFixture.user()).id, password: '' }) },
  'app/(dashboard)/dashboard/admin/regions/actions.ts#createRegionAction': { allowed: ['admin'], input: async () => ({ parentId: null, name: `矩阵地区${uniq()}` }) },
  'app/(dashboard)/dashboard/admin/regions/actions.ts#renameRegionAction': {
    allowed: ['admin'],
    input: async () => ({ id: (await adminFixture.region()).id, name: `矩阵改名${uniq()}` }),
  },
  'app/(dashboard)/dashboard/admin/regions/actions.ts#moveRegionAction': {
    allowed: ['admin'],
    input: async () => {
      const parent = await adminFixture.region();
      await createRegion(actors.admin, { parentId: parent.id, name: '甲县' });
      const second = await createRegion(actors.admin, { parentId: parent.id, name: '乙县' });
      return { id: second.id, direction: 'up' };
    },
  },
  'app/(dashboard)/dashboard/admin/teams/actions.ts#createTeamAction': {
    allowed: ['admin'],
    input: async () => ({ name: `矩阵工作队${uniq()}`, shortName: '矩阵队', regionId: (await adminFixture.region()).id, active: true }),
  },
  'app/(dashboard)/dashboard/admin/teams/actions.ts#updateTeamAction': {
    allowed: ['admin'],
    input: async () => {
      const { id, regionId } = await adminFixture.team();
      return { id, name: `矩阵工作队改名${uniq()}`, shortName: '矩阵队', regionId, active: true };
    },
  },
  'app/(dashboard)/dashboard/admin/columns/actions.ts#createColumnAction': {
    allowed: ['admin'],
    input: async () => ({ slug: `matrix-${uniq()}`, name: '矩阵栏目', description: '', parentId: null, showInNav: false, showOnHome: false, reviewStages: 1 }),
  },
  'app/(dashboard)/dashboard/admin/columns/actions.ts#updateColumnAction': {
    allowed: ['admin'],
    input: async () => {
      const { id, slug } = await adminFixture.column();
      return { id, slug, name: '矩阵栏目改名', description: '', parentId: null, showInNav: false, showOnHome: false, reviewStages: 2 };
    },
  },
  'app/(dashboard)/dashboard/admin/columns/actions.ts#moveColumnAction': { allowed: ['admin'], input: async () => ({ id: (await adminFixture.column()).id, direction: 'up' }) },
  'app/(dashboard)/dashboard/admin/pages/actions.ts#createPageAction': {
    allowed: ['admin'],
    input: async () => ({ slug: `matrix-${uniq()}`, title: '矩阵页面', body, sort: 0, showInFooter: false }),
  },
  'app/(dashboard)/dashboard/admin/pages/actions.ts#updatePageAction': {
    allowed: ['admin'],
    input: async () => {
      const { id, slug } = await adminFixture.page();
      return { id, slug, title: '矩阵页面改名', body, sort: 1, showInFooter: false };
    },
  },
  'app/(dashboard)/dashboard/admin/settings/actions.ts#updateSettingsAction': {
    allowed: ['admin'],
    input: async () => {
      const s = await getSettingsForEdit();
      return { ...s, slogan: `矩阵标语${uniq()}` };
    },
  },
  'app/(dashboard)/dashboard/messages/actions.ts#assignMessageAction': {
    allowed: STAFF,
    input: async (f) => ({ id: (await f.readerMessage()).id, assigneeId: actors.editor.id }),
  },
  'app/(dashboard)/dashboard/messages/actions.ts#handleMessageAction': {
    allowed: STAFF,
    input: async (f) => ({ id: (await f.readerMessage()).id, note: '矩阵处理说明' }),
  },
  'app/(dashboard)/dashboard/messages/actions.ts#reopenMessageAction': {
    allowed: STAFF,
    input: async (f) => ({ id: (await f.readerMessage('handled')).id }),
  },
  // Reading a sender's details is itself audited: refused callers must not even leave an event.
  'app/(dashboard)/dashboard/messages/actions.ts#revealMessageContactAction': {
    allowed: ['chief', 'admin'],
    input: async (f) => ({ id: (await f.readerMessage()).id }),
  },
  'app/(site)/report/actions.ts#submitReaderMessageAction': {
    public: 'the readers’ 信息举报 / 联系我们 / 挑错 forms; its honeypot, signed fill time and rate limits are tested in services/reader-messages.test.ts and e2e',
  },
  'app/(dashboard)/dashboard/actions.ts#signOutAction': { public: 'only clears the caller’s own session cookie; touches no data' },
  'app/(auth)/login/actions.ts#loginAction': { public: 'the login form itself; credentials and lock-out are tested in services/login.test.ts and e2e' },
};

/** Extra rows for the workflow action: each step has its own set of people who may take it. */
const TRANSITIONS: { name: string; allowed: Who[]; input: (f: Fixture) => Promise<unknown> }[] = [
  { name: 'submit', allowed: ['contributorA'], input: async (f) => ({ id: (await f.teamADraft()).id, action: 'submit', expectedStatus: 'draft' }) },
  {
    name: 'publish (single stage)',
    allowed: STAFF,
    input: async (f) => {
      const { id } = await f.teamASubmitted();
      await transitionArticle(actors.editor, { id, action: 'claim', expectedStatus: 'submitted' });
      await transitionArticle(actors.editor, { id, action: 'approve', expectedStatus: 'in_review' });
      return { id, action: 'publish', expectedStatus: 'approved' };
    },
  },
  {
    name: 'unpublish',
    allowed: STAFF,
    input: async (f) => ({ id: (await f.published()).id, action: 'unpublish', expectedStatus: 'published', reason: '矩阵' }),
  },
];

/** Route handlers that change data (from the build's app-paths manifest). */
const ROUTES: Record<string, { allowed: Who[]; call: () => Promise<Response> } | { public: string }> = {
  '/api/media/route': { public: 'changes nothing (uploads go to /api/uploads); its GET is checked in READS' },
  '/api/uploads/[[...id]]/route': {
    allowed: SIGNED_IN,
    call: async () => {
      // A whole (tiny) tus upload: create, then the bytes; the finished upload answers 200.
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: Math.floor(Math.random() * 255), g: 3, b: 4 } } }).png().toBuffer();
      const { POST, PATCH } = await import('@/app/api/uploads/[[...id]]/route');
      const created = await POST(
        new Request('http://localhost/api/uploads', { method: 'POST', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(png.length) } }),
        { params: Promise.resolve({}) },
      );
      if (created.status !== 201) return created;
      const id = created.headers.get('location')!.split('/').pop()!;
      const init = { method: 'PATCH', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(png), duplex: 'half' };
      return PATCH(new Request(`http://localhost/api/uploads/${id}`, init as RequestInit), { params: Promise.resolve({ id: [id] }) });
    },
  },
  '/api/field/drafts/route': {
    allowed: SIGNED_IN,
    call: async () => {
      const { POST } = await import('@/app/api/field/drafts/route');
      const draft = { key: crypto.randomUUID(), articleId: null, baseVersion: null, title: '现场', body, columnId: singleColumn };
      return POST(new Request('http://localhost/api/field/drafts', { method: 'POST', body: JSON.stringify(draft) }));
    },
  },
  '/api/field/submit/route': {
    allowed: SIGNED_IN,
    call: async () => {
      const { POST } = await import('@/app/api/field/submit/route');
      const draft = { key: crypto.randomUUID(), articleId: null, baseVersion: null, title: '现场', body, columnId: singleColumn };
      return POST(new Request('http://localhost/api/field/submit', { method: 'POST', body: JSON.stringify({ submissionKey: crypto.randomUUID(), draft }) }));
    },
  },
  '/serwist/[path]/route': { public: 'serves the field app’s service worker script (GET, built at build time); no data' },
  '/api/auth/[...nextauth]/route': { public: 'Auth.js sign-in/out endpoints; their credential checks are services/login.ts' },
  '/api/views/[id]/route': { public: 'the public view-count beacon (GET); counts batch into article_stats only' },
  '/media/[...key]/route': { public: 'serves stored images (GET); changes nothing' },
  '/api/legacy/route': { public: 'redirects an old-site URL to its imported, public article (GET); changes nothing' },
  '/feed.xml/route': { public: 'the site RSS feed (GET): public articles only (lib/feeds/feeds.test.ts); changes nothing' },
  '/(site)/columns/[slug]/feed.xml/route': { public: 'a column RSS feed (GET): public articles only; changes nothing' },
  '/sitemap.xml/route': { public: 'sitemap index (GET): public URLs only; changes nothing' },
  '/sitemaps/[file]/route': { public: 'sitemaps of public pages and articles (GET); changes nothing' },
  '/sitemap-news.xml/route': { public: 'Google News sitemap (GET): public articles only; changes nothing' },
  '/(dashboard)/dashboard/audit/export/route': { allowed: ['chief', 'admin'], call: () => auditExport() },
  '/(dashboard)/dashboard/stats/export/route': { allowed: STAFF, call: () => statsExport() },
  '/(dashboard)/dashboard/articles/[id]/record/export/route': { allowed: ['contributorA', ...STAFF], call: () => recordExport() },
};

// The CSV exports (GET). The record export reads a team A report made once in beforeAll,
// so a refused call has nothing to create.
const recordFixture = { id: 0, receiptCode: '' };
const csvRows = async (res: Response) => {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"; filename\*=UTF-8''/);
  // The bytes, not res.text(): decoding strips the byte-order mark Excel needs.
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[];
};
async function auditExport() {
  const { GET } = await import('@/app/(dashboard)/dashboard/audit/export/route');
  return GET(new Request('http://localhost/dashboard/audit/export?action=publish'));
}
async function statsExport() {
  const { GET } = await import('@/app/(dashboard)/dashboard/stats/export/route');
  return GET(new Request('http://localhost/dashboard/stats/export?level=team'));
}
async function recordExport() {
  const { GET } = await import('@/app/(dashboard)/dashboard/articles/[id]/record/export/route');
  return GET(new Request(`http://localhost/dashboard/articles/${recordFixture.id}/record/export`), { params: Promise.resolve({ id: String(recordFixture.id) }) });
}

/**
 * GET handlers of routes in ROUTES that answer with non-public data (a route that exports
 * GET needs a row here). Refused callers must not get a 200; `check` looks at what an
 * allowed caller got.
 */
const READS: Record<string, { allowed: Who[]; call: () => Promise<Response>; check?: (res: Response, who: Who) => Promise<void> }> = {
  '/api/field/drafts/route': {
    allowed: SIGNED_IN,
    call: async () => {
      const { GET } = await import('@/app/api/field/drafts/route');
      return GET(new Request('http://localhost/api/field/drafts'));
    },
    check: async (res, who) => {
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { data: { articles: { id: number }[] } };
      const me = actors[who as keyof typeof actors];
      // A team member gets their team's reports; staff get only what they wrote themselves.
      for (const a of body.data.articles) {
        const [row] = await t.db.select({ teamId: articles.teamId, createdBy: articles.createdBy }).from(articles).where(eq(articles.id, a.id));
        if (me.role === 'contributor') expect(row!.teamId).toBe(me.teamId);
        else expect(row!.createdBy).toBe(me.id);
      }
      if (who === 'contributorA') expect(body.data.articles.length).toBeGreaterThan(0);
    },
  },
  '/api/media/route': {
    allowed: SIGNED_IN,
    call: async () => {
      const { GET } = await import('@/app/api/media/route');
      return GET(new Request('http://localhost/api/media?q=&page=1'));
    },
    check: async (res, who) => {
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { items: { id: number }[]; total: number };
      const teams = await t.db.select({ id: media.id, teamId: users.teamId }).from(media).leftJoin(users, eq(users.id, media.uploadedBy));
      const teamOf = new Map(teams.map((r) => [r.id, r.teamId]));
      if (who === 'contributorA' || who === 'contributorB') {
        // A team sees its own members' uploads only: team A's fixtures never reach team B.
        for (const item of body.items) expect(teamOf.get(item.id)).toBe(actors[who].teamId);
        const own = teams.filter((r) => r.teamId === actors[who].teamId).length;
        expect(body.total).toBe(own);
      } else {
        expect(body.total).toBe(teams.length);
      }
    },
  },
  '/(dashboard)/dashboard/audit/export/route': {
    allowed: ['chief', 'admin'],
    call: () => auditExport(),
    check: async (res, who) => {
      const rows = await csvRows(res);
      // The filter holds: only publish events, and the seed has plenty.
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) expect([r['操作代码'], r['操作']]).toEqual(['publish', '发布']);
      expect(Number(res.headers.get('x-export-rows'))).toBe(rows.length);
      // The export is itself in the log, under the caller's name.
      const [e] = await t.db.select().from(events).where(eq(events.action, 'audit.export')).orderBy(sql`${events.id} desc`).limit(1);
      expect(e).toMatchObject({ actorId: ids[who], data: { rows: rows.length, truncated: false, filters: { action: 'publish' } } });
    },
  },
  '/(dashboard)/dashboard/stats/export/route': {
    allowed: STAFF,
    call: () => statsExport(),
    check: async (res) => {
      const rows = await csvRows(res);
      const names = (await t.db.select({ name: teams.shortName }).from(teams)).map((r) => r.name);
      // Every unit is a seeded team (none of these callers is limited to regions), each with a total row.
      const units = new Set(rows.map((r) => r['工作队']!).filter((n) => n !== '全部'));
      // (Set: the admin rows above add teams that share one short name.)
      expect([...units].sort()).toEqual([...new Set(names)].sort());
      const all = rows.find((r) => r['工作队'] === '全部' && r['月份'] === '合计')!;
      expect(Number(all['发布'])).toBeGreaterThan(0);
      expect(Number(all['提交至发布中位数(小时)'])).toBeGreaterThan(1);
    },
  },
  '/(dashboard)/dashboard/articles/[id]/record/export/route': {
    allowed: ['contributorA', ...STAFF],
    call: () => recordExport(),
    check: async (res) => {
      const rows = await csvRows(res);
      // Team A's report and nothing else: created by the fixture and submitted by contributor A.
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r['回执号']).toBe(recordFixture.receiptCode);
      expect(rows.find((r) => r['操作'] === '提交')?.['经办人']).toBe(actors.contributorA.name);
    },
  },
};

/**
 * Dashboard pages with non-public data: `allowed` get the page, other signed-in people the
 * 404, everyone else a login redirect. `prepare` builds the fixture and returns the render.
 */
const PAGES: Record<string, { allowed: Who[]; prepare: (f: Fixture) => Promise<() => Promise<unknown>> }> = {
  '/dashboard/media': {
    allowed: SIGNED_IN,
    prepare: async () => {
      const { default: Page } = await import('@/app/(dashboard)/dashboard/media/page');
      return () => Page({ searchParams: Promise.resolve({ q: '', page: '1' }) });
    },
  },
  '/dashboard/media/[id]': {
    allowed: ['contributorA', ...STAFF],
    prepare: async (f) => {
      const { id } = await f.teamAPhoto();
      const { default: Page } = await import('@/app/(dashboard)/dashboard/media/[id]/page');
      return () => Page({ params: Promise.resolve({ id: String(id) }) });
    },
  },
  '/dashboard/audit': {
    allowed: ['chief', 'admin'],
    prepare: async () => {
      const { default: Page } = await import('@/app/(dashboard)/dashboard/audit/page');
      return () => Page({ searchParams: Promise.resolve({ action: 'publish' }) });
    },
  },
  '/dashboard/stats': {
    allowed: STAFF,
    prepare: async () => {
      const { default: Page } = await import('@/app/(dashboard)/dashboard/stats/page');
      return () => Page({ searchParams: Promise.resolve({ level: 'county' }) });
    },
  },
  '/dashboard/articles/[id]/record': {
    allowed: ['contributorA', ...STAFF],
    prepare: async (f) => {
      const { id } = await f.teamASubmitted();
      const { default: Page } = await import('@/app/(dashboard)/dashboard/articles/[id]/record/page');
      return () => Page({ params: Promise.resolve({ id: String(id) }) });
    },
  },
  '/dashboard/admin': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/page')) },
  '/dashboard/admin/users': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/users/page')) },
  '/dashboard/admin/users/new': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/users/new/page')) },
  '/dashboard/admin/users/[id]': {
    allowed: ['admin'],
    prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/users/[id]/page'), async () => actors.contributorA.id),
  },
  '/dashboard/admin/teams': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/teams/page')) },
  '/dashboard/admin/teams/new': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/teams/new/page')) },
  '/dashboard/admin/teams/[id]': {
    allowed: ['admin'],
    prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/teams/[id]/page'), async () => actors.contributorA.teamId!),
  },
  '/dashboard/admin/regions': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/regions/page')) },
  '/dashboard/admin/columns': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/columns/page')) },
  '/dashboard/admin/columns/new': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/columns/new/page')) },
  '/dashboard/admin/columns/[id]': {
    allowed: ['admin'],
    prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/columns/[id]/page'), async () => singleColumn),
  },
  '/dashboard/admin/pages': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/pages/page')) },
  '/dashboard/admin/pages/new': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/pages/new/page')) },
  '/dashboard/admin/pages/[id]': {
    allowed: ['admin'],
    prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/pages/[id]/page'), async () => (await adminFixture.page()).id),
  },
  '/dashboard/admin/settings': { allowed: ['admin'], prepare: adminPage(() => import('@/app/(dashboard)/dashboard/admin/settings/page')) },
  '/dashboard/messages': {
    allowed: STAFF,
    prepare: async (f) => {
      await f.readerMessage();
      const { default: Page } = await import('@/app/(dashboard)/dashboard/messages/page');
      return () => Page({ searchParams: Promise.resolve({ kind: 'tip', page: '1' }) });
    },
  },
  '/dashboard/messages/[id]': {
    allowed: STAFF,
    prepare: async (f) => {
      const { id } = await f.readerMessage();
      const { default: Page } = await import('@/app/(dashboard)/dashboard/messages/[id]/page');
      return () => Page({ params: Promise.resolve({ id: String(id) }) });
    },
  },
};

let t: TestDb;
const actors = {} as Record<Exclude<Who, 'anonymous' | 'disabledAdmin' | 'revokedAdmin'>, Principal>;
const ids = {} as Record<Who, number>;

beforeAll(async () => {
  t = await createTestDb('seeded');
  const [col] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'tongzhi'));
  singleColumn = col!.id;
  actors.contributorA = await principalOf(t.db, 'reporter1');
  actors.contributorB = await principalOf(t.db, 'reporter2');
  actors.editor = await principalOf(t.db, 'editor');
  actors.chief = await principalOf(t.db, 'chief');
  actors.admin = await principalOf(t.db, 'admin');
  for (const k of Object.keys(actors) as (keyof typeof actors)[]) ids[k] = actors[k].id;
  // Admins, so a missing "disabled" or "revoked" check would let them do everything.
  const hash = (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, actors.admin.id)))[0]!.h;
  const [d] = await t.db.insert(users).values({ username: 'matrix-disabled', displayName: '停用管理员', passwordHash: hash, role: 'admin', active: false }).returning({ id: users.id });
  const [r] = await t.db.insert(users).values({ username: 'matrix-revoked', displayName: '被注销管理员', passwordHash: hash, role: 'admin', sessionVersion: 5 }).returning({ id: users.id });
  ids.disabledAdmin = d!.id;
  ids.revokedAdmin = r!.id;
});
afterAll(() => t.close());

async function actAs(who: Who) {
  if (who === 'anonymous') {
    session.current = null;
    return;
  }
  const [u] = await t.db.select({ sv: users.sessionVersion, role: users.role, name: users.displayName }).from(users).where(eq(users.id, ids[who]));
  // A revoked session carries the version from before the revocation.
  const sv = who === 'revokedAdmin' ? u!.sv - 1 : u!.sv;
  session.current = { user: { id: String(ids[who]), name: u!.name, role: u!.role }, sv, expires: new Date(Date.now() + 3600_000).toISOString() };
}

const fixture: Fixture = {
  async teamAPhoto() {
    const [m] = await t.db
      .insert(media)
      .values({
        storageKey: `matrix/${crypto.randomBytes(8).toString('hex')}.jpg`,
        mime: 'image/jpeg',
        width: 8,
        height: 8,
        bytes: 100,
        sha256: crypto.randomBytes(32).toString('hex'),
        uploadedBy: actors.contributorA.id,
      })
      .returning({ id: media.id });
    return { id: m!.id };
  },
  async teamADraft() {
    const { id } = await createArticle(actors.contributorA, { columnId: singleColumn, title: '矩阵稿' });
    const s = await saveArticle(actors.contributorA, { id, version: 1, title: '矩阵稿', body, columnId: singleColumn });
    return { id, version: s.version };
  },
  async teamASubmitted() {
    const { id } = await fixture.teamADraft();
    await transitionArticle(actors.contributorA, { id, action: 'submit', expectedStatus: 'draft' });
    const [a] = await t.db.select({ v: articles.version }).from(articles).where(eq(articles.id, id));
    return { id, version: a!.v };
  },
  async published() {
    const [a] = await t.db.select({ id: articles.id, v: articles.version }).from(articles).where(sql`${articles.status} = 'published' and ${articles.columnId} = ${singleColumn}`).limit(1);
    return { id: a!.id, version: a!.v };
  },
  async readerMessage(status = 'new') {
    const [m] = await t.db
      .insert(readerMessages)
      .values({
        kind: 'tip',
        name: '矩阵读者',
        contact: '13900000000',
        subject: '矩阵来信',
        body: '矩阵测试来信的内容。',
        status,
        handledBy: status === 'handled' ? actors.editor.id : null,
        handledNote: status === 'handled' ? '已处理' : '',
        handledAt: status === 'handled' ? new Date() : null,
        receiptCode: `RM${crypto.randomBytes(6).toString('hex').toUpperCase()}`,
      })
      .returning({ id: readerMessages.id });
    return { id: m!.id };
  },
};

beforeAll(async () => {
  const { id } = await fixture.teamASubmitted();
  const [a] = await t.db.select({ receiptCode: articles.receiptCode }).from(articles).where(eq(articles.id, id));
  Object.assign(recordFixture, { id, receiptCode: a!.receiptCode });
});

function readManifest() {
  const file = path.join(process.cwd(), '.next/server/server-reference-manifest.json');
  if (!fs.existsSync(file)) throw new Error('No production build: run `npx next build` before this test (npm test does).');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { filename?: string; exportedName?: string }> };
  return Object.values(manifest.node).map((a) => `${a.filename}#${a.exportedName}`);
}

async function expectRefusedUnchanged(call: () => Promise<{ ok: boolean }>, label: string) {
  const before = await databaseFingerprint(t.db);
  const r = await call();
  expect(r.ok, `${label} should be refused`).toBe(false);
  expect(await databaseFingerprint(t.db), `${label} changed the database`).toBe(before);
}

describe('authorization matrix', () => {
  it('covers every server action in the build', () => {
    const built = readManifest();
    expect(built.length).toBeGreaterThan(0);
    const missing = built.filter((k) => !(k in ACTIONS));
    expect(missing, 'server actions without matrix rows').toEqual([]);
  });

  it('covers every route handler in the build', () => {
    const file = path.join(process.cwd(), '.next/server/app-paths-manifest.json');
    const routes = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>).filter((r) => r.endsWith('/route') && !/^\/(robots|sitemap|manifest|favicon)/.test(r));
    expect(routes.filter((r) => !(r in ROUTES)), 'route handlers without matrix rows').toEqual([]);
  });

  it('covers the GET of every route handler with a row above', async () => {
    const gets: string[] = [];
    for (const [route, row] of Object.entries(ROUTES)) {
      if ('public' in row) continue;
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), `app${route}.ts`))) as Record<string, unknown>;
      if (typeof mod.GET === 'function') gets.push(route);
    }
    expect(gets.filter((r) => !(r in READS)), 'GET handlers without matrix rows').toEqual([]);
  });

  for (const [key, row] of Object.entries(ACTIONS)) {
    if ('public' in row) continue;
    const [file, name] = key.split('#') as [string, string];
    for (const who of EVERYONE) {
      const allowed = row.allowed.includes(who);
      it(`${name} × ${who}: ${allowed ? 'allowed' : 'refused, nothing changed'}`, async () => {
        const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, (i: unknown) => Promise<{ ok: boolean; message?: string }>>;
        const input = await row.input(fixture);
        await actAs(who);
        const fn = mod[name]!;
        if (allowed) {
          const r = await fn(input);
          expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
        } else {
          await expectRefusedUnchanged(() => fn(input), `${name} by ${who}`);
        }
      });
    }
  }

  for (const step of TRANSITIONS) {
    for (const who of EVERYONE) {
      const allowed = step.allowed.includes(who);
      it(`transition ${step.name} × ${who}: ${allowed ? 'allowed' : 'refused, nothing changed'}`, async () => {
        const { transitionArticleAction } = await import('@/app/(dashboard)/dashboard/actions');
        const input = await step.input(fixture);
        await actAs(who);
        if (allowed) expect(await transitionArticleAction(input)).toMatchObject({ ok: true });
        else await expectRefusedUnchanged(() => transitionArticleAction(input), `${step.name} by ${who}`);
      });
    }
  }

  for (const [route, row] of Object.entries(ROUTES)) {
    if ('public' in row) continue;
    for (const who of EVERYONE) {
      const allowed = row.allowed.includes(who);
      it(`POST ${route} × ${who}: ${allowed ? 'allowed' : 'refused, nothing changed'}`, async () => {
        await actAs(who);
        if (allowed) {
          const res = await row.call();
          expect(res.status, await res.clone().text()).toBe(200);
        } else {
          await expectRefusedUnchanged(async () => ({ ok: (await row.call()).ok }), `${route} by ${who}`);
        }
      });
    }
  }

  for (const [route, row] of Object.entries(READS)) {
    for (const who of EVERYONE) {
      const allowed = row.allowed.includes(who);
      it(`GET ${route} × ${who}: ${allowed ? 'allowed, only what they may see' : 'refused'}`, async () => {
        await fixture.teamAPhoto();
        await actAs(who);
        const res = await row.call();
        if (allowed) {
          expect(res.status, await res.clone().text()).toBe(200);
          await row.check?.(res, who);
        } else {
          expect([401, 403, 404]).toContain(res.status);
        }
      });
    }
  }

  for (const [page, row] of Object.entries(PAGES)) {
    for (const who of EVERYONE) {
      const allowed = row.allowed.includes(who);
      const signedIn = SIGNED_IN.includes(who);
      it(`page ${page} × ${who}: ${allowed ? 'shown' : signedIn ? 'not found' : 'sent to login'}`, async () => {
        const render = await row.prepare(fixture);
        await actAs(who);
        const outcome = await render().then(
          () => 'shown',
          (e: unknown) => String((e as { digest?: unknown }).digest ?? e),
        );
        if (allowed) expect(outcome).toBe('shown');
        else if (signedIn) expect(outcome).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
        else expect(outcome).toMatch(/^NEXT_REDIRECT;.*\/login\?callbackUrl=/);
      });
    }
  }
});
