import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';
import { adminOverview } from '@/db/queries/admin';
import { requireAdminPage } from './lib';

export const metadata: Metadata = { title: am.title };

export default async function AdminOverviewPage() {
  await requireAdminPage('/dashboard/admin');
  const o = await adminOverview();
  const cards = [
    { href: '/dashboard/admin/users', ...am.sections.users, count: am.usersCount(o.activeUsers, o.allUsers) },
    { href: '/dashboard/admin/teams', ...am.sections.teams, count: am.teamsCount(o.activeTeams) },
    { href: '/dashboard/admin/regions', ...am.sections.regions, count: am.regionsCount(o.regionCount) },
    { href: '/dashboard/admin/columns', ...am.sections.columns, count: am.columnsCount(o.columnCount) },
    { href: '/dashboard/admin/pages', ...am.sections.pages, count: am.pagesCount(o.pageCount) },
    { href: '/dashboard/admin/settings', ...am.sections.settings, count: null },
  ];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{am.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{am.intro}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((c) => (
          <li key={c.href}>
            <Link href={c.href} className="block h-full rounded border border-slate-200 bg-white p-4 hover:border-red-700 focus-visible:outline-2 focus-visible:outline-red-700">
              <span className="block text-lg font-semibold text-red-800">{c.title}</span>
              {c.count && <span className="mt-0.5 block text-sm font-medium text-slate-800 tabular-nums">{c.count}</span>}
              <span className="mt-1 block text-sm text-slate-600">{c.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
