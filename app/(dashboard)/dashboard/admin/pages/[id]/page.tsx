import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { am } from '@/components/dashboard/admin-messages';
import { AdminBackLink, CreatedNotice } from '@/components/dashboard/admin-page-parts';
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
      <AdminBackLink href="/dashboard/admin/pages" label={am.pages} />
      <h1 className="text-xl font-bold break-words">{page.title}</h1>
      {created && <CreatedNotice text={am.pageCreated} />}
      <PageForm
        id={page.id}
        initial={{ slug: page.slug, title: page.title, body: page.body, sort: page.sort, showInFooter: page.showInFooter }}
        updatedAt={page.updatedAt}
        save={updatePageAction}
      />
    </div>
  );
}
