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

/** Everything a person can do to move an article through the workflow. */
export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'claim',
  'request_changes',
  'resubmit',
  'approve',
  'reject',
  'publish',
  'schedule',
  'unpublish',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  withdraw: '撤回',
  claim: '领取审核',
  request_changes: '退回修改',
  resubmit: '重新提交',
  approve: '审核通过',
  reject: '不予采用',
  publish: '发布',
  schedule: '定时发布',
  unpublish: '撤稿',
};

/** Actions whose reason the team reads; they are refused without one. */
export const REASON_REQUIRED: ReadonlySet<WorkflowAction> = new Set(['request_changes', 'reject']);

/**
 * Who may take an action, by kind of person rather than by role: `owner` is whoever may
 * edit the article's content (its team, or the staff member who wrote it), `reviewer` an
 * editor in scope, `final` the chief editor's sign-off (multi-stage columns).
 */
export type Actor = 'owner' | 'reviewer' | 'final';

export interface WorkflowState {
  status: ArticleStatus;
  /** Review stages passed so far. */
  reviewStage: number;
  /** Review stages the article's column requires (1–3). */
  stages: number;
}

export interface Transition {
  to: ArticleStatus;
  reviewStage: number;
  actor: Actor;
}

/** Publishing needs the chief editor once a column has more than one review stage. */
const publisher = (s: WorkflowState): Actor => (s.stages > 1 ? 'final' : 'reviewer');

/**
 * The state machine of DESIGN.md. Returns the transition, or null when the action is not
 * possible from this state. A scheduled article whose time has come is public; it can
 * still be unpublished.
 */
export function transition(state: WorkflowState, action: WorkflowAction): Transition | null {
  const { status, reviewStage, stages } = state;
  switch (action) {
    case 'submit':
      return status === 'draft' ? { to: 'submitted', reviewStage: 0, actor: 'owner' } : null;
    case 'withdraw':
      return status === 'submitted' ? { to: 'draft', reviewStage: 0, actor: 'owner' } : null;
    case 'resubmit':
      return status === 'changes_requested' ? { to: 'submitted', reviewStage: 0, actor: 'owner' } : null;
    case 'claim':
      if (status !== 'submitted') return null;
      // The last stage of a multi-stage column is the chief editor's.
      return { to: 'in_review', reviewStage, actor: stages > 1 && reviewStage === stages - 1 ? 'final' : 'reviewer' };
    case 'request_changes':
    case 'reject': {
      if (status !== 'in_review') return null;
      const actor: Actor = stages > 1 && reviewStage === stages - 1 ? 'final' : 'reviewer';
      return { to: action === 'reject' ? 'rejected' : 'changes_requested', reviewStage: 0, actor };
    }
    case 'approve': {
      if (status !== 'in_review') return null;
      const passed = reviewStage + 1;
      const isLast = passed >= stages;
      const actor: Actor = stages > 1 && isLast ? 'final' : 'reviewer';
      return isLast
        ? { to: 'approved', reviewStage: stages, actor }
        : { to: 'submitted', reviewStage: passed, actor };
    }
    case 'publish':
    case 'schedule':
      return status === 'approved'
        ? { to: action === 'publish' ? 'published' : 'scheduled', reviewStage, actor: publisher(state) }
        : null;
    case 'unpublish':
      return status === 'published' || status === 'scheduled'
        ? { to: 'unpublished', reviewStage, actor: publisher(state) }
        : null;
  }
}

/** Label of the review step an article waits for, e.g. 「待复审」. */
export function pendingStageLabel(state: WorkflowState): string | null {
  if (state.status !== 'submitted' && state.status !== 'in_review') return null;
  if (state.stages <= 1) return state.status === 'submitted' ? '待审核' : '审核中';
  const names = state.stages === 2 ? ['初审', '终审'] : REVIEW_STAGE_LABELS;
  const name = names[Math.min(state.reviewStage, names.length - 1)];
  return state.status === 'submitted' ? `待${name}` : `${name}中`;
}

/** Name of the stage an approval at `reviewStage` (0-based, before approval) completes. */
export function stageName(stages: number, reviewStage: number): string {
  if (stages <= 1) return '审核';
  const names = stages === 2 ? ['初审', '终审'] : REVIEW_STAGE_LABELS;
  return names[Math.min(reviewStage, names.length - 1)] ?? '审核';
}

/** States in which the team may still change the text. */
export const OWNER_EDITABLE: ReadonlySet<ArticleStatus> = new Set(['draft', 'changes_requested']);
/** States staff may edit (a published article's edit is a correction, visible at once). */
export const STAFF_EDITABLE: ReadonlySet<ArticleStatus> = new Set(ARTICLE_STATUSES.filter((s) => s !== 'rejected'));
