import { m } from './messages';

/** Page numbers around the current page, with gaps: 1 … 4 5 [6] 7 8 … 400. */
export function pageWindow(page: number, count: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  const from = Math.max(1, page - radius);
  const to = Math.min(count, page + radius);
  if (from > 1) out.push(1);
  if (from > 2) out.push(null);
  for (let p = from; p <= to; p++) out.push(p);
  if (to < count - 1) out.push(null);
  if (to < count) out.push(count);
  return out;
}

export function Pagination({
  basePath,
  page,
  pageCount,
  total,
  params = {},
}: {
  basePath: string;
  page: number;
  pageCount: number;
  total: number;
  /** Other query parameters every page link keeps (a search's words and filters). */
  params?: Record<string, string>;
}) {
  if (pageCount <= 1) return <p className="mt-4 text-center text-sm text-muted">{m.totalArticles(total)}</p>;
  const href = (p: number) => {
    const qs = new URLSearchParams(params);
    if (p > 1) qs.set('page', String(p));
    const s = qs.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const cls = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-line bg-white px-3 text-sm hover:border-brand hover:text-brand';
  return (
    <nav aria-label="分页" className="no-print mt-6 flex flex-col items-center gap-3">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} className={cls} rel="prev">
              {m.prevPage}
            </a>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="px-1 text-muted" aria-hidden>
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${cls} border-brand bg-brand text-white hover:text-white`}>
                  {p}
                </span>
              ) : (
                <a href={href(p)} className={cls}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} className={cls} rel="next">
              {m.nextPage}
            </a>
          </li>
        )}
      </ul>
      <form action={basePath} method="get" className="flex items-center gap-2 text-sm text-muted">
        {Object.entries(params).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <span>
          {m.pageOf(page, pageCount)} · {m.totalArticles(total)}
        </span>
        <label htmlFor="goto-page">{m.goToPage}</label>
        <input
          id="goto-page"
          name="page"
          type="number"
          min={1}
          max={pageCount}
          inputMode="numeric"
          className="h-11 w-20 rounded border border-line bg-white px-2"
        />
        <span>{m.pageUnit}</span>
        <button type="submit" className={cls}>
          {m.go}
        </button>
      </form>
    </nav>
  );
}
