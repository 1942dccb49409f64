import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';
import { listPagesForAdmin } from '@/db/queries/admin';
import { formatDateTime } from '@/domain/format';
import { requireAdminPage } from '../lib';

export const metadata: Metadata = { title: am.pages };

export default async function AdminPagesPage() {
  await requireAdminPage('/dashboard/admin/pages');
  const pages = await listPagesForAdmin();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{am.pages}</h1>
        <Link href="/dashboard/admin/pages/new" className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          {am.newPage}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{am.pagesIntro}</p>
      {pages.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{am.noPages}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={am.pages} data-testid="page-rows">
          {pages.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5">
              <Link href={`/dashboard/admin/pages/${p.id}`} className="min-w-0 font-medium break-words hover:text-red-700">
                {p.title}
              </Link>
              <code className="text-xs break-all text-slate-500">/pages/{p.slug}</code>
              {p.showInFooter && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{am.inFooter}</span>}
              <span className="ml-auto text-xs text-slate-500 tabular-nums">{am.updated(formatDateTime(p.updatedAt), p.updatedByName)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
