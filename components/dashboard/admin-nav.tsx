'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { am } from './admin-messages';

const SECTIONS = [
  ['/dashboard/admin', am.overview],
  ['/dashboard/admin/users', am.sections.users.title],
  ['/dashboard/admin/teams', am.sections.teams.title],
  ['/dashboard/admin/regions', am.sections.regions.title],
  ['/dashboard/admin/columns', am.sections.columns.title],
  ['/dashboard/admin/pages', am.sections.pages.title],
  ['/dashboard/admin/settings', am.sections.settings.title],
] as const;

/** The administration sections as tabs that wrap on a phone. */
export function AdminNav() {
  const path = usePathname();
  const current = (href: string) => (href === '/dashboard/admin' ? path === href : path === href || path.startsWith(`${href}/`));
  return (
    <nav aria-label={am.nav} className="rounded border border-slate-200 bg-white p-1.5">
      <ul className="flex flex-wrap gap-1 text-sm">
        {SECTIONS.map(([href, label]) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={current(href) ? 'page' : undefined}
              className="block rounded px-3 py-1.5 hover:bg-slate-100 aria-[current=page]:bg-red-700 aria-[current=page]:text-white"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
