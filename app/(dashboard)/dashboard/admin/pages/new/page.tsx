import type { Metadata } from 'next';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink } from '@/components/dashboard/admin-page-parts';
import { PageForm } from '@/components/dashboard/admin-page-form';
import { EMPTY_DOC } from '@/domain/rich-text';
import { requireAdminPage } from '../../lib';
import { createPageAction } from '../actions';

export const metadata: Metadata = { title: am.newPage };

export default async function NewStaticPage() {
  await requireAdminPage('/dashboard/admin/pages/new');
  return (
    <div className="space-y-4">
      <AdminBackLink href="/dashboard/admin/pages" label={am.pages} />
      <h1 className="text-xl font-bold">{am.newPage}</h1>
      <PageForm initial={{ slug: '', title: '', body: EMPTY_DOC, sort: 0, showInFooter: false }} save={createPageAction} />
    </div>
  );
}
