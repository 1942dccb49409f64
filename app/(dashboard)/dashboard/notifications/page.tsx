import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/dashboard/action-button';
import { dm } from '@/components/dashboard/messages';
import { listNotifications } from '@/db/queries/newsroom';
import { formatDateTime } from '@/domain/format';
import { requirePrincipal } from '@/lib/session';
import { markNotificationsReadAction } from '../actions';

export const metadata: Metadata = { title: '通知' };

export default async function NotificationsPage() {
  const p = await requirePrincipal('/dashboard/notifications');
  const items = await listNotifications(p.id);
  const unread = items.filter((n) => !n.read).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">{dm.notifications}</h1>
        {unread > 0 && <ActionButton action={markNotificationsReadAction} input={{}} label={dm.markAllRead} />}
      </div>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{dm.notifEmpty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2.5 ${n.read ? 'text-slate-500' : ''}`}>
              {!n.read && <span className="h-2 w-2 shrink-0 rounded-full bg-red-700" aria-label="未读" />}
              <p className="min-w-0 flex-1 basis-60 break-words">{n.message}</p>
              <span className="text-xs text-slate-500 tabular-nums">{formatDateTime(n.createdAt)}</span>
              {n.articleId && (
                <Link href={`/dashboard/articles/${n.articleId}`} className="text-sm text-red-700 underline">
                  {dm.openArticle}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
