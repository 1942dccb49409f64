import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { am } from '@/components/dashboard/admin-messages';
import { PageForm } from '@/components/dashboard/admin-page-form';
import { getPageForEdit } from '@/db/queries/admin';
import { idParam, requireAdminPage } from '../../lib';
import { updatePageAction } from '../actions';

export const metadata: Metadata = { title: am.editPage };

export default async function EditStaticPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const id = idParam((await params).id);
  await requireAdminPage(`/dashboard/admin/pages/${id || ''}`);
  const page = id ? await getPageForEdit(id) : null;
  if (!page) notFound();
  const created = (await searchParams).created === '1';
  return (
    <div className="space-y-4">
      <nav aria-label={am.breadcrumb} className="text-sm">
        <Link href="/dashboard/admin/pages" className="text-red-700 underline">
          {am.pages}
        </Link>
      </nav>
      <h1 className="text-xl font-bold break-words">{page.title}</h1>
      {created && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {am.pageCreated}
        </p>
      )}
      <PageForm
        id={page.id}
        initial={{ slug: page.slug, title: page.title, body: page.body, sort: page.sort, showInFooter: page.showInFooter }}
        updatedAt={page.updatedAt}
        save={updatePageAction}
      />
    </div>
  );
}
