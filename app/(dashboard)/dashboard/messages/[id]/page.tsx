import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContactReveal } from '@/components/dashboard/contact-reveal';
import { im } from '@/components/dashboard/inbox-messages';
import { MessageActions } from '@/components/dashboard/message-actions';
import { KindBadge, MessageStatusBadge, messageTitle } from '@/components/dashboard/message-badges';
import { formatAge } from '@/components/dashboard/messages';
import { getEditableArticle, refOf } from '@/db/queries/newsroom';
import { getInboxMessage, getMessageEvents, messageHandlers } from '@/db/queries/reader-messages';
import { formatDateTime } from '@/domain/format';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';
import { assignMessageAction, handleMessageAction, reopenMessageAction, revealMessageContactAction } from '../actions';

export const metadata: Metadata = { title: im.messageTitle };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const p = await requirePrincipal(`/dashboard/messages/${id || ''}`);
  const m = id && can(p, 'message.view') ? await getInboxMessage(p, id) : null;
  if (!m) notFound();
  const [history, handlers, editable] = await Promise.all([
    getMessageEvents(p, m.id),
    messageHandlers(p),
    m.article ? getEditableArticle(m.article.id) : null,
  ]);
  const canOpenArticle = editable != null && can(p, 'article.view', refOf(editable));
  const canEditArticle = editable != null && can(p, 'article.edit', refOf(editable));
  const title = messageTitle({ ...m, articleTitle: m.article?.title ?? null, preview: m.body.slice(0, 60) });

  return (
    <div className="space-y-4">
      <nav aria-label="路径" className="text-sm">
        <Link href="/dashboard/messages" className="text-red-700 underline">
          {im.backToInbox}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start gap-2">
        <KindBadge kind={m.kind} />
        <MessageStatusBadge status={m.status} />
        <h1 className="min-w-0 flex-1 basis-60 text-xl font-bold break-words">{title}</h1>
      </div>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <section aria-labelledby="msg-body" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="msg-body" className="mb-2 font-semibold">
              {im.body}
            </h2>
            {/* Plain text as the reader typed it: React escapes it, the line breaks are kept by CSS. */}
            <p className="leading-relaxed break-words whitespace-pre-wrap" data-testid="message-body">
              {m.body}
            </p>
          </section>

          {m.article && (
            <section aria-labelledby="msg-article" className="rounded border border-slate-200 bg-white p-3" data-testid="message-article">
              <h2 id="msg-article" className="mb-1 font-semibold">
                {im.article}
              </h2>
              <p className="font-medium break-words">《{m.article.title}》</p>
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {canEditArticle && (
                  <Link href={`/dashboard/articles/${m.article.id}/edit`} className="inline-block py-1 text-red-700 underline">
                    {im.editArticle}
                  </Link>
                )}
                {canOpenArticle && (
                  <Link href={`/dashboard/articles/${m.article.id}`} className="inline-block py-1 text-red-700 underline">
                    {im.openArticle}
                  </Link>
                )}
                {m.article.isPublic ? (
                  <Link href={`/articles/${m.article.id}`} className="inline-block py-1 text-red-700 underline">
                    {im.publicArticle}
                  </Link>
                ) : (
                  <span className="py-1 text-slate-500">{im.articleNotPublic}</span>
                )}
              </p>
            </section>
          )}

          {m.handled && (
            <section aria-labelledby="msg-handled" className="rounded border border-green-200 bg-green-50 p-3" data-testid="message-handled">
              <h2 id="msg-handled" className="mb-1 font-semibold text-green-900">
                {im.status('handled')}
              </h2>
              <p className="text-sm break-words whitespace-pre-wrap">{m.handled.note}</p>
              <p className="mt-1 text-xs text-slate-600">
                {m.handled.byName ?? im.system} · {formatDateTime(m.handled.at)}
              </p>
            </section>
          )}
        </div>

        <div className="min-w-0 space-y-4">
          <section aria-labelledby="msg-info" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="msg-info" className="mb-2 font-semibold">
              {im.info}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{im.receipt}</dt>
              <dd className="font-mono" data-testid="message-receipt">
                {m.receiptCode}
              </dd>
              <dt className="text-slate-600">{im.kindLabel}</dt>
              <dd>{im.kind(m.kind)}</dd>
              <dt className="text-slate-600">{im.statusLabel}</dt>
              <dd data-testid="message-status">{im.status(m.status)}</dd>
              <dt className="text-slate-600">{im.assignee}</dt>
              <dd className="break-words" data-testid="message-assignee">
                {m.assignee?.name ?? im.unassigned}
              </dd>
              <dt className="text-slate-600">{im.received}</dt>
              <dd className="tabular-nums">
                {formatDateTime(m.createdAt)}({im.receivedAgo(formatAge(m.createdAt))})
              </dd>
            </dl>
          </section>

          <section aria-labelledby="msg-contact" className="space-y-2 rounded border border-slate-200 bg-white p-3" data-testid="message-contact">
            <h2 id="msg-contact" className="font-semibold">
              {im.contactTitle}
            </h2>
            {!m.hasContact ? (
              <p className="text-sm text-slate-600">{im.contactNone}</p>
            ) : can(p, 'message.contact') ? (
              <>
                <p className="text-sm text-slate-600">{im.contactAudit}</p>
                <ContactReveal id={m.id} reveal={revealMessageContactAction} />
              </>
            ) : (
              <p className="text-sm text-slate-600">
                {im.contactLeft}
                {im.contactHidden}
              </p>
            )}
          </section>

          {can(p, 'message.handle') ? (
            <MessageActions
              id={m.id}
              status={m.status}
              assigneeId={m.assignee?.id ?? null}
              me={p.id}
              handlers={handlers}
              assign={assignMessageAction}
              handle={handleMessageAction}
              reopen={reopenMessageAction}
            />
          ) : (
            <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600">{im.cannotHandle}</p>
          )}

          <section aria-labelledby="msg-history" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="msg-history" className="mb-2 font-semibold">
              {im.history}
            </h2>
            {history.length === 0 ? (
              <p className="text-sm text-slate-500">{im.noHistory}</p>
            ) : (
              <ol className="space-y-2 text-sm" data-testid="message-history">
                {history.map((e) => (
                  <li key={e.id} className="border-l-2 border-slate-300 pl-2">
                    <p>
                      <span className="font-medium">{e.actorName ?? im.system}</span> {im.eventLabel(e.action)}
                      {e.action === 'message.assign' && e.assigneeName ? ` ${im.assignedToName(e.assigneeName)}` : ''}
                    </p>
                    {e.reason && (
                      <p className="break-words whitespace-pre-wrap text-slate-700">
                        {im.noteLabel}:{e.reason}
                      </p>
                    )}
                    <p className="text-xs text-slate-500">{formatDateTime(e.createdAt)}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
