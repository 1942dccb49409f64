import { getArticleRecordEvents } from '@/db/queries/audit';
import { getEditableArticle, refOf } from '@/db/queries/newsroom';
import { approvalRecord } from '@/domain/audit';
import { ERROR_MESSAGES } from '@/domain/errors';
import { formatDateTime } from '@/domain/format';
import { can } from '@/domain/permissions';
import { csvResponse, toCsv } from '@/lib/csv';
import { getPrincipal } from '@/lib/session';

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

const HEADER = ['回执号', '标题', '时间(北京时间)', '轮次', '环节', '操作', '经办人', '状态变化', '理由', '说明'];

/**
 * One article's approval record as CSV, for whoever may view the article (the same rule as
 * its page); a missing article and someone else's look the same (404). Not audited: it is
 * the article's own history, which that person already sees on the article page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const p = await getPrincipal();
  if (!p) return refuse(401, ERROR_MESSAGES.UNAUTHENTICATED);
  const raw = (await params).id;
  const a = /^\d{1,9}$/.test(raw) ? await getEditableArticle(Number(raw)) : null;
  if (!a || !can(p, 'article.view', refOf(a))) return refuse(404, ERROR_MESSAGES.NOT_FOUND);
  const record = approvalRecord(await getArticleRecordEvents(a.id), a.stages, formatDateTime);
  const csv = toCsv(
    HEADER,
    record.steps.map((s) => [a.receiptCode, a.title, formatDateTime(s.at), s.round, s.stageLabel, s.actionLabel, s.actorName, s.statusChange, s.reason, s.note]),
  );
  return csvResponse(csv, `审核记录-${a.receiptCode}.csv`);
}
