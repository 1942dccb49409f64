import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { articles, type NewArticle } from '@/db/schema';
import { refOf, stageApprovers, stateOf } from '@/db/queries/newsroom';
import { AppError } from '@/domain/errors';
import { readyToSubmit, transitionSchema } from '@/domain/article-input';
import { formatDateTime } from '@/domain/format';
import { checkTransition, type Principal } from '@/domain/permissions';
import { REASON_REQUIRED, stageName, type WorkflowAction } from '@/domain/workflow';
import { articleOwners, notify, staffFor, writeEvent } from '../events';
import { lockArticle, publicTags, requireRole } from './shared';

const REASON_MESSAGES: Partial<Record<WorkflowAction, string>> = {
  request_changes: '请填写退回理由,工作队会看到它。',
  reject: '请填写不予采用的理由,工作队会看到它。',
};

export interface TransitionResult {
  status: string;
  tags: string[];
}

/**
 * Moves an article along the workflow: one transaction that re-checks the status the
 * person saw, writes the new state and its event, and notifies the people it concerns.
 */
export async function transitionArticle(p: Principal | null, raw: unknown): Promise<TransitionResult> {
  const user = requireRole(p, 'article.view');
  const input = transitionSchema.parse(raw);
  if (REASON_REQUIRED.has(input.action) && !input.reason) {
    throw new AppError('VALIDATION', REASON_MESSAGES[input.action]);
  }
  const db = await getDb();
  return db.transaction((tx) => applyTransition(tx, user, input, new Date()));
}

/** The transaction body of transitionArticle, shared with the field app's submit. */
export async function applyTransition(tx: Tx, user: Principal, input: z.output<typeof transitionSchema>, now: Date): Promise<TransitionResult> {
  const a = await lockArticle(tx, user, input.id, 'article.view');
  if (a.status !== input.expectedStatus) throw new AppError('INVALID_TRANSITION');
  const check = checkTransition(user, refOf(a), stateOf(a), input.action);
  if (!check.ok) throw new AppError(check.code);

  const set: Partial<NewArticle> = { status: check.to, reviewStage: check.reviewStage };
  let stage: number | null = null;
  switch (input.action) {
    case 'submit':
    case 'resubmit': {
      const problem = readyToSubmit(a);
      if (problem) throw new AppError('VALIDATION', problem);
      set.submittedAt = now;
      break;
    }
    case 'claim':
      stage = a.reviewStage + 1;
      break;
    case 'approve': {
      stage = a.reviewStage + 1;
      // 三审: one person signs one stage of a review round, never two.
      if (a.stages > 1 && (await stageApprovers(a.id, tx)).includes(user.id)) {
        throw new AppError('FORBIDDEN', '您已审核过这篇稿件的上一环节,需由另一人审核。');
      }
      break;
    }
    case 'publish':
    case 'schedule': {
      const at = input.action === 'schedule' ? input.publishAt : now;
      if (!at || (input.action === 'schedule' && at.getTime() <= now.getTime())) {
        throw new AppError('VALIDATION', '请选择晚于现在的发布时间。');
      }
      if (input.unpublishAt && input.unpublishAt.getTime() <= at.getTime()) {
        throw new AppError('VALIDATION', '下线时间必须晚于发布时间。');
      }
      set.publishAt = input.action === 'schedule' ? at : null;
      set.publishedAt = at;
      set.unpublishAt = input.unpublishAt ?? (a.unpublishAt ? new Date(a.unpublishAt) : null);
      if (!a.editorName) {
        set.editorName = user.name;
        set.editorId = user.id;
      }
      break;
    }
  }
  const [row] = await tx
    .update(articles)
    .set({ ...set, version: sql`${articles.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
    .where(and(eq(articles.id, a.id), eq(articles.status, a.status)))
    .returning({ id: articles.id });
  if (!row) throw new AppError('INVALID_TRANSITION');

  await writeEvent(tx, {
    articleId: a.id,
    actorId: user.id,
    action: input.action,
    fromStatus: a.status,
    toStatus: check.to,
    stage,
    reason: input.reason,
    data: set.publishedAt ? { publishedAt: set.publishedAt.toISOString() } : {},
  });

  const title = `《${a.title || '无标题'}》`;
  // Recipients are judged on the article as it is after this step (e.g. no longer a draft).
  const ref = { ...refOf(a), status: check.to };
  const owners = () => articleOwners(tx, a, user.id);
  switch (input.action) {
    case 'submit':
    case 'resubmit':
      await notify(tx, await staffFor(tx, ref, 'article.review', user.id), {
        articleId: a.id,
        kind: 'submitted',
        message: `${a.teamName ?? user.name}提交了新稿件${title},等待审核。`,
      });
      break;
    case 'approve':
      if (check.to === 'submitted') {
        const nextIsFinal = a.stages > 1 && check.reviewStage === a.stages - 1;
        await notify(tx, await staffFor(tx, ref, nextIsFinal ? 'article.final' : 'article.review', user.id), {
          articleId: a.id,
          kind: 'stage_passed',
          message: `${title}已通过${stageName(a.stages, a.reviewStage)},等待${stageName(a.stages, check.reviewStage)}。`,
        });
      } else {
        await notify(tx, await owners(), { articleId: a.id, kind: 'approved', message: `${title}已通过审核,即将发布。` });
      }
      break;
    case 'request_changes':
      await notify(tx, await owners(), {
        articleId: a.id,
        kind: 'changes_requested',
        message: `${title}被退回修改:${input.reason}`,
      });
      break;
    case 'reject':
      await notify(tx, await owners(), { articleId: a.id, kind: 'rejected', message: `${title}未被采用:${input.reason}` });
      break;
    case 'publish':
      await notify(tx, await owners(), { articleId: a.id, kind: 'published', message: `${title}已发布。` });
      break;
    case 'schedule':
      await notify(tx, await owners(), {
        articleId: a.id,
        kind: 'scheduled',
        message: `${title}将于 ${formatDateTime(set.publishedAt!)} 发布。`,
      });
      break;
    case 'unpublish':
      await notify(tx, await owners(), {
        articleId: a.id,
        kind: 'unpublished',
        message: input.reason ? `${title}已撤稿:${input.reason}` : `${title}已撤稿。`,
      });
      break;
  }
  const visibilityChanged = input.action === 'publish' || input.action === 'schedule' || input.action === 'unpublish';
  return { status: check.to, tags: visibilityChanged ? await publicTags(tx, a.id, [a.columnId]) : [] };
}
