import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { am } from '@/components/dashboard/audit-messages';
import { AUDIT_EXPORT_CAP, AUDIT_PAGE_SIZE, listAuditActors, listAuditEvents, listLoggedActions } from '@/db/queries/audit';
import { auditActionLabel, auditActionOptions, auditStageLabel, auditFiltersOf, auditQuerySchema, auditQueryString, statusChange, summarizeEventData } from '@/domain/audit';
import { formatDateTime } from '@/domain/format';
import { can } from '@/domain/permissions';
import { ROLE_LABELS } from '@/domain/roles';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = { title: '审计日志' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePrincipal('/dashboard/audit');
  if (!can(p, 'audit.view')) notFound();
  const q = auditQuerySchema.parse(await searchParams);
  const [{ rows, next }, actors, logged] = await Promise.all([
    listAuditEvents(auditFiltersOf(q), { cursor: q.cursor }),
    listAuditActors(),
    listLoggedActions(),
  ]);
  const filterQuery = { ...q, cursor: undefined };
  const input = 'w-full rounded border border-slate-300 px-2 py-1.5';

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{am.auditTitle}</h1>
        <p className="mt-1 text-sm text-slate-600">{am.auditIntro}</p>
      </div>

      <form method="get" action="/dashboard/audit" aria-label={am.filters} className="grid grid-cols-2 gap-2 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
        <label>
          <span className="block text-slate-600">{am.actor}</span>
          <select name="actor" defaultValue={q.actor ?? ''} className={input}>
            <option value="">{am.any}</option>
            {actors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}({ROLE_LABELS[u.role]}){u.active ? '' : am.inactive}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-slate-600">{am.action}</span>
          <select name="action" defaultValue={q.action ?? ''} className={input}>
            <option value="">{am.any}</option>
            {auditActionOptions(logged).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-2 sm:col-span-1">
          <span className="block text-slate-600">{am.article}</span>
          <input name="article" defaultValue={q.article ?? ''} inputMode="text" autoCapitalize="characters" className={`${input} text-base sm:text-sm`} />
        </label>
        <label>
          <span className="block text-slate-600">{am.from}</span>
          <input type="date" name="from" defaultValue={q.from ?? ''} className={input} />
        </label>
        <label>
          <span className="block text-slate-600">{am.to}</span>
          <input type="date" name="to" defaultValue={q.to ?? ''} className={input} />
        </label>
        <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-5">
          <button type="submit" className="rounded bg-red-700 px-4 py-1.5 text-white hover:bg-red-800">
            {am.apply}
          </button>
          <Link href="/dashboard/audit" className="rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            {am.reset}
          </Link>
          <a href={`/dashboard/audit/export${auditQueryString(filterQuery)}`} download className="ml-auto rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" data-testid="audit-export">
            {am.exportCsv}
          </a>
        </div>
        <p className="col-span-2 text-xs text-slate-500 sm:col-span-3 lg:col-span-5">{am.exportNote(AUDIT_EXPORT_CAP)}</p>
      </form>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{am.noRows}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm" aria-label={am.auditRows} data-testid="audit-rows">
          {rows.map((r) => {
            const change = statusChange(r.fromStatus, r.toStatus);
            const details = summarizeEventData(r.action, r.data, formatDateTime);
            return (
              <li key={r.id} className="grid gap-1 px-3 py-2.5 sm:grid-cols-[9rem_1fr]" data-action={r.action}>
                <time dateTime={r.createdAt} className="text-slate-500 tabular-nums">
                  {formatDateTime(r.createdAt)}
                </time>
                <div className="min-w-0 space-y-0.5">
                  <p className="break-words">
                    <span className="font-medium">{r.actorName ?? am.system}</span>{' '}
                    <span className="rounded bg-slate-100 px-1.5 py-0.5" data-testid="audit-action">
                      {auditActionLabel(r.action)}
                    </span>
                    {r.stage ? <span className="ml-1 text-slate-600">({auditStageLabel(r.stage, r.stages)})</span> : null}
                    {change && <span className="ml-1 text-slate-600">{change}</span>}
                  </p>
                  {r.articleId != null && (
                    <p className="break-words">
                      <span className="text-slate-500">{am.articleCol}:</span>
                      <Link href={`/dashboard/articles/${r.articleId}`} className="text-red-800 underline-offset-2 hover:underline">
                        {r.articleTitle || `#${r.articleId}`}
                      </Link>
                      {r.receiptCode && <span className="ml-1 font-mono text-xs text-slate-500">{r.receiptCode}</span>}
                    </p>
                  )}
                  {r.reason && (
                    <p className="whitespace-pre-wrap break-words">
                      <span className="text-slate-500">{am.reason}:</span>
                      {r.reason}
                    </p>
                  )}
                  {details && (
                    <p className="break-words text-xs text-slate-600">
                      <span className="text-slate-500">{am.details}:</span>
                      {details}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <nav aria-label="分页" className="flex flex-wrap items-center justify-center gap-3 text-sm">
        {q.cursor && (
          <Link href={`/dashboard/audit${auditQueryString(filterQuery)}`} className="rounded border bg-white px-3 py-1">
            {am.newer}
          </Link>
        )}
        <span className="text-slate-500">{am.pageSize(AUDIT_PAGE_SIZE)}</span>
        {next && (
          <Link href={`/dashboard/audit${auditQueryString({ ...filterQuery, cursor: next })}`} className="rounded border bg-white px-3 py-1">
            {am.older}
          </Link>
        )}
      </nav>
    </div>
  );
}
