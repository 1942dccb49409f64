import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ColumnForm } from '@/components/dashboard/admin-column-form';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink, CreatedNotice } from '@/components/dashboard/admin-page-parts';
import { listColumnsForAdmin } from '@/db/queries/admin';
import { preorder, subtreeIds } from '@/domain/tree';
import { idParam, requireAdminPage } from '../../lib';
import { updateColumnAction } from '../actions';

export const metadata: Metadata = { title: am.editColumn };

export default async function EditColumnPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = idParam((await params).id);
  await requireAdminPage(`/dashboard/admin/columns/${id || ''}`);
  const columns = await listColumnsForAdmin();
  const c = columns.find((x) => x.id === id);
  if (!c) notFound();
  // A column cannot go under itself or one of its own sub-columns.
  const inside = new Set(subtreeIds(columns, c.id));
  const created = (await searchParams).created === '1';
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/columns" label={am.columns} />
      <h1 className="text-xl font-bold break-words">{c.name}</h1>
      {created && <CreatedNotice text={am.columnCreated} />}
      <ColumnForm
        id={c.id}
        initial={{ slug: c.slug, name: c.name, description: c.description, parentId: c.parentId, showInNav: c.showInNav, showOnHome: c.showOnHome, reviewStages: c.reviewStages }}
        parents={preorder(columns)
          .filter(({ row }) => !inside.has(row.id))
          .map(({ row, depth }) => ({ id: row.id, name: row.name, depth }))}
        save={updateColumnAction}
      />
    </div>
  );
}
