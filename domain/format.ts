/** Dates are shown in Beijing time, the official time of the region. */
const TZ = 'Asia/Shanghai';

// One formatter for the process: creating an Intl formatter costs far more than using one,
// and listings format dozens of dates per page (measured: a fifth of a column page's render).
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string | Date) {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const f = FORMAT.formatToParts(d);
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** 2026-11-29 */
export function formatDate(iso: string | Date): string {
  const p = parts(iso);
  return `${p.y}-${p.m}-${p.d}`;
}

/** 2026-11-29 13:05 */
export function formatDateTime(iso: string | Date): string {
  const p = parts(iso);
  return `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}`;
}

/** 11-29, for compact lists. */
export function formatMonthDay(iso: string | Date): string {
  const p = parts(iso);
  return `${p.m}-${p.d}`;
}
