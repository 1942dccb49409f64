import { z } from 'zod';
import { REGION_LEVELS, REGION_LEVEL_LABELS } from './regions';

/** What the statistics roll up by: each team, or the region at one level of the tree. */
export const STATS_LEVELS = ['team', ...REGION_LEVELS] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];
export const STATS_LEVEL_LABELS: Record<StatsLevel, string> = { team: '工作队', ...REGION_LEVEL_LABELS };

/** Widest range one request may ask for (the table and chart stay readable; the query stays small). */
export const STATS_MAX_MONTHS = 36;
export const STATS_DEFAULT_MONTHS = 12;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The Beijing calendar month an instant falls in, "2026-04". */
export function beijingMonth(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Midnight of the month's first day in Beijing (China keeps UTC+8 all year). */
export const monthStart = (month: string): Date => new Date(`${month}-01T00:00:00+08:00`);

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= STATS_MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The page's query string; bad values fall back to the defaults rather than failing. */
export const statsQuerySchema = z.object({
  from: z.string().regex(MONTH).optional().catch(undefined),
  to: z.string().regex(MONTH).optional().catch(undefined),
  level: z.enum(STATS_LEVELS).optional().catch(undefined),
  /** "level:key", e.g. "team:3" or "county:12": a unit picked at another level is ignored. */
  unit: z.string().regex(/^[a-z]+:\d{1,9}$/).optional().catch(undefined),
});
export type StatsQuery = z.output<typeof statsQuerySchema>;

/** The unit key the query picks at this level, if any. */
export function selectedUnit(q: Pick<StatsQuery, 'unit'>, level: StatsLevel): number | undefined {
  if (!q.unit) return undefined;
  const [l, key] = q.unit.split(':');
  return l === level ? Number(key) : undefined;
}

export const unitParam = (level: StatsLevel, key: number) => `${level}:${key}`;

export interface StatsRange {
  from: string;
  to: string;
  months: string[];
  /** Instants: [start, end). */
  start: Date;
  end: Date;
  swapped: boolean;
  capped: boolean;
}

/** The months asked for: default the last 12 (this one included), ends swapped if reversed, at most 36. */
export function statsRange(q: Pick<StatsQuery, 'from' | 'to'>, now: Date): StatsRange {
  const current = beijingMonth(now);
  let to = q.to ?? current;
  let from = q.from ?? addMonths(to, -(STATS_DEFAULT_MONTHS - 1));
  const swapped = from > to;
  if (swapped) [from, to] = [to, from];
  let capped = false;
  if (monthsBetween(from, to).length > STATS_MAX_MONTHS) {
    to = addMonths(from, STATS_MAX_MONTHS - 1);
    capped = true;
  }
  return { from, to, months: monthsBetween(from, to), start: monthStart(from), end: monthStart(addMonths(to, 1)), swapped, capped };
}

export interface StatsFigures {
  submitted: number;
  published: number;
  returned: number;
  /** Median seconds from first submission to publication, over the reports published. */
  medianSeconds: number | null;
}

export const EMPTY_FIGURES: StatsFigures = { submitted: 0, published: 0, returned: 0, medianSeconds: null };
