import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { dm, formatAge } from '@/components/dashboard/messages';
import { StatusBadge } from '@/components/dashboard/status-badge';
import {
  DASHBOARD_PAGE_SIZE,
  countByStatus,
  getFilterOptions,
  listDashboardArticles,
  type DashboardFilters,
} from '@/db/queries/newsroom';
import { formatDateTime } from '@/domain/format';
import { ARTICLE_STATUSES, STATUS_LABELS } from '@/domain/workflow';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = { title: '工作台' };

// Bad query values are dropped rather than refused: a filter link never breaks the page.
const filtersSchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  column: z.coerce.number().int().positive().optional().catch(undefined),
  team: z.coerce.number().int().positive().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

const day = (d: string, plus = 0) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + plus * 86400000);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePrincipal('/dashboard');
  const sp = filtersSchema.parse(await searchParams);
  const filters: DashboardFilters = {
    status: sp.status,
    columnId: sp.column,
    teamId: sp.team,
    from: sp.from ? day(sp.from) : undefined,
    to: sp.to ? day(sp.to, 1) : undefined,
    q: sp.q || undefined,
    page: sp.page,
  };
  const [{ rows, total }, counts, options] = await Promise.all([
    listDashboardArticles(p, filters),
    countByStatus(p),
    getFilterOptions(),
  ]);
  const heading = p.role === 'contributor' ? dm.myTeamReports : p.role === 'admin' ? dm.allArticles : dm.reviewQueue;
  const page = sp.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const query = (patch: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const merged = { status: sp.status, column: sp.column, team: sp.team, from: sp.from, to: sp.to, q: sp.q, page: sp.page, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `/dashboard?${s}` : '/dashboard';
  };
  const queueFirst = p.role === 'contributor' ? ARTICLE_STATUSES : (['submitted', 'in_review', ...ARTICLE_STATUSES.filter((s) => s !== 'submitted' && s !== 'in_review')] as const);

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{heading}</h1>

      <section aria-label={dm.countsLabel}>
        <ul className="grid grid-cols-3 gap-1.5 sm:gap-2 lg:grid-cols-5">
          {queueFirst.map((status) => {
            const c = counts.find((x) => x.status === status);
            const waiting = (status === 'submitted' || status === 'in_review') && c?.oldestSubmittedAt;
            return (
              <li key={status}>
                <Link
                  href={query({ status: sp.status === status ? undefined : status, page: undefined })}
                  aria-current={sp.status === status ? 'true' : undefined}
                  className={`block rounded border bg-white px-2 py-1.5 hover:border-red-700 sm:px-3 sm:py-2 ${sp.status === status ? 'border-red-700 ring-1 ring-red-700' : 'border-slate-200'}`}
                  data-testid={`count-${status}`}
                >
                  <span className="block text-xs text-slate-600 sm:text-sm">{STATUS_LABELS[status]}</span>
                  <span className="text-xl font-bold tabular-nums sm:text-2xl">{c?.count ?? 0}</span>
                  {waiting && <span className="block text-xs text-amber-800">{dm.oldest(formatAge(waiting))}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <form method="get" action="/dashboard" className="grid grid-cols-2 gap-2 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-3 lg:grid-cols-7" aria-label={dm.filters}>
        <label className="col-span-2 sm:col-span-3 lg:col-span-2">
          <span className="block text-slate-600">{dm.searchTitle}</span>
          <input type="search" name="q" defaultValue={sp.q ?? ''} className="w-full rounded border border-slate-300 px-2 py-1.5 text-base sm:text-sm" />
        </label>
        <label>
          <span className="block text-slate-600">{dm.status}</span>
          <select name="status" defaultValue={sp.status ?? ''} className="w-full rounded border border-slate-300 px-2 py-1.5">
            <option value="">{dm.any}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-slate-600">{dm.column}</span>
          <select name="column" defaultValue={sp.column ?? ''} className="w-full rounded border border-slate-300 px-2 py-1.5">
            <option value="">{dm.any}</option>
            {options.columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.parentId ? '— ' : ''}
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {p.role !== 'contributor' && (
          <label>
            <span className="block text-slate-600">{dm.team}</span>
            <select name="team" defaultValue={sp.team ?? ''} className="w-full rounded border border-slate-300 px-2 py-1.5">
              <option value="">{dm.any}</option>
              {options.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span className="block text-slate-600">{dm.from}</span>
          <input type="date" name="from" defaultValue={sp.from ?? ''} className="w-full rounded border border-slate-300 px-2 py-1" />
        </label>
        <label>
          <span className="block text-slate-600">{dm.to}</span>
          <input type="date" name="to" defaultValue={sp.to ?? ''} className="w-full rounded border border-slate-300 px-2 py-1" />
        </label>
        <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-7">
          <button type="submit" className="rounded bg-red-700 px-4 py-1.5 text-white hover:bg-red-800">
            {dm.apply}
          </button>
          <Link href="/dashboard" className="rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            {dm.reset}
          </Link>
          <span className="ml-auto text-slate-500">{dm.total(total)}</span>
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{dm.noArticles}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={heading} data-testid="article-rows">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
              <StatusBadge status={r.status} reviewStage={r.reviewStage} stages={r.stages} />
              <Link href={`/dashboard/articles/${r.id}`} className="min-w-0 flex-1 basis-48 font-medium break-words hover:text-red-700">
                {r.title || dm.untitled}
              </Link>
              <span className="text-xs text-slate-500">
                {r.columnName}
                {r.teamName ? ` · ${r.teamName}` : ''}
                {r.authorName ? ` · ${r.authorName}` : ''}
              </span>
              <span className="text-xs text-slate-500 tabular-nums">
                {(r.status === 'submitted' || r.status === 'in_review') && r.submittedAt
                  ? `${dm.waiting} ${formatAge(r.submittedAt)}`
                  : formatDateTime(r.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="分页" className="flex items-center justify-center gap-3 text-sm">
          {page > 1 && <Link href={query({ page: page - 1 })} className="rounded border bg-white px-3 py-1">{dm.prevPage}</Link>}
          <span>{dm.pageOf(page, pages)}</span>
          {page < pages && <Link href={query({ page: page + 1 })} className="rounded border bg-white px-3 py-1">{dm.nextPage}</Link>}
        </nav>
      )}
    </div>
  );
}
