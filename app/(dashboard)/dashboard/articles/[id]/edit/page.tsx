import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleEditor } from '@/components/dashboard/article-editor';
import { dm } from '@/components/dashboard/messages';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { getFilterOptions, refOf } from '@/db/queries/newsroom';
import { getSiteSettings } from '@/db/queries/site';
import { can } from '@/domain/permissions';
import { heartbeatAction, saveArticleAction } from '../../../actions';
import { loadArticleFor } from '../../../lib';

export const metadata: Metadata = { title: '编辑稿件' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { p, a } = await loadArticleFor((await params).id, (id) => `/dashboard/articles/${id}/edit`);
  if (!can(p, 'article.edit', refOf(a))) {
    return (
      <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <p role="alert">{dm.notEditable}</p>
        <Link href={`/dashboard/articles/${a.id}`} className="text-red-700 underline">
          返回稿件页
        </Link>
      </div>
    );
  }
  const [{ columns }, settings] = await Promise.all([getFilterOptions(), getSiteSettings()]);
  const allowed = p.columnScope ? columns.filter((c) => p.columnScope!.includes(c.id) || c.id === a.columnId) : columns;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <StatusBadge status={a.status} reviewStage={a.reviewStage} stages={a.stages} />
        <h1 className="text-lg font-bold">{dm.edit}</h1>
        {(a.status === 'published' || a.status === 'scheduled') && (
          <span className="text-sm text-amber-800">已发布稿件的修改保存后立即对读者生效,并记入修订记录。</span>
        )}
      </div>
      <ArticleEditor
        article={{
          id: a.id,
          version: a.version,
          title: a.title,
          subtitle: a.subtitle,
          summary: a.summary,
          body: a.body,
          columnId: a.columnId,
          author: a.author,
          reporters: a.reporters,
          source: a.source,
          coverMediaId: a.coverMediaId,
          teamName: a.teamName,
          creditText: a.creditText,
          editorName: a.editorName,
          status: a.status,
        }}
        columns={allowed.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId }))}
        siteShortName={settings.shortName}
        save={saveArticleAction}
        heartbeat={heartbeatAction}
      />
    </div>
  );
}
