import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { dm } from '@/components/dashboard/messages';
import { NewArticleForm } from '@/components/dashboard/new-article-form';
import { getFilterOptions } from '@/db/queries/newsroom';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';
import { createArticleAction } from '../../actions';

export const metadata: Metadata = { title: '写稿' };

export default async function NewArticlePage() {
  const p = await requirePrincipal('/dashboard/articles/new');
  if (!can(p, 'article.create')) notFound();
  const { columns } = await getFilterOptions();
  const allowed = p.columnScope ? columns.filter((c) => p.columnScope!.includes(c.id)) : columns;
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-xl font-bold">{dm.newArticle}</h1>
      <NewArticleForm columns={allowed} create={createArticleAction} />
    </div>
  );
}
