import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { mm } from '@/components/dashboard/media-messages';
import { dm } from '@/components/dashboard/messages';
import { SignOutAllButton } from '@/components/dashboard/sign-out-all-button';
import { unreadNotificationCount } from '@/db/queries/newsroom';
import { getSiteSettings } from '@/db/queries/site';
import { can, type Permission } from '@/domain/permissions';
import { ROLE_LABELS } from '@/domain/roles';
import { requirePrincipal } from '@/lib/session';
import { signOutAction, signOutEverywhereAction } from './actions';
import '../editor.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

const LINK = 'rounded px-2 py-1.5 hover:bg-slate-100';

/** The sections, each shown to those whose role has its permission (each page checks again). */
const NAV: { href: string; label: string; perm: Permission }[] = [
  { href: '/dashboard/articles/new', label: dm.newArticle, perm: 'article.create' },
  { href: '/dashboard/field', label: dm.field, perm: 'article.create' },
  { href: '/dashboard/media', label: mm.library, perm: 'media.view' },
  { href: '/dashboard/messages', label: dm.inbox, perm: 'message.view' },
  { href: '/dashboard/stats', label: dm.stats, perm: 'stats.view' },
  { href: '/dashboard/audit', label: dm.audit, perm: 'audit.view' },
  { href: '/dashboard/admin', label: dm.admin, perm: 'admin.manage' },
];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const p = await requirePrincipal('/dashboard');
  const [unread, settings] = await Promise.all([unreadNotificationCount(p.id), getSiteSettings()]);
  return (
    <div className="min-h-screen bg-slate-100 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2">
        {dm.skipToContent}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-4">
          <Link href="/dashboard" className="font-bold text-red-700">
            {settings.shortName}·编辑部
          </Link>
          <nav aria-label="工作台导航" className="flex flex-wrap items-center gap-1 text-sm">
            <Link href="/dashboard" className={LINK}>
              {dm.dashboard}
            </Link>
            {NAV.filter((item) => can(p, item.perm)).map((item) => (
              <Link key={item.href} href={item.href} className={LINK}>
                {item.label}
              </Link>
            ))}
            <Link href="/dashboard/notifications" className={LINK} data-testid="notifications-link">
              {dm.notifications}
              {unread > 0 && (
                <span className="ml-1 inline-block min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 text-white" aria-label={dm.unread(unread)}>
                  {unread}
                </span>
              )}
            </Link>
            <Link href="/" className={LINK}>
              {dm.viewSite}
            </Link>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
            <span data-testid="current-user">
              {p.name}
              <span className="ml-1 text-slate-500">({ROLE_LABELS[p.role]})</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100">
                {dm.signOut}
              </button>
            </form>
            <SignOutAllButton action={signOutEverywhereAction} label={dm.signOutAll} confirmText={dm.signOutAllConfirm} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4 sm:py-6">
        {children}
      </main>
    </div>
  );
}
