import type { Role } from './roles';
import {
  OWNER_EDITABLE,
  STAFF_EDITABLE,
  transition,
  type ArticleStatus,
  type Transition,
  type WorkflowAction,
  type WorkflowState,
} from './workflow';

/**
 * Who may do what. Services enforce these; pages only use them to hide buttons.
 * A permission a role lacks is never granted by a resource; a resource can only narrow.
 */
export const PERMISSIONS = [
  'dashboard.view',
  'article.create',
  'article.view',
  'article.edit',
  'article.comment',
  /** Claim, request changes, reject, approve a stage; publish in single-stage columns. */
  'article.review',
  /** The chief editor's final sign-off and publishing in multi-stage columns. */
  'article.final',
  /** Home-page curation: 头条, 幻灯, 推荐, 置顶. */
  'article.curate',
  'media.upload',
  /** The media library: staff see every photo, a team the photos its members uploaded. */
  'media.view',
  /** Caption and alt text of a library photo (a team only its own members' uploads). */
  'media.edit',
  /** The readers' inbox (信息举报 / 联系我们 / 挑错): read, assign, mark handled. */
  'message.view',
  'message.handle',
  /** A sender's name and contact details; every view is written to the audit log. */
  'message.contact',
  /** Team and region statistics (submitted, published, returned, time to publish). */
  'stats.view',
  'audit.view',
  'admin.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CONTRIBUTOR: readonly Permission[] = [
  'dashboard.view',
  'article.create',
  'article.view',
  'article.edit',
  'article.comment',
  'media.upload',
  'media.view',
  'media.edit',
];
const EDITOR: readonly Permission[] = [...CONTRIBUTOR, 'article.review', 'article.curate', 'message.view', 'message.handle', 'stats.view'];
const CHIEF: readonly Permission[] = [...EDITOR, 'article.final', 'message.contact', 'audit.view'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  contributor: new Set(CONTRIBUTOR),
  editor: new Set(EDITOR),
  chief_editor: new Set(CHIEF),
  admin: new Set(PERMISSIONS),
};

/** The signed-in person as the rules see them, loaded fresh from the database per request. */
export interface Principal {
  id: number;
  role: Role;
  name: string;
  teamId: number | null;
  /** Column ids (subtrees expanded) an editor is limited to; null = every column. */
  columnScope: number[] | null;
  /** Region paths ("/1/4/") an editor is limited to; null = every region. */
  regionScope: string[] | null;
}

/** What the rules need to know about a library photo. */
export interface MediaRef {
  /** Team of the person who uploaded it; null for staff uploads (or a deleted uploader). */
  uploaderTeamId: number | null;
}

/** What the rules need to know about an article. */
export interface ArticleRef {
  teamId: number | null;
  columnId: number;
  /** Materialised path of the team's region, when the article has a team. */
  regionPath: string | null;
  createdBy: number | null;
  status: ArticleStatus;
}

export const isStaff = (p: Principal) => p.role !== 'contributor';

/** Whether an editor's column and region limits cover the article. */
export function inScope(p: Principal, a: Pick<ArticleRef, 'columnId' | 'regionPath'>): boolean {
  if (p.role === 'chief_editor' || p.role === 'admin') return true;
  if (p.columnScope && !p.columnScope.includes(a.columnId)) return false;
  if (p.regionScope) {
    if (!a.regionPath) return false;
    const path = a.regionPath;
    if (!p.regionScope.some((scope) => path.startsWith(scope))) return false;
  }
  return true;
}

/** The person (or team) an article belongs to: its team's members, or the staff member who wrote it. */
export function isOwner(p: Principal, a: ArticleRef): boolean {
  if (p.role === 'contributor') return a.teamId != null && a.teamId === p.teamId;
  return a.createdBy === p.id;
}

const isMediaRef = (r: ArticleRef | MediaRef): r is MediaRef => 'uploaderTeamId' in r;

/** Staff see and describe every photo; a team member only those uploaded by their own team. */
function canOnMedia(p: Principal, perm: Permission, m: MediaRef): boolean {
  if (perm !== 'media.view' && perm !== 'media.edit') return false;
  if (isStaff(p)) return true;
  return p.teamId != null && m.uploaderTeamId === p.teamId;
}

export function can(p: Principal | null, perm: Permission, a?: ArticleRef | MediaRef): boolean {
  if (!p || !ROLE_PERMISSIONS[p.role].has(perm)) return false;
  if (!a) return true;
  if (isMediaRef(a)) return canOnMedia(p, perm, a);
  if (p.role === 'contributor') {
    if (!isOwner(p, a)) return false;
    switch (perm) {
      case 'article.view':
      case 'article.comment':
        return true;
      case 'article.edit':
        return OWNER_EDITABLE.has(a.status);
      default:
        return false;
    }
  }
  // Staff see a team's report once it is submitted; its drafts stay the team's own
  // (the admin, who answers for the whole system, sees everything).
  const own = isOwner(p, a);
  if (!own && ((a.status === 'draft' && p.role !== 'admin') || !inScope(p, a))) return false;
  switch (perm) {
    case 'article.view':
    case 'article.comment':
      return true;
    case 'article.edit':
      return own && OWNER_EDITABLE.has(a.status) ? true : STAFF_EDITABLE.has(a.status) && inScope(p, a);
    case 'article.review':
    case 'article.final':
    case 'article.curate':
      return inScope(p, a);
    default:
      return false;
  }
}

export type TransitionCheck =
  | ({ ok: true } & Transition)
  | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' };

/** Whether this person may take this workflow action on this article now. */
export function checkTransition(
  p: Principal | null,
  a: ArticleRef,
  state: WorkflowState,
  action: WorkflowAction,
): TransitionCheck {
  if (!p || !can(p, 'article.view', a)) return { ok: false, code: 'FORBIDDEN' };
  const t = transition(state, action);
  if (!t) return { ok: false, code: 'INVALID_TRANSITION' };
  const allowed =
    t.actor === 'owner'
      ? isOwner(p, a)
      : t.actor === 'reviewer'
        ? can(p, 'article.review', a)
        : can(p, 'article.final', a);
  return allowed ? { ok: true, ...t } : { ok: false, code: 'FORBIDDEN' };
}
