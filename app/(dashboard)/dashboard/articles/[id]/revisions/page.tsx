import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/dashboard/action-button';
import { RevisionDiff } from '@/components/dashboard/revision-diff';
import { getFilterOptions, getRevisionByVersion, listRevisions, refOf, type RevisionSnapshot } from '@/db/queries/newsroom';
import { formatReporterLine } from '@/domain/byline';
import { diffRevisions } from '@/domain/diff';
import { formatDateTime } from '@/domain/format';
import { can } from '@/domain/permissions';
import { restoreRevisionAction } from '../../../actions';
import { loadArticleFor } from '../../../lib';

export const metadata: Metadata = { title: '修订记录' };

const META_LABELS = { column: '栏目', author: '作者', reporters: '记者', source: '来源' };

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { p, a } = await loadArticleFor((await params).id, (id) => `/dashboard/articles/${id}/revisions`);
  const sp = await searchParams;
  const list = await listRevisions(a.id);
  const num = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
  // Default: the latest save against the one before it.
  const bVersion = num(sp.b) ?? list[0]?.version;
  const aVersion = num(sp.a) ?? list[1]?.version ?? bVersion;
  const [older, newer, { columns }] = await Promise.all([
    aVersion ? getRevisionByVersion(a.id, aVersion) : null,
    bVersion ? getRevisionByVersion(a.id, bVersion) : null,
    getFilterOptions(),
  ]);
  const snap = (r: RevisionSnapshot) => {
    const meta = r.meta as { columnId?: number; author?: string; reporters?: { name: string; role: 'reporter' | 'correspondent' }[]; source?: string };
    return {
      title: r.title,
      subtitle: r.subtitle,
      summary: r.summary,
      body: r.body,
      meta: {
        column: columns.find((c) => c.id === meta.columnId)?.name ?? '',
        author: meta.author ?? '',
        reporters: formatReporterLine(meta.reporters ?? []),
        source: meta.source ?? '',
      },
    };
  };
  const fields = older && newer ? diffRevisions(snap(older), snap(newer), META_LABELS) : [];
  const editable = can(p, 'article.edit', refOf(a));

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">
        修订记录:
        <Link href={`/dashboard/articles/${a.id}`} className="hover:text-red-700">
          {a.title || '(无标题)'}
        </Link>
      </h1>
      <form method="get" className="rounded border border-slate-200 bg-white p-3">
        <fieldset>
          <legend className="mb-2 text-sm text-slate-600">选择两个版本进行对比(左:旧版本,右:新版本)</legend>
          <ol className="max-h-80 space-y-1 overflow-y-auto text-sm">
            {list.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3">
                <label className="flex items-center gap-1">
                  <input type="radio" name="a" value={r.version} defaultChecked={r.version === aVersion} aria-label={`左侧 版本 ${r.version}`} />
                  <span className="text-xs text-slate-500">左</span>
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name="b" value={r.version} defaultChecked={r.version === bVersion} aria-label={`右侧 版本 ${r.version}`} />
                  <span className="text-xs text-slate-500">右</span>
                </label>
                <span className="font-mono">v{r.version}</span>
                <span>{r.authorName ?? '—'}</span>
                <span className="text-slate-500">{r.note}</span>
                <span className="text-slate-500 tabular-nums">{formatDateTime(r.createdAt)}</span>
                {editable && r.version !== a.version && (
                  <ActionButton
                    action={restoreRevisionAction}
                    input={{ id: a.id, fromVersion: r.version, version: a.version }}
                    label="恢复此版本"
                    confirmText={`把稿件恢复为版本 ${r.version} 的内容?当前内容会保留在修订记录里。`}
                    className="rounded px-2 py-1 text-xs text-red-700 underline disabled:opacity-60"
                  />
                )}
              </li>
            ))}
          </ol>
        </fieldset>
        <button type="submit" className="mt-3 min-h-10 rounded bg-slate-800 px-4 py-2 text-sm text-white">
          对比
        </button>
      </form>
      {older && newer && (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white" data-testid="revision-diff">
          <RevisionDiff
            fields={fields}
            caption={`版本 ${older.version}(${older.authorName ?? '—'},${formatDateTime(older.createdAt)})与版本 ${newer.version}(${newer.authorName ?? '—'},${formatDateTime(newer.createdAt)})对比`}
            leftLabel={`版本 ${older.version}`}
            rightLabel={`版本 ${newer.version}`}
          />
        </div>
      )}
    </div>
  );
}
