import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, WORKFLOW_ACTIONS, pendingStageLabel, transition, type ArticleStatus, type WorkflowAction } from './workflow';

// The diagram of DESIGN.md, written out by hand: for a single-stage column, every
// (state, action) pair that is allowed and where it leads. Everything else is refused.
const SINGLE_STAGE: Partial<Record<ArticleStatus, Partial<Record<WorkflowAction, ArticleStatus>>>> = {
  draft: { submit: 'submitted' },
  submitted: { withdraw: 'draft', claim: 'in_review' },
  in_review: { request_changes: 'changes_requested', approve: 'approved', reject: 'rejected' },
  changes_requested: { resubmit: 'submitted' },
  approved: { publish: 'published', schedule: 'scheduled' },
  scheduled: { unpublish: 'unpublished' },
  published: { unpublish: 'unpublished' },
  rejected: {},
  unpublished: {},
};

describe('workflow: every state × action, single review stage', () => {
  for (const status of ARTICLE_STATUSES) {
    for (const action of WORKFLOW_ACTIONS) {
      const expected = SINGLE_STAGE[status]?.[action] ?? null;
      it(`${status} —${action}→ ${expected ?? 'refused'}`, () => {
        const t = transition({ status, reviewStage: 0, stages: 1 }, action);
        expect(t?.to ?? null).toBe(expected);
      });
    }
  }

  it('an editor (reviewer) publishes in a single-stage column', () => {
    expect(transition({ status: 'approved', reviewStage: 1, stages: 1 }, 'publish')?.actor).toBe('reviewer');
    expect(transition({ status: 'in_review', reviewStage: 0, stages: 1 }, 'approve')?.actor).toBe('reviewer');
  });

  it('the team (owner) submits, withdraws and resubmits', () => {
    expect(transition({ status: 'draft', reviewStage: 0, stages: 1 }, 'submit')?.actor).toBe('owner');
    expect(transition({ status: 'submitted', reviewStage: 0, stages: 1 }, 'withdraw')?.actor).toBe('owner');
    expect(transition({ status: 'changes_requested', reviewStage: 0, stages: 1 }, 'resubmit')?.actor).toBe('owner');
  });
});

describe('workflow: multi-stage review (初审/复审/终审)', () => {
  it('two stages: 初审 by an editor returns it to the queue for the chief editor', () => {
    const first = transition({ status: 'in_review', reviewStage: 0, stages: 2 }, 'approve');
    expect(first).toEqual({ to: 'submitted', reviewStage: 1, actor: 'reviewer' });
    expect(transition({ status: 'submitted', reviewStage: 1, stages: 2 }, 'claim')?.actor).toBe('final');
    const last = transition({ status: 'in_review', reviewStage: 1, stages: 2 }, 'approve');
    expect(last).toEqual({ to: 'approved', reviewStage: 2, actor: 'final' });
    expect(transition({ status: 'approved', reviewStage: 2, stages: 2 }, 'publish')?.actor).toBe('final');
    expect(transition({ status: 'published', reviewStage: 2, stages: 2 }, 'unpublish')?.actor).toBe('final');
  });

  it('three stages pass 初审, 复审 (editors) and 终审 (chief editor)', () => {
    expect(transition({ status: 'in_review', reviewStage: 0, stages: 3 }, 'approve')).toEqual({ to: 'submitted', reviewStage: 1, actor: 'reviewer' });
    expect(transition({ status: 'in_review', reviewStage: 1, stages: 3 }, 'approve')).toEqual({ to: 'submitted', reviewStage: 2, actor: 'reviewer' });
    expect(transition({ status: 'in_review', reviewStage: 2, stages: 3 }, 'approve')).toEqual({ to: 'approved', reviewStage: 3, actor: 'final' });
  });

  it('returning or rejecting restarts the review from the first stage', () => {
    expect(transition({ status: 'in_review', reviewStage: 1, stages: 3 }, 'request_changes')).toEqual({ to: 'changes_requested', reviewStage: 0, actor: 'reviewer' });
    expect(transition({ status: 'in_review', reviewStage: 2, stages: 3 }, 'reject')).toEqual({ to: 'rejected', reviewStage: 0, actor: 'final' });
    expect(transition({ status: 'changes_requested', reviewStage: 0, stages: 3 }, 'resubmit')).toEqual({ to: 'submitted', reviewStage: 0, actor: 'owner' });
  });

  it('names the step an article waits for', () => {
    expect(pendingStageLabel({ status: 'submitted', reviewStage: 0, stages: 1 })).toBe('待审核');
    expect(pendingStageLabel({ status: 'submitted', reviewStage: 1, stages: 2 })).toBe('待终审');
    expect(pendingStageLabel({ status: 'in_review', reviewStage: 1, stages: 3 })).toBe('复审中');
    expect(pendingStageLabel({ status: 'published', reviewStage: 3, stages: 3 })).toBeNull();
  });
});
