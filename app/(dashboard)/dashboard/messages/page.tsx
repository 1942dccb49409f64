import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { im } from '@/components/dashboard/inbox-messages';
import { KindBadge, MessageStatusBadge, messageTitle } from '@/components/dashboard/message-badges';
import { formatAge } from '@/components/dashboard/messages';
import { countInboxByStatus, INBOX_PAGE_SIZE, listInbox } from '@/db/queries/reader-messages';
import { formatDateTime } from '@/domain/format';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '@/domain/messages';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = { title: im.inbox };

// Bad query values are dropped rather than refused: a filter link never breaks the page.
const querySchema = z.object({
  kind: z.enum(MESSAGE_KINDS).optional().catch(undefined),
  status: z.enum(MESSAGE_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
type Query = z.infer<typeof querySchema>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePrincipal('/dashboard/messages');
  if (!can(p, 'message.view')) notFound();
  const sp = querySchema.parse(await searchParams);
  const filters = { kind: sp.kind, status: sp.status, q: sp.q || undefined, page: sp.page };
  const [{ rows, total, page }, counts] = await Promise.all([listInbox(p, filters), countInboxByStatus(p, filters)]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const href = (patch: Partial<Query>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...sp, page: undefined, ...patch })) if (v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    return s ? `/dashboard/messages?${s}` : '/dashboard/messages';
  };
  const filtered = Boolean(sp.kind || sp.status || sp.q);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{im.inbox}</h1>
        <p className="mt-1 text-sm text-slate-600">{im.intro}</p>
      </div>

      <nav aria-label={im.kindFilter} className="flex flex-wrap gap-1 text-sm">
        {[undefined, ...MESSAGE_KINDS].map((k) => (
          <Link
            key={k ?? 'all'}
            href={href({ kind: k })}
            aria-current={sp.kind === k ? 'page' : undefined}
            className={`min-h-10 rounded px-3 py-2 ${sp.kind === k ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-200'}`}
          >
            {k ? im.kind(k) : im.allKinds}
          </Link>
        ))}
      </nav>

      <section aria-label={im.countsLabel}>
        <ul className="grid grid-cols-3 gap-1.5 sm:gap-2">
          {MESSAGE_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={href({ status: sp.status === s ? undefined : s })}
                aria-current={sp.status === s ? 'true' : undefined}
                className={`block rounded border bg-white px-2 py-1.5 hover:border-red-700 sm:px-3 sm:py-2 ${sp.status === s ? 'border-red-700 ring-1 ring-red-700' : 'border-slate-200'}`}
                data-testid={`message-count-${s}`}
              >
                <span className="block text-xs text-slate-600 sm:text-sm">{im.status(s)}</span>
                <span className="text-xl font-bold tabular-nums sm:text-2xl">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <form method="get" action="/dashboard/messages" role="search" className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm">
        {sp.kind && <input type="hidden" name="kind" value={sp.kind} />}
        {sp.status && <input type="hidden" name="status" value={sp.status} />}
        <label className="min-w-0 flex-1 basis-56">
          <span className="block text-slate-600">{im.search}</span>
          <input type="search" name="q" defaultValue={sp.q ?? ''} maxLength={100} className="w-full rounded border border-slate-300 px-2 py-1.5 text-base sm:text-sm" />
        </label>
        <button type="submit" className="min-h-10 rounded bg-red-700 px-4 py-1.5 text-white hover:bg-red-800">
          {im.searchButton}
        </button>
        {filtered && (
          <Link href="/dashboard/messages" className="flex min-h-10 items-center rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            {im.reset}
          </Link>
        )}
        <span className="ml-auto self-center text-slate-500" data-testid="message-total">
          {im.total(total)}
        </span>
      </form>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{filtered ? im.empty : im.emptyInbox}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={im.inbox} data-testid="message-rows">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 px-3 py-2.5">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <KindBadge kind={r.kind} />
                <MessageStatusBadge status={r.status} />
                <Link href={`/dashboard/messages/${r.id}`} className="min-w-0 flex-1 basis-48 font-medium break-words hover:text-red-700">
                  {messageTitle(r)}
                </Link>
              </div>
              <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
                <span>
                  {im.receipt} <span className="font-mono text-slate-700">{r.receiptCode}</span>
                </span>
                <span>
                  {im.assignee}:{r.assigneeName ?? im.unassigned}
                </span>
                <time dateTime={r.createdAt} title={formatDateTime(r.createdAt)} className="tabular-nums">
                  {im.receivedAgo(formatAge(r.createdAt))}
                </time>
                {r.articleTitle && (
                  <span className="min-w-0 break-words">
                    {im.about}《{r.articleTitle}》
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label={im.pagination} className="flex items-center justify-center gap-3 text-sm">
          {page > 1 && (
            <Link href={href({ page: page - 1 })} rel="prev" className="rounded border bg-white px-3 py-1.5">
              {im.prevPage}
            </Link>
          )}
          <span>{im.pageOf(page, pages)}</span>
          {page < pages && (
            <Link href={href({ page: page + 1 })} rel="next" className="rounded border bg-white px-3 py-1.5">
              {im.nextPage}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
