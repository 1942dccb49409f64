import type { Metadata } from 'next';
import Link from 'next/link';
import { loadArticleFor } from '@/app/(dashboard)/dashboard/lib';
import { ArticleView } from '@/components/site/article-view';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { columnAncestry, getColumns, getSiteSettings } from '@/db/queries/site';
import { formatByline, formatCredits } from '@/domain/byline';
import { STATUS_LABELS } from '@/domain/workflow';

export const metadata: Metadata = { title: '预览' };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { a } = await loadArticleFor((await params).id, (id) => `/preview/articles/${id}`);
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumns()]);
  const column = columns.find((c) => c.id === a.columnId);
  const trail = column ? columnAncestry(columns, column).map((c) => ({ label: c.name, href: `/columns/${c.slug}` })) : [];
  const credits = formatCredits({ teamName: a.teamName, creditText: a.creditText, editorName: a.editorName });
  return (
    <div className="article-shell space-y-4">
      <p role="note" className="no-print rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="preview-banner">
        预览({STATUS_LABELS[a.status]}):这是稿件发布后的样子。
        <Link href={`/dashboard/articles/${a.id}`} className="ml-2 underline">
          返回编辑部
        </Link>
      </p>
      <Breadcrumb trail={[...trail, { label: a.title }]} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-12 md:gap-6">
        <ArticleView
          article={{ ...a, publishedAt: a.publishedAt ?? new Date().toISOString() }}
          byline={formatByline(settings.shortName, a.reporters)}
          credits={credits}
          views={0}
        />
      </div>
    </div>
  );
}
