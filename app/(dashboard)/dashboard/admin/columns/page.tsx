import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';
import { MoveButtons } from '@/components/dashboard/admin-move-buttons';
import { listColumnsForAdmin } from '@/db/queries/admin';
import { childrenOf, preorder } from '@/domain/tree';
import { requireAdminPage } from '../lib';
import { moveColumnAction } from './actions';

export const metadata: Metadata = { title: am.columns };

export default async function AdminColumnsPage() {
  await requireAdminPage('/dashboard/admin/columns');
  const columns = await listColumnsForAdmin();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">{am.columns}</h1>
        <Link href="/dashboard/admin/columns/new" className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          {am.newColumn}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{am.columnsIntro}</p>
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label={am.columns} data-testid="column-rows">
        {preorder(columns).map(({ row: c, depth }) => {
          const siblings = childrenOf(columns, c.parentId);
          return (
            <li key={c.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2 pr-3" style={{ paddingLeft: `${0.75 + depth * 1.25}rem` }}>
              {depth > 0 && (
                <span aria-hidden="true" className="text-slate-400">
                  └
                </span>
              )}
              <Link href={`/dashboard/admin/columns/${c.id}`} className="min-w-0 font-medium break-words hover:text-red-700">
                {c.name}
              </Link>
              <code className="text-xs break-all text-slate-500">/{c.slug}</code>
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{am.stagesBadge(c.reviewStages)}</span>
              {c.showInNav && c.parentId == null && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{am.inNav}</span>}
              {c.showOnHome && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{am.onHome}</span>}
              <span className="text-xs text-slate-500">{am.articles(c.articleCount)}</span>
              <span className="ml-auto">
                <MoveButtons id={c.id} name={c.name} first={siblings[0]?.id === c.id} last={siblings.at(-1)?.id === c.id} move={moveColumnAction} />
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
