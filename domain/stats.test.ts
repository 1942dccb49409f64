import { describe, expect, it } from 'vitest';
import { addMonths, beijingMonth, monthStart, selectedUnit, statsQuerySchema, statsRange } from './stats';

describe('statistics months', () => {
  it('buckets by the Beijing calendar: 2026-03-31 17:00 UTC is in April', () => {
    expect(beijingMonth(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04');
    expect(beijingMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(monthStart('2026-04').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('defaults to the last 12 months, swaps a reversed range and caps a long one', () => {
    const now = new Date('2026-11-29T02:00:00Z');
    const d = statsRange({}, now);
    expect([d.from, d.to, d.months.length]).toEqual(['2025-12', '2026-11', 12]);
    expect(d.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const s = statsRange({ from: '2026-05', to: '2026-02' }, now);
    expect([s.from, s.to, s.swapped]).toEqual(['2026-02', '2026-05', true]);
    const c = statsRange({ from: '2020-01', to: '2026-01' }, now);
    expect([c.months.length, c.to, c.capped]).toEqual([36, '2022-12', true]);
  });

  it('drops bad query values and ignores a unit picked at another level', () => {
    expect(statsQuerySchema.parse({ from: '2026-13', to: 'x', level: 'galaxy', unit: 'team:x' })).toEqual({ from: undefined, to: undefined, level: undefined, unit: undefined });
    expect(selectedUnit({ unit: 'county:4' }, 'county')).toBe(4);
    expect(selectedUnit({ unit: 'team:4' }, 'county')).toBeUndefined();
  });
});
