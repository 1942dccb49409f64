import { teamStatistics } from '@/db/queries/stats';
import { ERROR_MESSAGES } from '@/domain/errors';
import { can } from '@/domain/permissions';
import { EMPTY_FIGURES, STATS_LEVEL_LABELS, statsQuerySchema, statsRange, type StatsFigures } from '@/domain/stats';
import { csvResponse, toCsv } from '@/lib/csv';
import { getPrincipal } from '@/lib/session';

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

const hours = (s: number | null) => (s == null ? '' : Math.round((s / 3600) * 10) / 10);
const cells = (f: StatsFigures = EMPTY_FIGURES) => [f.submitted, f.published, f.returned, hours(f.medianSeconds)];

/**
 * The statistics page's figures as CSV: every unit × month, each unit's total, then all
 * units together; the same scope as the page (an editor's regions and columns). Aggregates
 * only, so an export is not written to the audit log.
 */
export async function GET(request: Request) {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  if (!can(p, 'stats.view')) return refuse(403, ERROR_MESSAGES.FORBIDDEN);
  const q = statsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const level = q.level ?? 'team';
  const range = statsRange(q, new Date());
  const stats = await teamStatistics(p, { start: range.start, end: range.end, level });
  const rows: (string | number)[][] = [];
  for (const u of stats.units) {
    const name = u.name || '(直属上级区域的工作队)';
    for (const m of range.months) rows.push([name, m, ...cells(u.months[m])]);
    rows.push([name, '合计', ...cells(u.total)]);
  }
  for (const m of range.months) rows.push(['全部', m, ...cells(stats.byMonth[m])]);
  rows.push(['全部', '合计', ...cells(stats.total)]);
  const csv = toCsv([STATS_LEVEL_LABELS[level], '月份', '提交', '发布', '退回', '提交至发布中位数(小时)'], rows);
  return csvResponse(csv, `工作队统计-${STATS_LEVEL_LABELS[level]}-${range.from}至${range.to}.csv`);
}
