import type { Metadata } from 'next';
import { ColumnForm } from '@/components/dashboard/admin-column-form';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink } from '@/components/dashboard/admin-page-parts';
import { listColumnsForAdmin } from '@/db/queries/admin';
import { preorder } from '@/domain/tree';
import { requireAdminPage } from '../../lib';
import { createColumnAction } from '../actions';

export const metadata: Metadata = { title: am.newColumn };

export default async function NewColumnPage() {
  await requireAdminPage('/dashboard/admin/columns/new');
  const columns = await listColumnsForAdmin();
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/columns" label={am.columns} />
      <h1 className="text-xl font-bold">{am.newColumn}</h1>
      <ColumnForm
        initial={{ slug: '', name: '', description: '', parentId: null, showInNav: true, showOnHome: true, reviewStages: 1 }}
        parents={preorder(columns).map(({ row, depth }) => ({ id: row.id, name: row.name, depth }))}
        save={createColumnAction}
      />
    </div>
  );
}
