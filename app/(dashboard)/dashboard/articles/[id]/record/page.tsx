import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/audit-messages';
import { PrintButton } from '@/components/dashboard/print-button';
import { getArticleRecordEvents } from '@/db/queries/audit';
import { getSiteSettings } from '@/db/queries/site';
import { approvalRecord } from '@/domain/audit';
import { formatDateTime } from '@/domain/format';
import { STATUS_LABELS } from '@/domain/workflow';
import { loadArticleFor } from '../../../lib';
import './record.css';

export const metadata: Metadata = { title: '稿件审核记录' };

/** The article's approval record (三审三校 paper trail): on screen, printed on A4, or as CSV. */
export default async function ApprovalRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { a } = await loadArticleFor((await params).id, (id) => `/dashboard/articles/${id}/record`);
  const [events, settings] = await Promise.all([getArticleRecordEvents(a.id), getSiteSettings()]);
  const record = approvalRecord(events, a.stages, formatDateTime);
  const facts: [string, string][] = [
    [am.receipt, a.receiptCode],
    [am.column, `${a.columnName}(${am.stagesRequired(a.stages)})`],
    [am.team, a.teamName || a.creditText || am.notSet],
    [am.editor, a.editorName || am.notSet],
    [am.status, STATUS_LABELS[a.status]],
    [am.printedAt, formatDateTime(new Date())],
  ];
  const cell = 'border-b border-slate-200 px-2 py-1.5 text-left align-top';

  return (
    <article className="approval-record space-y-4" aria-labelledby="record-title">
      <p className="hidden text-center text-sm print:block">{settings.siteName}</p>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1 basis-60">
          <h1 id="record-title" className="text-xl font-bold print:text-center">
            {am.recordTitle}
          </h1>
          <p className="mt-1 text-lg break-words print:text-center" data-testid="record-article-title">
            {a.title || '(无标题)'}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm" data-no-print>
          <PrintButton label={am.print} />
          <a href={`/dashboard/articles/${a.id}/record/export`} download className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">
            {am.exportCsv}
          </a>
          <Link href={`/dashboard/articles/${a.id}`} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">
            {am.backToArticle}
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-3 text-sm sm:grid-cols-2 print:grid-cols-2 print:border-slate-400">
        {facts.map(([k, v]) => (
          <div key={k} className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-slate-500">{k}:</dt>
            <dd className="min-w-0 break-words">{v}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="sign-title" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="sign-title" className="font-semibold">
          {am.signatures}
          {record.returns > 0 && <span className="ml-2 text-sm font-normal text-orange-800">{am.returns(record.returns)}</span>}
        </h2>
        <p className="mb-2 text-xs text-slate-500">{am.signaturesNote}</p>
        {record.signatures.length === 0 ? (
          <p className="text-sm text-slate-500">{am.noEvents}</p>
        ) : (
          <table className="w-full text-sm" data-testid="record-signatures">
            <thead>
              <tr className="bg-slate-50">
                <th scope="col" className={cell}>{am.step}</th>
                <th scope="col" className={cell}>{am.who}</th>
                <th scope="col" className={cell}>{am.when}</th>
              </tr>
            </thead>
            <tbody>
              {record.signatures.map((s) => (
                <tr key={`${s.role}-${s.at}`}>
                  <th scope="row" className={`${cell} font-medium`}>{s.role}</th>
                  <td className={cell}>{s.actorName}</td>
                  <td className={`${cell} tabular-nums`}>{formatDateTime(s.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="trail-title" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="trail-title" className="mb-2 font-semibold">
          {am.trail}
        </h2>
        {record.steps.length === 0 ? (
          <p className="text-sm text-slate-500">{am.noEvents}</p>
        ) : (
          <div className="record-scroll overflow-x-auto" tabIndex={0} role="region" aria-labelledby="trail-title">
            <table className="w-full min-w-[40rem] text-sm" data-testid="record-steps">
              <thead>
                <tr className="bg-slate-50">
                  <th scope="col" className={cell}>{am.when}</th>
                  <th scope="col" className={cell}>{am.step}</th>
                  <th scope="col" className={cell}>{am.action}</th>
                  <th scope="col" className={cell}>{am.who}</th>
                  <th scope="col" className={cell}>{am.statusChange}</th>
                  <th scope="col" className={cell}>{am.reason}</th>
                </tr>
              </thead>
              <tbody>
                {record.steps.map((s) => (
                  <tr key={s.id} data-action={s.action}>
                    <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDateTime(s.at)}</td>
                    <td className={`${cell} whitespace-nowrap`}>{s.stageLabel || '—'}</td>
                    <td className={`${cell} whitespace-nowrap`}>{s.actionLabel}</td>
                    <td className={cell}>{s.actorName}</td>
                    <td className={cell}>{s.statusChange}</td>
                    <td className={`${cell} whitespace-pre-wrap break-words`}>
                      {s.reason}
                      {s.note && <span className="block text-xs text-slate-500">{s.note}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
