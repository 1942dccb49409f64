import { exportAuditEvents } from '@/db/queries/audit';
import { auditActionLabel, auditFiltersOf, auditQuerySchema, auditStageLabel, summarizeEventData } from '@/domain/audit';
import { ERROR_MESSAGES } from '@/domain/errors';
import { formatDateTime } from '@/domain/format';
import { can } from '@/domain/permissions';
import { STATUS_LABELS } from '@/domain/workflow';
import { csvResponse, toCsv } from '@/lib/csv';
import { getPrincipal } from '@/lib/session';
import { recordAuditExport } from '@/services/audit';

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

const HEADER = ['时间(北京时间)', '操作人', '操作人编号', '操作', '操作代码', '稿件编号', '稿件标题', '回执号', '原状态', '新状态', '审核环节', '理由', '详情', '原始数据'];

/** The audit log as CSV, with the page's filters; capped (see AUDIT_EXPORT_CAP) and itself audited. */
export async function GET(request: Request) {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  if (!can(p, 'audit.view')) return refuse(403, ERROR_MESSAGES.FORBIDDEN);
  const q = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const { rows, truncated } = await exportAuditEvents(auditFiltersOf(q));
    await recordAuditExport(p, {
      filters: { actorId: q.actor, action: q.action, article: q.article || undefined, from: q.from, to: q.to },
      rows: rows.length,
      truncated,
    });
    const csv = toCsv(
      HEADER,
      rows.map((r) => [
        formatDateTime(r.createdAt),
        r.actorName ?? '系统',
        r.actorId,
        auditActionLabel(r.action),
        r.action,
        r.articleId,
        r.articleTitle,
        r.receiptCode,
        r.fromStatus ? STATUS_LABELS[r.fromStatus] : '',
        r.toStatus ? STATUS_LABELS[r.toStatus] : '',
        auditStageLabel(r.stage, r.stages),
        r.reason,
        summarizeEventData(r.action, r.data, formatDateTime, 2000),
        Object.keys(r.data).length ? JSON.stringify(r.data) : '',
      ]),
    );
    const stamp = formatDateTime(new Date()).replace(/[-: ]/g, '');
    return csvResponse(csv, `审计日志-${stamp}.csv`, {
      'X-Export-Rows': String(rows.length),
      'X-Export-Truncated': String(truncated),
    });
  } catch (e) {
    console.error('[audit] export failed', e);
    return refuse(500, '导出失败,请稍后再试。');
  }
}
