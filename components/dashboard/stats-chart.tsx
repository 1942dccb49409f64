import type { StatsFigures } from '@/domain/stats';

const SERIES = [
  { key: 'submitted', color: '#475569' },
  { key: 'published', color: '#b91c1c' },
  { key: 'returned', color: '#d97706' },
] as const;

export interface StatsChartProps {
  title: string;
  desc: string;
  months: string[];
  byMonth: Record<string, StatsFigures>;
  labels: Record<(typeof SERIES)[number]['key'], string>;
}

/**
 * Grouped bars per month, drawn on the server as plain SVG at its natural size (text stays
 * legible); a long range scrolls inside its own box. The table next to it holds the data.
 */
export function StatsChart({ title, desc, months, byMonth, labels }: StatsChartProps) {
  const bar = 11;
  const group = bar * SERIES.length + 13;
  const left = 36;
  const top = 12;
  const plot = 170;
  const width = left + months.length * group + 8;
  const height = top + plot + 34;
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => byMonth[m]?.[s.key] ?? 0)));
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (v: number) => top + plot - (v / ceiling) * plot;
  const ticks = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step);

  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto" data-testid="stats-chart">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="stats-chart-title stats-chart-desc" className="block">
          <title id="stats-chart-title">{title}</title>
          <desc id="stats-chart-desc">{desc}</desc>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={left} x2={width - 4} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
              <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#64748b">
                {t}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x0 = left + i * group + 6;
            const f = byMonth[m];
            return (
              <g key={m}>
                {SERIES.map((s, k) => {
                  const v = f?.[s.key] ?? 0;
                  return (
                    <rect key={s.key} x={x0 + k * bar} y={y(v)} width={bar - 1} height={Math.max(0, top + plot - y(v))} fill={s.color}>
                      <title>{`${m} ${labels[s.key]} ${v}`}</title>
                    </rect>
                  );
                })}
                <text x={x0 + (bar * SERIES.length) / 2} y={top + plot + 14} textAnchor="middle" fontSize="11" fill="#334155">
                  {Number(m.slice(5))}月
                </text>
                {(i === 0 || m.endsWith('-01')) && (
                  <text x={x0 + (bar * SERIES.length) / 2} y={top + plot + 28} textAnchor="middle" fontSize="10" fill="#64748b">
                    {m.slice(0, 4)}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={left} x2={width - 4} y1={top + plot} y2={top + plot} stroke="#94a3b8" />
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-3 text-xs text-slate-600">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: s.color }} />
            {labels[s.key]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function niceStep(max: number): number {
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * pow) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}
