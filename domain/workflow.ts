/**
 * Editorial workflow states. The Postgres enum and zod enums derive from this list;
 * the transition rules (issue 3) live in this module too.
 */
export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'rejected',
  'unpublished',
] as const;

export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** States a reader may ever see (subject to publish/unpublish times, see visibility.ts). */
export const PUBLIC_STATUSES = ['published', 'scheduled'] as const satisfies readonly ArticleStatus[];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  changes_requested: '退回修改',
  approved: '已通过',
  scheduled: '定时发布',
  published: '已发布',
  rejected: '未采用',
  unpublished: '已撤稿',
};

/** Number of review stages a column may require (1 = an editor publishes; 3 = 初审/复审/终审). */
export const REVIEW_STAGE_LABELS = ['初审', '复审', '终审'] as const;
