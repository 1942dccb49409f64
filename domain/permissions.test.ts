import { describe, expect, it } from 'vitest';
import { can, checkTransition, type ArticleRef, type Principal } from './permissions';

const contributorA: Principal = { id: 10, role: 'contributor', name: 'A', teamId: 1, columnScope: null, regionScope: null };
const contributorB: Principal = { id: 11, role: 'contributor', name: 'B', teamId: 2, columnScope: null, regionScope: null };
const editor: Principal = { id: 20, role: 'editor', name: 'E', teamId: null, columnScope: null, regionScope: null };
const scopedEditor: Principal = { id: 21, role: 'editor', name: 'S', teamId: null, columnScope: [5], regionScope: ['/1/2/'] };
const chief: Principal = { id: 30, role: 'chief_editor', name: 'C', teamId: null, columnScope: null, regionScope: null };
const admin: Principal = { id: 40, role: 'admin', name: 'Ad', teamId: null, columnScope: null, regionScope: null };

const report = (status: ArticleRef['status'], extra: Partial<ArticleRef> = {}): ArticleRef => ({
  teamId: 1,
  columnId: 5,
  regionPath: '/1/2/3/',
  createdBy: 10,
  status,
  ...extra,
});

describe('permissions', () => {
  it('a team sees and edits only its own reports, and only while they are its to change', () => {
    expect(can(contributorA, 'article.view', report('published'))).toBe(true);
    expect(can(contributorA, 'article.edit', report('draft'))).toBe(true);
    expect(can(contributorA, 'article.edit', report('changes_requested'))).toBe(true);
    expect(can(contributorA, 'article.edit', report('submitted'))).toBe(false);
    expect(can(contributorA, 'article.edit', report('published'))).toBe(false);
    expect(can(contributorB, 'article.view', report('published'))).toBe(false);
    expect(can(contributorB, 'article.comment', report('submitted'))).toBe(false);
  });

  it("staff do not see a team's drafts, except the admin", () => {
    expect(can(editor, 'article.view', report('draft'))).toBe(false);
    expect(can(chief, 'article.view', report('draft'))).toBe(false);
    expect(can(admin, 'article.view', report('draft'))).toBe(true);
    expect(can(editor, 'article.view', report('submitted'))).toBe(true);
  });

  it('editors edit in any live state (a published edit is a correction), never a rejected one', () => {
    expect(can(editor, 'article.edit', report('published'))).toBe(true);
    expect(can(editor, 'article.edit', report('in_review'))).toBe(true);
    expect(can(editor, 'article.edit', report('rejected'))).toBe(false);
  });

  it('a scoped editor is limited to their columns and region subtree', () => {
    expect(can(scopedEditor, 'article.view', report('submitted'))).toBe(true);
    expect(can(scopedEditor, 'article.view', report('submitted', { columnId: 6 }))).toBe(false);
    expect(can(scopedEditor, 'article.view', report('submitted', { regionPath: '/1/9/' }))).toBe(false);
    expect(can(scopedEditor, 'article.review', report('submitted', { regionPath: null }))).toBe(false);
  });

  it('contributors cannot review, curate or see the audit log', () => {
    for (const perm of ['article.review', 'article.final', 'article.curate', 'audit.view', 'admin.manage'] as const) {
      expect(can(contributorA, perm)).toBe(false);
    }
    expect(can(editor, 'article.final')).toBe(false);
    expect(can(chief, 'article.final')).toBe(true);
    expect(can(null, 'dashboard.view')).toBe(false);
  });

  it('staff see and describe every library photo; a team only the photos its own members uploaded', () => {
    const teamA = { uploaderTeamId: 1 };
    const staffUpload = { uploaderTeamId: null };
    for (const p of [editor, scopedEditor, chief, admin]) {
      expect(can(p, 'media.view', teamA)).toBe(true);
      expect(can(p, 'media.edit', staffUpload)).toBe(true);
    }
    expect(can(contributorA, 'media.view')).toBe(true);
    expect(can(contributorA, 'media.view', teamA)).toBe(true);
    expect(can(contributorA, 'media.edit', teamA)).toBe(true);
    expect(can(contributorB, 'media.view', teamA)).toBe(false);
    expect(can(contributorB, 'media.edit', teamA)).toBe(false);
    expect(can(contributorA, 'media.edit', staffUpload)).toBe(false);
    const teamless: Principal = { ...contributorA, teamId: null };
    expect(can(teamless, 'media.view', staffUpload)).toBe(false);
    // A photo grants nothing but media permissions.
    expect(can(editor, 'article.review', teamA)).toBe(false);
    expect(can(null, 'media.view', teamA)).toBe(false);
  });

  it('checks who may take each workflow step', () => {
    const single = { reviewStage: 0, stages: 1 };
    expect(checkTransition(contributorA, report('draft'), { status: 'draft', ...single }, 'submit').ok).toBe(true);
    expect(checkTransition(contributorB, report('draft'), { status: 'draft', ...single }, 'submit')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(contributorA, report('in_review'), { status: 'in_review', ...single }, 'approve')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(editor, report('in_review'), { status: 'in_review', ...single }, 'approve').ok).toBe(true);
    expect(checkTransition(editor, report('draft'), { status: 'draft', ...single }, 'publish')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(editor, report('approved'), { status: 'approved', ...single }, 'submit')).toEqual({ ok: false, code: 'INVALID_TRANSITION' });
    // Two stages: the editor cannot publish, the chief editor can.
    const two = { status: 'approved' as const, reviewStage: 2, stages: 2 };
    expect(checkTransition(editor, report('approved'), two, 'publish')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(chief, report('approved'), two, 'publish').ok).toBe(true);
  });
});
