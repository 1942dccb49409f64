import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { am, formatDuration } from '@/components/dashboard/audit-messages';
import { StatsChart } from '@/components/dashboard/stats-chart';
import { teamStatistics } from '@/db/queries/stats';
import { can } from '@/domain/permissions';
import { EMPTY_FIGURES, STATS_LEVELS, STATS_LEVEL_LABELS, STATS_MAX_MONTHS, selectedUnit, statsQuerySchema, statsRange, unitParam, type StatsFigures } from '@/domain/stats';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = { title: '工作队统计' };

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePrincipal('/dashboard/stats');
  if (!can(p, 'stats.view')) notFound();
  const q = statsQuerySchema.parse(await searchParams);
  const level = q.level ?? 'team';
  const range = statsRange(q, new Date());
  const stats = await teamStatistics(p, { start: range.start, end: range.end, level });
  const unitKey = selectedUnit(q, level);
  const selected = unitKey != null ? stats.units.find((u) => u.key === unitKey) : undefined;
  const unitName = (u: { key: number; name: string }) => u.name || am.outsideLevel;
  const shownName = selected ? unitName(selected) : `${am.allUnits}${STATS_LEVEL_LABELS[level]}`;
  const byMonth = selected ? selected.months : stats.byMonth;
  const total = selected ? selected.total : stats.total;
  const scoped = p.role === 'editor' && (p.regionScope || p.columnScope);
  const levelLabel = STATS_LEVEL_LABELS[level];
  const link = (patch: Record<string, string | number | undefined>) => {
    const s = new URLSearchParams();
    const merged = { from: range.from, to: range.to, level, unit: selected ? unitParam(level, selected.key) : undefined, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') s.set(k, String(v));
    return `?${s.toString()}`;
  };
  const input = 'w-full rounded border border-slate-300 px-2 py-1.5';
  const th = 'border-b border-slate-200 px-1.5 py-1.5 text-left font-medium sm:px-2';
  const td = 'border-b border-slate-200 px-1.5 py-1.5 text-right tabular-nums sm:px-2';
  const figures = (f: StatsFigures = EMPTY_FIGURES) => (
    <>
      <td className={td}>{f.submitted}</td>
      <td className={td}>{f.published}</td>
      <td className={td}>{f.returned}</td>
      <td className={`${td} whitespace-nowrap`}>{formatDuration(f.medianSeconds)}</td>
    </>
  );
  const head = (first: string) => (
    <thead>
      <tr className="bg-slate-50">
        <th scope="col" className={th}>{first}</th>
        <th scope="col" className={`${th} whitespace-nowrap text-right`}>{am.submitted}</th>
        <th scope="col" className={`${th} whitespace-nowrap text-right`}>{am.published}</th>
        <th scope="col" className={`${th} whitespace-nowrap text-right`}>{am.returned}</th>
        <th scope="col" className={`${th} whitespace-nowrap text-right`}>{am.medianShort}</th>
      </tr>
    </thead>
  );

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{am.statsTitle}</h1>
        <p className="mt-1 text-sm text-slate-600">{am.statsIntro}</p>
      </div>

      <form method="get" action="/dashboard/stats" aria-label={am.statsTitle} className="grid grid-cols-2 gap-2 rounded border border-slate-200 bg-white p-3 text-sm lg:grid-cols-5">
        <label>
          <span className="block text-slate-600">{am.fromMonth}</span>
          <input type="month" name="from" defaultValue={range.from} pattern="\d{4}-\d{2}" placeholder="2026-01" className={input} />
        </label>
        <label>
          <span className="block text-slate-600">{am.toMonth}</span>
          <input type="month" name="to" defaultValue={range.to} pattern="\d{4}-\d{2}" placeholder="2026-12" className={input} />
        </label>
        <label>
          <span className="block text-slate-600">{am.level}</span>
          <select name="level" defaultValue={level} className={input}>
            {STATS_LEVELS.map((l) => (
              <option key={l} value={l}>
                {STATS_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-slate-600">{am.unit}</span>
          <select name="unit" defaultValue={selected ? unitParam(level, selected.key) : ''} className={input}>
            <option value="">{am.allUnits}</option>
            {stats.units.map((u) => (
              <option key={u.key} value={unitParam(level, u.key)}>
                {unitName(u)}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex flex-wrap items-end gap-2 lg:col-span-1">
          <button type="submit" className="rounded bg-red-700 px-4 py-1.5 text-white hover:bg-red-800">
            {am.apply}
          </button>
          <a href={`/dashboard/stats/export${link({ unit: undefined })}`} download className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" data-testid="stats-export">
            {am.exportCsv}
          </a>
        </div>
      </form>

      {(scoped || range.swapped || range.capped) && (
        <ul className="space-y-1 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {scoped && <li>{am.scopeNote}</li>}
          {range.swapped && <li>{am.badRange}</li>}
          {range.capped && <li>{am.rangeCapped(STATS_MAX_MONTHS)}</li>}
        </ul>
      )}

      <section aria-labelledby="chart-title" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="chart-title" className="mb-2 font-semibold">
          {am.byMonth(shownName)}
        </h2>
        <StatsChart
          title={am.chartTitle(shownName, range.from, range.to)}
          desc={am.chartDesc}
          months={range.months}
          byMonth={byMonth}
          labels={{ submitted: am.submitted, published: am.published, returned: am.returned }}
        />
        <div className="mt-3 overflow-x-auto" role="region" aria-label={am.byMonth(shownName)} tabIndex={0}>
          <table className="w-full min-w-[18rem] text-sm" data-testid="stats-months">
            <caption className="sr-only">{am.byMonth(shownName)}</caption>
            {head(am.month)}
            <tbody>
              {range.months.map((m) => (
                <tr key={m}>
                  <th scope="row" className={`${th} font-normal tabular-nums`}>
                    {m}
                  </th>
                  {figures(byMonth[m])}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className={th}>
                  {am.total}
                </th>
                {figures(total)}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="units-title" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="units-title" className="mb-2 font-semibold">
          {am.byUnit(levelLabel)}({range.from} 至 {range.to})
        </h2>
        {stats.units.length === 0 ? (
          <p className="text-sm text-slate-500">{am.noData}</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="units-title" tabIndex={0}>
            <table className="w-full min-w-[18rem] text-sm" data-testid="stats-units">
              {head(levelLabel)}
              <tbody>
                {stats.units.map((u) => (
                  <tr key={u.key} aria-current={selected?.key === u.key ? 'true' : undefined} className={selected?.key === u.key ? 'bg-red-50' : undefined}>
                    <th scope="row" className={`${th} font-normal`}>
                      <Link href={link({ unit: unitParam(level, u.key) })} className="break-words text-red-800 hover:underline">
                        {unitName(u)}
                      </Link>
                    </th>
                    {figures(u.total)}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <th scope="row" className={th}>
                    <Link href={link({ unit: undefined })} className="hover:underline">
                      {am.total}
                    </Link>
                  </th>
                  {figures(stats.total)}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="defs-title" className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 id="defs-title" className="mb-1 font-semibold">
          {am.definitions}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700" data-testid="stats-definitions">
          <li>{am.defSubmitted}</li>
          <li>{am.defPublished}</li>
          <li>{am.defReturned}</li>
          <li>{am.defMedian}</li>
          <li>{am.defScope}</li>
        </ul>
      </section>
    </div>
  );
}
