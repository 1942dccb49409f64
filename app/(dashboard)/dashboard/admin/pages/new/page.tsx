import type { Metadata } from 'next';
import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';
import { PageForm } from '@/components/dashboard/admin-page-form';
import { EMPTY_DOC } from '@/domain/rich-text';
import { requireAdminPage } from '../../lib';
import { createPageAction } from '../actions';

export const metadata: Metadata = { title: am.newPage };

export default async function NewStaticPage() {
  await requireAdminPage('/dashboard/admin/pages/new');
  return (
    <div className="space-y-4">
      <nav aria-label={am.breadcrumb} className="text-sm">
        <Link href="/dashboard/admin/pages" className="text-red-700 underline">
          {am.pages}
        </Link>
      </nav>
      <h1 className="text-xl font-bold">{am.newPage}</h1>
      <PageForm initial={{ slug: '', title: '', body: EMPTY_DOC, sort: 0, showInFooter: false }} save={createPageAction} />
    </div>
  );
}
