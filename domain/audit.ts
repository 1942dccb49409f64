import { z } from 'zod';
import { STATUS_LABELS, ACTION_LABELS as WORKFLOW_ACTION_LABELS, stageName, type ArticleStatus } from './workflow';

/**
 * The audit log's words: every action written to `events`, in Chinese. An action missing
 * here still shows (as its raw name) — `auditActionLabel` never hides a row.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // Workflow (domain/workflow.ts WORKFLOW_ACTIONS)
  ...WORKFLOW_ACTION_LABELS,
  // Articles (services/articles/*, services/import.ts)
  create: '创建稿件',
  correct: '更正已发布稿件',
  comment: '发表意见',
  curate: '调整首页与置顶',
  'article.import': '导入旧站稿件',
  // Media, sessions (services/media.ts, services/sessions.ts)
  'media.update': '修改图片说明',
  'session.revoke_all': '退出所有设备',
  // Administration (users, teams, regions, columns, pages, settings)
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'team.create': '新建工作队',
  'team.update': '修改工作队',
  'region.create': '新建区域',
  'region.update': '修改区域',
  'region.move': '调整区域顺序',
  'column.create': '新建栏目',
  'column.update': '修改栏目',
  'column.move': '调整栏目顺序',
  'page.create': '新建页面',
  'page.update': '修改页面',
  'settings.update': '修改网站设置',
  // Readers' inbox
  'message.assign': '指派读者来信',
  'message.handle': '办结读者来信',
  'message.reopen': '重新打开读者来信',
  'message.view_contact': '查看来信人联系方式',
  // This log itself
  'audit.export': '导出审计日志',
};

/** The audit page's query string; a bad value is dropped, never an error (a link never breaks). */
export const auditQuerySchema = z.object({
  actor: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[a-z][a-z_.]*$/).optional().catch(undefined),
  article: z.string().trim().max(40).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** Midnight of a Beijing calendar day ("2026-04-01"), plus `days`, as an instant. */
export const beijingDay = (day: string, days = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + days * 86_400_000);

/** The query as filters for db/queries/audit.ts: dates are whole Beijing days, both ends included. */
export function auditFiltersOf(q: AuditQuery) {
  return {
    actorId: q.actor,
    action: q.action,
    article: q.article || undefined,
    from: q.from ? beijingDay(q.from) : undefined,
    to: q.to ? beijingDay(q.to, 1) : undefined,
  };
}

/** The same query as a string, for links (paging, export); undefined values are left out. */
export function auditQueryString(q: Partial<AuditQuery>): string {
  const s = new URLSearchParams();
  for (const k of ['actor', 'action', 'article', 'from', 'to', 'cursor'] as const) {
    const v = q[k];
    if (v !== undefined && v !== '') s.set(k, String(v));
  }
  const out = s.toString();
  return out ? `?${out}` : '';
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/** 「初审」… for a claim/approve event's stage (1-based), or 「第 n 级」 when the column is unknown. */
export const auditStageLabel = (stage: number | null, stages: number | null): string =>
  stage ? (stages ? stageName(stages, stage - 1) : `第 ${stage} 级`) : '';

/** Known actions for the filter menu, then any others the log holds (raw names), each once. */
export function auditActionOptions(present: readonly string[] = []): { value: string; label: string }[] {
  const known = Object.keys(AUDIT_ACTION_LABELS);
  const extra = present.filter((a) => !(a in AUDIT_ACTION_LABELS)).sort();
  return [...known, ...new Set(extra)].map((value) => ({ value, label: auditActionLabel(value) }));
}

/** "已提交 → 审核中", or '' when the event moved no article. */
export function statusChange(from: ArticleStatus | null, to: ArticleStatus | null): string {
  if (!from && !to) return '';
  if (!from) return `→ ${STATUS_LABELS[to!]}`;
  if (!to || from === to) return STATUS_LABELS[from];
  return `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`;
}

const DATA_LABELS: Record<string, string> = {
  publishedAt: '发布时间',
  version: '版本',
  commentId: '意见编号',
  mediaId: '图片编号',
  messageId: '来信编号',
  userId: '用户编号',
  teamId: '工作队编号',
  regionId: '区域编号',
  columnId: '栏目编号',
  pageId: '页面编号',
  headlineRank: '头条',
  slideRank: '幻灯',
  recommendRank: '推荐',
  pinRank: '置顶',
  featureUntil: '首页推荐截止',
  pinUntil: '置顶截止',
  unpublishAt: '下线时间',
  result: '结果',
  legacyUrl: '旧址',
  file: '文件',
  rows: '行数',
  truncated: '已截断',
  filters: '筛选条件',
  before: '修改前',
  after: '修改后',
  role: '角色',
  from: '原值',
  to: '新值',
};

const IMPORT_RESULTS: Record<string, string> = { created: '新建', updated: '更新' };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(v: unknown, timeFormat: (iso: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return ISO.test(v) ? timeFormat(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => formatValue(x, timeFormat)).join('、');
  if (typeof v === 'object') {
    const inner = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${DATA_LABELS[k] ?? k} ${formatValue(x, timeFormat)}`);
    return inner.length ? `(${inner.join(',')})` : '—';
  }
  return String(v);
}

/**
 * A one-line reading of an event's `data` for people (the CSV keeps it too), e.g.
 * "发布时间 2026-03-01 10:00" or "图片编号 12;修改前(说明 旧)…". Long values are cut.
 */
export function summarizeEventData(action: string, data: Record<string, unknown> | null | undefined, timeFormat: (iso: string) => string = (s) => s, max = 240): string {
  if (!data) return '';
  const entries = Object.entries(data).filter(([k, v]) => v !== null && v !== undefined && v !== '' && !(action === 'article.import' && (k === 'prevTitle' || k === 'nextTitle' || k === 'views')));
  const parts = entries.map(([k, v]) => {
    if (action === 'article.import' && k === 'result' && typeof v === 'string') return `结果 ${IMPORT_RESULTS[v] ?? v}`;
    if (k === 'columnCreated') return v ? '新建了栏目' : '';
    return `${DATA_LABELS[k] ?? k} ${formatValue(v, timeFormat)}`;
  });
  const text = parts.filter(Boolean).join(';');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ——— The approval record (三审三校 paper trail) of one article ———

export interface RecordEvent {
  id: number;
  action: string;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  stage: number | null;
  reason: string;
  actorName: string | null;
  createdAt: string;
  data?: Record<string, unknown> | null;
}

export interface RecordStep {
  id: number;
  action: string;
  /** 「初审」「复审」「终审」 for review steps, '' otherwise. */
  stageLabel: string;
  actionLabel: string;
  actorName: string;
  at: string;
  statusChange: string;
  reason: string;
  /** Review round: 1 for the first submission, +1 after each return and resubmission. */
  round: number;
  note: string;
}

export interface RecordSignature {
  role: string;
  actorName: string;
  at: string;
}

export interface ApprovalRecord {
  steps: RecordStep[];
  /** Who signed each step of the latest round: 提交, each review stage, 发布/定时发布, 撤稿. */
  signatures: RecordSignature[];
  returns: number;
}

const REVIEW_ACTIONS = new Set(['claim', 'approve', 'request_changes', 'reject']);

/**
 * The article's events (oldest first) read as a paper trail. Returns carry no stage in
 * the log; the stage is the one the last claim opened.
 */
export function approvalRecord(events: readonly RecordEvent[], stages: number, timeFormat: (iso: string) => string = (s) => s): ApprovalRecord {
  const steps: RecordStep[] = [];
  let openStage = 0;
  let round = 1;
  let returns = 0;
  let lastSubmit: RecordSignature | null = null;
  let approvals = new Map<number, RecordSignature>();
  let publish: RecordSignature | null = null;
  let unpublish: RecordSignature | null = null;
  for (const e of events) {
    const actorName = e.actorName ?? '系统';
    const at = e.createdAt;
    if (e.action === 'resubmit') round++;
    let stage = e.stage ?? null;
    if (e.action === 'claim' && stage) openStage = stage;
    if ((e.action === 'request_changes' || e.action === 'reject') && !stage) stage = openStage || null;
    const stageLabel = REVIEW_ACTIONS.has(e.action) && stage ? stageName(stages, stage - 1) : '';
    let note = '';
    if ((e.action === 'publish' || e.action === 'schedule') && typeof e.data?.publishedAt === 'string') {
      note = `${e.action === 'schedule' ? '定于' : '发布于'} ${timeFormat(e.data.publishedAt)}`;
    } else if (e.action !== 'publish' && e.action !== 'schedule') {
      note = summarizeEventData(e.action, e.data, timeFormat);
    }
    steps.push({
      id: e.id,
      action: e.action,
      stageLabel,
      actionLabel: auditActionLabel(e.action),
      actorName,
      at,
      statusChange: statusChange(e.fromStatus, e.toStatus),
      reason: e.reason,
      round,
      note,
    });
    switch (e.action) {
      case 'submit':
      case 'resubmit':
        lastSubmit = { role: e.action === 'submit' ? '提交' : '重新提交', actorName, at };
        approvals = new Map();
        openStage = 0;
        break;
      case 'approve':
        if (stage) approvals.set(stage, { role: `${stageName(stages, stage - 1)}通过`, actorName, at });
        break;
      case 'request_changes':
      case 'reject':
        returns++;
        break;
      case 'publish':
      case 'schedule':
        publish = { role: e.action === 'publish' ? '发布' : '定时发布', actorName, at };
        break;
      case 'unpublish':
        unpublish = { role: '撤稿', actorName, at };
        break;
    }
  }
  const signatures: RecordSignature[] = [];
  if (lastSubmit) signatures.push(lastSubmit);
  for (const s of [...approvals.keys()].sort((a, b) => a - b)) signatures.push(approvals.get(s)!);
  if (publish) signatures.push(publish);
  if (unpublish) signatures.push(unpublish);
  return { steps, signatures, returns };
}
