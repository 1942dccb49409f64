import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { am } from '@/components/dashboard/admin-messages';
import { USERS_PAGE_SIZE, listUsers, teamOptions } from '@/db/queries/admin';
import { formatDateTime } from '@/domain/format';
import { ROLES, ROLE_LABELS } from '@/domain/roles';
import { requireAdminPage } from '../lib';

export const metadata: Metadata = { title: am.users };

// Bad query values are dropped rather than refused: a filter link never breaks the page.
const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  team: z.coerce.number().int().positive().optional().catch(undefined),
  active: z.enum(['1', '0']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage('/dashboard/admin/users');
  const sp = filtersSchema.parse(await searchParams);
  const [{ rows, total, page }, teams] = await Promise.all([
    listUsers({ q: sp.q, role: sp.role, teamId: sp.team, active: sp.active === undefined ? undefined : sp.active === '1', page: sp.page }),
    teamOptions(),
  ]);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const href = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...sp, page: n > 1 ? n : undefined })) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `/dashboard/admin/users?${s}` : '/dashboard/admin/users';
  };
  const select = 'w-full rounded border border-slate-300 px-2 py-1.5';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{am.users}</h1>
        <Link href="/dashboard/admin/users/new" className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          {am.newUser}
        </Link>
      </div>

      <form method="get" action="/dashboard/admin/users" role="search" className="grid grid-cols-2 gap-2 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-4">
        <label className="col-span-2 sm:col-span-4">
          <span className="block text-slate-600">{am.search}</span>
          <input type="search" name="q" defaultValue={sp.q ?? ''} maxLength={100} placeholder={am.userSearch} className="w-full rounded border border-slate-300 px-2 py-1.5 text-base sm:text-sm" />
        </label>
        <label>
          <span className="block text-slate-600">{am.role}</span>
          <select name="role" defaultValue={sp.role ?? ''} className={select}>
            <option value="">{am.any}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-slate-600">{am.status}</span>
          <select name="active" defaultValue={sp.active ?? ''} className={select}>
            <option value="">{am.any}</option>
            <option value="1">{am.active}</option>
            <option value="0">{am.disabled}</option>
          </select>
        </label>
        <label className="col-span-2">
          <span className="block text-slate-600">{am.team}</span>
          <select name="team" defaultValue={sp.team ?? ''} className={select}>
            <option value="">{am.any}</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.shortName}
                {t.active ? '' : am.stoppedTeam}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex items-center gap-2 sm:col-span-4">
          <button type="submit" className="min-h-10 rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-900">
            {am.search}
          </button>
          <Link href="/dashboard/admin/users" className="flex min-h-10 items-center rounded px-3 text-slate-600 hover:bg-slate-100">
            {am.reset}
          </Link>
          <span className="ml-auto text-slate-500" data-testid="user-total">
            {am.total(total)}
          </span>
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{am.noUsers}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={am.users} data-testid="user-rows">
          {rows.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
              <Link href={`/dashboard/admin/users/${u.id}`} className="min-w-0 basis-40 font-medium break-words hover:text-red-700">
                {u.displayName}
              </Link>
              <span className="text-sm break-all text-slate-600">{u.username}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{ROLE_LABELS[u.role]}</span>
              {u.teamName && <span className="min-w-0 text-xs break-words text-slate-600">{u.teamName}</span>}
              {!u.active && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">{am.disabled}</span>}
              <span className="ml-auto text-xs text-slate-500 tabular-nums">
                {am.lastLogin}:{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : am.neverLoggedIn}
              </span>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label={am.pagination} className="flex items-center justify-center gap-3 text-sm">
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev" className="rounded border bg-white px-3 py-1.5">
              {am.prevPage}
            </Link>
          )}
          <span>{am.pageOf(page, pages)}</span>
          {page < pages && (
            <Link href={href(page + 1)} rel="next" className="rounded border bg-white px-3 py-1.5">
              {am.nextPage}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
