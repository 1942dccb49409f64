import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, rowsOf, type DbOrTx } from '@/db';
import { articles, events, regions, teams } from '@/db/schema';
import type { Principal } from '@/domain/permissions';
import { EMPTY_FIGURES, type StatsFigures, type StatsLevel } from '@/domain/stats';

/*
 * Team statistics come from the events log, not from the article row. The row keeps only
 * the latest state: `submitted_at` is overwritten by every resubmission and a return
 * leaves no trace on it, while the log keeps each step with its time. So:
 *   submitted — a report counts once, in the month of its FIRST `submit` (a return and
 *               resubmission, or a withdraw and submit again, does not count it twice);
 *   published — once, in the month it became public: the `publish` event's time, or for
 *               `schedule` the time it was scheduled for (not counted before that time,
 *               nor if it was unpublished before going public);
 *   returned  — every `request_changes` and `reject` event, in its own month (a report
 *               returned twice counts twice: each return is a round of work);
 *   median    — percentile_cont(0.5) of (publication − first submission) over the reports
 *               published in the month (or the whole range, for totals).
 * Reports without a contributing team (staff-written) are not in team statistics.
 */

export interface StatsUnit {
  /** Team id, or region id; 0 = teams that sit above the chosen region level. */
  key: number;
  name: string;
  total: StatsFigures;
  months: Record<string, StatsFigures>;
}

export interface TeamStatistics {
  units: StatsUnit[];
  byMonth: Record<string, StatsFigures>;
  total: StatsFigures;
}

/** Teams the person may see statistics of: an editor limited to regions sees only teams in them. */
function teamScope(p: Principal): SQL {
  if (p.role !== 'editor' || !p.regionScope) return sql`true`;
  if (!p.regionScope.length) return sql`false`;
  return sql`(${sql.join(
    p.regionScope.map((path) => sql`r.path like ${path + '%'}`),
    sql` or `,
  )})`;
}

/** An editor limited to columns counts only reports in those columns (what they may open). */
function columnScope(p: Principal): SQL {
  if (p.role !== 'editor' || !p.columnScope) return sql`true`;
  if (!p.columnScope.length) return sql`false`;
  return sql`a.column_id in (${sql.join(
    p.columnScope.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** The unit each scoped team rolls up to, as (unit key, unit name) expressions over `st`. */
function unitJoin(level: StatsLevel): { join: SQL; key: SQL; name: SQL } {
  if (level === 'team') return { join: sql``, key: sql`st.team_id`, name: sql`st.team_name` };
  return {
    join: sql`left join ${regions} anc on anc.level = ${level} and st.region_path like anc.path || '%'`,
    key: sql`coalesce(anc.id, 0)`,
    name: sql`anc.name`,
  };
}

/** Every unit in scope at this level, figures or not, in tree order. */
async function listUnits(db: DbOrTx, p: Principal, level: StatsLevel): Promise<{ key: number; name: string | null }[]> {
  const u = unitJoin(level);
  const res = await db.execute(sql`
    with st as (
      select t.id as team_id, t.short_name as team_name, r.path as region_path
      from ${teams} t join ${regions} r on r.id = t.region_id
      where ${teamScope(p)}
    )
    select distinct ${u.key} as key, ${u.name} as name, ${level === 'team' ? sql`''` : sql`coalesce(anc.path, '~')`} as ord
    from st ${u.join}
    order by ord, key`);
  return rowsOf<{ key: number; name: string | null }>(res).map((r) => ({ key: Number(r.key), name: r.name }));
}

interface FigureRow {
  unit: number | null;
  month: string | null;
  g: number;
  submitted: number;
  published: number;
  returned: number;
  median: number | string | null;
}

/**
 * Submitted, published, returned and the median time to publish, per unit per Beijing
 * month within [start, end), with per-unit, per-month and overall totals (grouping sets).
 */
export async function teamStatistics(
  p: Principal,
  opts: { start: Date; end: Date; level: StatsLevel },
  conn?: DbOrTx,
): Promise<TeamStatistics> {
  const db = conn ?? (await getDb());
  const u = unitJoin(opts.level);
  const start = opts.start.toISOString();
  const end = opts.end.toISOString();
  const res = await db.execute(sql`
    with st as (
      select t.id as team_id, t.short_name as team_name, r.path as region_path
      from ${teams} t join ${regions} r on r.id = t.region_id
      where ${teamScope(p)}
    ),
    -- Articles with anything to count in the range: found through events_action_idx
    -- (action, created_at), plus scheduled ones that went public in it.
    touched as (
      select e.article_id from ${events} e
      where e.action in ('submit', 'request_changes', 'reject', 'publish')
        and e.created_at >= ${start}::timestamptz and e.created_at < ${end}::timestamptz
      union
      select a.id from ${articles} a where a.published_at >= ${start}::timestamptz and a.published_at < ${end}::timestamptz
    ),
    ev as (
      select e.article_id, st.team_id, e.action, e.created_at, e.data
      from ${events} e
      join ${articles} a on a.id = e.article_id
      join st on st.team_id = a.team_id
      where e.article_id in (select article_id from touched where article_id is not null)
        and e.action in ('submit', 'request_changes', 'reject', 'publish', 'schedule', 'unpublish')
        and ${columnScope(p)}
    ),
    per_article as (
      select article_id, team_id,
        min(created_at) filter (where action = 'submit') as submitted_at,
        min(case when action = 'publish' then created_at
                 when action = 'schedule' then coalesce((data->>'publishedAt')::timestamptz, created_at) end) as published_at,
        min(created_at) filter (where action = 'unpublish') as unpublished_at
      from ev group by article_id, team_id
    ),
    facts as (
      select team_id, 1 as kind, submitted_at as at, null::float8 as secs from per_article where submitted_at is not null
      union all
      select team_id, 2, published_at, extract(epoch from (published_at - submitted_at))::float8
      from per_article
      where published_at is not null and published_at <= now() and (unpublished_at is null or unpublished_at > published_at)
      union all
      select team_id, 3, created_at, null from ev where action in ('request_changes', 'reject')
    ),
    f as (
      select ${u.key} as unit, to_char(facts.at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, facts.kind, facts.secs
      from facts join st on st.team_id = facts.team_id ${u.join}
      where facts.at >= ${start}::timestamptz and facts.at < ${end}::timestamptz
    )
    select unit, month, grouping(unit, month)::int as g,
      (count(*) filter (where kind = 1))::int as submitted,
      (count(*) filter (where kind = 2))::int as published,
      (count(*) filter (where kind = 3))::int as returned,
      percentile_cont(0.5) within group (order by secs) filter (where kind = 2 and secs is not null) as median
    from f
    group by grouping sets ((unit, month), (unit), (month), ())`);
  const rows = rowsOf<FigureRow>(res);
  const fig = (r: FigureRow): StatsFigures => ({
    submitted: Number(r.submitted),
    published: Number(r.published),
    returned: Number(r.returned),
    medianSeconds: r.median == null ? null : Number(r.median),
  });

  const units = new Map<number, StatsUnit>();
  for (const unit of await listUnits(db, p, opts.level)) {
    units.set(unit.key, { key: unit.key, name: unit.name ?? '', total: { ...EMPTY_FIGURES }, months: {} });
  }
  const byMonth: Record<string, StatsFigures> = {};
  let total: StatsFigures = { ...EMPTY_FIGURES };
  for (const r of rows) {
    // grouping(): bit 1 = unit rolled up, bit 0 = month rolled up.
    if (r.g === 3) total = fig(r);
    else if (r.g === 2) byMonth[r.month!] = fig(r);
    else {
      const unit = units.get(Number(r.unit));
      if (!unit) continue;
      if (r.g === 1) unit.total = fig(r);
      else unit.months[r.month!] = fig(r);
    }
  }
  return { units: [...units.values()], byMonth, total };
}
