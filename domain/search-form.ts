import { MAX_QUERY_LENGTH } from './search';

export interface SearchFormValues {
  q: string;
  column: string;
  from: string;
  to: string;
  sort: 'relevance' | 'newest';
  page: number;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A calendar day as YYYY-MM-DD, or null when it is not one. */
function day(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? raw : null;
}

/**
 * Reads the search form from the URL. Nothing a reader types is an error page: what
 * cannot be used is dropped or corrected and explained (`problems`, in Chinese).
 */
export function parseSearchForm(params: Record<string, string | string[] | undefined>): { values: SearchFormValues; problems: string[] } {
  const problems: string[] = [];
  let q = first(params.q).replace(/\s+/gu, ' ').trim();
  if ([...q].length > MAX_QUERY_LENGTH) {
    q = [...q].slice(0, MAX_QUERY_LENGTH).join('').trim();
    problems.push(`搜索词太长,只按前 ${MAX_QUERY_LENGTH} 个字搜索。`);
  }
  const dates = { from: first(params.from).trim(), to: first(params.to).trim() };
  let badDate = false;
  for (const k of ['from', 'to'] as const) {
    if (dates[k] && !day(dates[k])) {
      dates[k] = '';
      badDate = true;
    }
  }
  if (badDate) problems.push('日期格式不正确,已忽略该日期。请使用“年-月-日”格式。');
  if (dates.from && dates.to && dates.from > dates.to) {
    [dates.from, dates.to] = [dates.to, dates.from];
    problems.push('起始日期晚于截止日期,已为您对调。');
  }
  const page = Number(first(params.page));
  return {
    values: {
      q,
      column: first(params.column).trim(),
      from: dates.from,
      to: dates.to,
      sort: first(params.sort) === 'newest' ? 'newest' : 'relevance',
      page: Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 1000) : 1,
    },
    problems,
  };
}
