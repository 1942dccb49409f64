import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, columns, events, regions, teams } from '@/db/schema';
import type { Principal } from '@/domain/permissions';
import { receiptCode } from '@/domain/receipt';
import { rt } from '@/domain/rich-text';
import { statsRange, type StatsFigures } from '@/domain/stats';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { teamStatistics, type TeamStatistics } from './stats';

// A region tree and teams of its own, with events at known instants, inside the seeded
// database. Scoped principals see only this tree, so the figures are exact.

let t: TestDb;
let admin: Principal;
const r = {} as Record<'pref' | 'county' | 'county2' | 'town' | 'town2' | 'v1' | 'v2' | 'v3', { id: number; path: string }>;
const team = {} as Record<'t1' | 't2' | 't3' | 't4', number>;
let column = 0;
let otherColumn = 0;

const at = (iso: string) => new Date(iso);

async function region(name: string, level: 'prefecture' | 'county' | 'township' | 'village', parent?: { id: number; path: string }) {
  const [row] = await t.db.insert(regions).values({ name, level, parentId: parent?.id ?? null }).returning({ id: regions.id });
  const path = `${parent?.path ?? '/'}${row!.id}/`;
  await t.db.update(regions).set({ path }).where(eq(regions.id, row!.id));
  return { id: row!.id, path };
}

async function addTeam(name: string, regionId: number) {
  const [row] = await t.db.insert(teams).values({ name: `统计测试${name}工作队`, shortName: name, regionId }).returning({ id: teams.id });
  return row!.id;
}

/** An article of a team with these events, each [action, ISO time, data?]. */
async function report(teamId: number, steps: [string, string, Record<string, unknown>?][], columnId = column) {
  const [a] = await t.db
    .insert(articles)
    .values({ columnId, title: '统计测试稿', body: rt.doc(rt.p('正文')), teamId, receiptCode: receiptCode('ST'), status: 'submitted' })
    .returning({ id: articles.id });
  await t.db.insert(events).values(steps.map(([action, when, data]) => ({ articleId: a!.id, action, createdAt: at(when), data: data ?? {} })));
  const published = steps.find(([action]) => action === 'publish' || action === 'schedule');
  if (published) {
    const when = (published[2]?.publishedAt as string | undefined) ?? published[1];
    await t.db.update(articles).set({ publishedAt: at(when) }).where(eq(articles.id, a!.id));
  }
  return a!.id;
}

const editorScoped = (regionScope: string[], columnScope: number[] | null = null): Principal => ({
  id: 999_999,
  role: 'editor',
  name: '测试编辑',
  teamId: null,
  columnScope,
  regionScope,
});

const range = statsRange({ from: '2026-02', to: '2026-05' }, new Date('2026-11-01T00:00:00Z'));
const stats = (p: Principal, level: Parameters<typeof teamStatistics>[1]['level'] = 'team') => teamStatistics(p, { start: range.start, end: range.end, level });
const unit = (s: TeamStatistics, key: number) => s.units.find((u) => u.key === key)!;
const hours = (f: StatsFigures | undefined) => (f?.medianSeconds == null ? null : f.medianSeconds / 3600);
const counts = (f: StatsFigures | undefined) => (f ? [f.submitted, f.published, f.returned] : undefined);

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  const [c1] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'xiaxiang'));
  const [c2] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'tongzhi'));
  column = c1!.id;
  otherColumn = c2!.id;
  r.pref = await region('统计州', 'prefecture');
  r.county = await region('统计县', 'county', r.pref);
  r.county2 = await region('统计二县', 'county', r.pref);
  r.town = await region('统计乡', 'township', r.county);
  r.town2 = await region('统计二乡', 'township', r.county2);
  r.v1 = await region('一村', 'village', r.town);
  r.v2 = await region('二村', 'village', r.town);
  r.v3 = await region('三村', 'village', r.town2);
  team.t1 = await addTeam('一村队', r.v1.id);
  team.t2 = await addTeam('二村队', r.v2.id);
  team.t3 = await addTeam('三村队', r.v3.id);
  // A team that sits at the county itself, above the village level.
  team.t4 = await addTeam('县直队', r.county.id);

  // t1: first submitted 2026-03-31 17:00 UTC = 1 April in Beijing; published 36 h later.
  await report(team.t1, [['submit', '2026-03-31T17:00:00Z'], ['claim', '2026-04-01T01:00:00Z'], ['approve', '2026-04-01T03:00:00Z'], ['publish', '2026-04-02T05:00:00Z']]);
  // t1: submitted 31 March (Beijing), returned twice in April, published 225 h after the FIRST submission.
  await report(team.t1, [
    ['submit', '2026-03-31T15:00:00Z'],
    ['request_changes', '2026-04-01T02:00:00Z'],
    ['resubmit', '2026-04-03T00:00:00Z'],
    ['request_changes', '2026-04-04T00:00:00Z'],
    ['resubmit', '2026-04-05T00:00:00Z'],
    ['publish', '2026-04-10T00:00:00Z'],
  ]);
  // t2: rejected in April.
  await report(team.t2, [['submit', '2026-04-05T00:00:00Z'], ['reject', '2026-04-06T00:00:00Z']]);
  // t2: submitted in February, withdrawn, submitted again in April — counted once, in February.
  await report(team.t2, [['submit', '2026-02-10T00:00:00Z'], ['withdraw', '2026-02-11T00:00:00Z'], ['submit', '2026-04-02T00:00:00Z']]);
  // t2: scheduled for 20 April but unpublished before then — never public, not counted.
  await report(team.t2, [['submit', '2026-01-15T00:00:00Z'], ['schedule', '2026-04-10T00:00:00Z', { publishedAt: '2026-04-20T00:00:00Z' }], ['unpublish', '2026-04-15T00:00:00Z']]);
  // t3: scheduled in April for 1 May 00:00 UTC — published in May, 720 h after submission.
  await report(team.t3, [['submit', '2026-04-01T00:00:00Z'], ['schedule', '2026-04-02T00:00:00Z', { publishedAt: '2026-05-01T00:00:00Z' }]]);
  // t3: published 12 h after submission.
  await report(team.t3, [['submit', '2026-04-01T00:00:00Z'], ['publish', '2026-04-01T12:00:00Z']]);
  // t3: scheduled far in the future — not published yet.
  await report(team.t3, [['submit', '2026-05-02T00:00:00Z'], ['schedule', '2026-05-03T00:00:00Z', { publishedAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }]]);
  // t4: published 24 h after submission.
  await report(team.t4, [['submit', '2026-04-08T00:00:00Z'], ['publish', '2026-04-09T00:00:00Z']]);
  // t4: in another column (for the column-scope case), submitted in May.
  await report(team.t4, [['submit', '2026-05-05T00:00:00Z']], otherColumn);
});
afterAll(() => t.close());

describe('team statistics', () => {
  it('counts per team per Beijing month: first submission once, each return, publication when public', async () => {
    const s = await stats(editorScoped([r.pref.path]));
    expect(s.units.map((u) => u.key)).toEqual([team.t1, team.t2, team.t3, team.t4]);
    const t1 = unit(s, team.t1);
    expect(counts(t1.months['2026-03'])).toEqual([1, 0, 0]);
    expect(counts(t1.months['2026-04'])).toEqual([1, 2, 2]);
    expect(hours(t1.months['2026-04'])).toBe((36 + 225) / 2);
    const t2 = unit(s, team.t2);
    expect(counts(t2.months['2026-02'])).toEqual([1, 0, 0]);
    expect(counts(t2.months['2026-04'])).toEqual([1, 0, 1]);
    expect(counts(t2.total)).toEqual([2, 0, 1]);
    expect(hours(t2.total)).toBeNull();
    const t3 = unit(s, team.t3);
    expect(counts(t3.months['2026-04'])).toEqual([2, 1, 0]);
    expect(hours(t3.months['2026-04'])).toBe(12);
    expect(counts(t3.months['2026-05'])).toEqual([1, 1, 0]);
    expect(hours(t3.months['2026-05'])).toBe(720);
  });

  it('totals by month and overall, with the median over every report published', async () => {
    const s = await stats(editorScoped([r.pref.path]));
    expect(counts(s.byMonth['2026-04'])).toEqual([5, 4, 3]);
    // 36, 225, 12 and 24 hours.
    expect(hours(s.byMonth['2026-04'])).toBe(30);
    expect(counts(s.total)).toEqual([9, 5, 3]);
    // 12, 24, 36, 225, 720 hours.
    expect(hours(s.total)).toBe(36);
  });

  it('rolls teams up to the region level asked for; a team above that level has its own row', async () => {
    const county = await stats(editorScoped([r.pref.path]), 'county');
    expect(county.units.map((u) => [u.key, u.name])).toEqual([
      [r.county.id, '统计县'],
      [r.county2.id, '统计二县'],
    ]);
    expect(counts(unit(county, r.county.id).total)).toEqual([6, 3, 3]);
    expect(counts(unit(county, r.county2.id).total)).toEqual([3, 2, 0]);
    const village = await stats(editorScoped([r.pref.path]), 'village');
    expect(counts(unit(village, 0).total)).toEqual([2, 1, 0]);
    expect(unit(village, 0).name).toBe('');
    const pref = await stats(admin, 'prefecture');
    expect(counts(unit(pref, r.pref.id).total)).toEqual([9, 5, 3]);
    expect(hours(unit(pref, r.pref.id).total)).toBe(36);
  });

  it('shows an editor limited to regions only the teams there, and one limited to columns only those columns', async () => {
    const s = await stats(editorScoped([r.county2.path]));
    expect(s.units.map((u) => u.key)).toEqual([team.t3]);
    expect(counts(s.total)).toEqual([3, 2, 0]);
    const c = await stats(editorScoped([r.pref.path], [otherColumn]));
    expect(counts(c.total)).toEqual([1, 0, 0]);
    expect(counts(unit(c, team.t4).months['2026-05'])).toEqual([1, 0, 0]);
    const none = await stats(editorScoped([r.pref.path], []));
    expect(counts(none.total)).toEqual([0, 0, 0]);
  });

  it('gives the seeded demo a non-zero time to publish', async () => {
    const s = await teamStatistics(admin, { ...statsRange({}, new Date()), level: 'team' });
    expect(s.total.published).toBeGreaterThan(10);
    expect(s.total.returned).toBeGreaterThan(0);
    expect(s.total.medianSeconds).toBeGreaterThan(3600);
  });
});

