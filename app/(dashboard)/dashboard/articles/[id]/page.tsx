import type { Metadata } from 'next';
import Link from 'next/link';
import { CommentThread } from '@/components/dashboard/comment-thread';
import { CurationForm } from '@/components/dashboard/curation-form';
import { ARTICLE_MESSAGE_EVENT_LABELS } from '@/components/dashboard/inbox-messages';
import { dm } from '@/components/dashboard/messages';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { WorkflowPanel } from '@/components/dashboard/workflow-panel';
import { getArticleEvents, getComments, refOf, stateOf } from '@/db/queries/newsroom';
import { getSiteSettings } from '@/db/queries/site';
import { formatByline, formatCredits } from '@/domain/byline';
import { formatDateTime } from '@/domain/format';
import { can, checkTransition } from '@/domain/permissions';
import { ACTION_LABELS, STATUS_LABELS, WORKFLOW_ACTIONS, stageName, type WorkflowAction } from '@/domain/workflow';
import { addCommentAction, curateArticleAction, transitionArticleAction } from '../../actions';
import { loadArticleFor } from '../../lib';

export const metadata: Metadata = { title: '稿件' };

const EVENT_LABELS: Record<string, string> = { ...ACTION_LABELS, create: '创建', correct: '更正', comment: '发表意见', curate: '调整首页与置顶', ...ARTICLE_MESSAGE_EVENT_LABELS };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { p, a } = await loadArticleFor((await params).id, (id) => `/dashboard/articles/${id}`);
  const ref = refOf(a);
  const [events, comments, settings] = await Promise.all([getArticleEvents(a.id), getComments(a.id), getSiteSettings()]);
  const actions = WORKFLOW_ACTIONS.filter((action) => checkTransition(p, ref, stateOf(a), action).ok) as WorkflowAction[];
  const feedback = [...events].reverse().find((e) => e.action === 'request_changes' || e.action === 'reject');
  const showFeedback = feedback && (a.status === 'changes_requested' || a.status === 'rejected');
  const credits = formatCredits({ teamName: a.teamName, creditText: a.creditText, editorName: a.editorName });
  const isPublic = a.status === 'published' || a.status === 'scheduled';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-2">
        <StatusBadge status={a.status} reviewStage={a.reviewStage} stages={a.stages} />
        <h1 className="min-w-0 flex-1 basis-60 text-xl font-bold break-words">{a.title || dm.untitled}</h1>
      </div>
      <p className="text-sm text-slate-600">
        {a.columnName}
        {a.stages > 1 ? `(${a.stages} 级审核)` : ''} · {dm.receipt} <span className="font-mono">{a.receiptCode}</span> · {dm.updated}{' '}
        {formatDateTime(a.updatedAt)}
        {a.publishedAt && isPublic && <> · 发布于 {formatDateTime(a.publishedAt)}</>}
      </p>
      <nav className="flex flex-wrap gap-2 text-sm" aria-label="稿件操作">
        {can(p, 'article.edit', ref) && (
          <Link href={`/dashboard/articles/${a.id}/edit`} className="min-h-10 rounded bg-red-700 px-4 py-2 text-white hover:bg-red-800">
            {dm.edit}
          </Link>
        )}
        <Link href={`/preview/articles/${a.id}`} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">
          {dm.preview}
        </Link>
        <Link href={`/dashboard/articles/${a.id}/revisions`} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">
          {dm.revisions}
        </Link>
        {a.status === 'published' && (
          <Link href={`/articles/${a.id}`} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">
            查看已发布页面
          </Link>
        )}
      </nav>

      {showFeedback && (
        <section role="note" aria-labelledby="feedback-title" className="rounded border border-orange-300 bg-orange-50 p-3" data-testid="feedback">
          <h2 id="feedback-title" className="font-semibold text-orange-900">
            {dm.latestFeedback}({EVENT_LABELS[feedback.action]})
          </h2>
          <p className="mt-1 whitespace-pre-wrap break-words">{feedback.reason}</p>
          <p className="mt-1 text-xs text-orange-900">
            {feedback.actorName} · {formatDateTime(feedback.createdAt)}
          </p>
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <WorkflowPanel articleId={a.id} status={a.status} actions={actions} transition={transitionArticleAction} />
          <section className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p>
              <span className="text-slate-500">{dm.byline}:</span>
              {formatByline(settings.shortName, a.reporters)}
            </p>
            {credits.map((c) => (
              <p key={c} className="mt-1" data-testid="credit">
                {c}
              </p>
            ))}
            {a.summary && <p className="mt-2 text-slate-700">导语:{a.summary}</p>}
          </section>
          <CommentThread
            articleId={a.id}
            comments={comments.map((c) => ({ ...c, when: formatDateTime(c.createdAt) }))}
            canComment={can(p, 'article.comment', ref)}
            addComment={addCommentAction}
          />
        </div>
        <div className="space-y-4">
          {isPublic && can(p, 'article.curate', ref) && (
            <CurationForm
              articleId={a.id}
              initial={{
                headlineRank: a.headlineRank,
                slideRank: a.slideRank,
                recommendRank: a.recommendRank,
                featureUntil: a.featureUntil,
                pinRank: a.pinRank,
                pinUntil: a.pinUntil,
                unpublishAt: a.unpublishAt,
              }}
              curate={curateArticleAction}
            />
          )}
          <section aria-labelledby="history-title" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="history-title" className="mb-2 font-semibold">
              {dm.history}
            </h2>
            <ol className="space-y-2 text-sm" data-testid="history">
              {events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-300 pl-2">
                  <p>
                    <span className="font-medium">{e.actorName ?? '系统'}</span> {EVENT_LABELS[e.action] ?? e.action}
                    {e.action === 'approve' && e.stage ? `(${stageName(a.stages, e.stage - 1)})` : ''}
                    {e.toStatus && e.fromStatus && e.toStatus !== e.fromStatus && STATUS_LABELS[e.toStatus] !== EVENT_LABELS[e.action]
                      ? ` → ${STATUS_LABELS[e.toStatus]}`
                      : ''}
                  </p>
                  {e.reason && <p className="whitespace-pre-wrap break-words text-slate-700">理由:{e.reason}</p>}
                  <p className="text-xs text-slate-500">{formatDateTime(e.createdAt)}</p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}
