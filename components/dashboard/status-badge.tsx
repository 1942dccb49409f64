import { STATUS_LABELS, pendingStageLabel, type ArticleStatus } from '@/domain/workflow';

const COLORS: Record<ArticleStatus, string> = {
  draft: 'bg-slate-100 text-slate-700',
  submitted: 'bg-amber-100 text-amber-900',
  in_review: 'bg-sky-100 text-sky-900',
  changes_requested: 'bg-orange-100 text-orange-900',
  approved: 'bg-emerald-100 text-emerald-900',
  scheduled: 'bg-violet-100 text-violet-900',
  published: 'bg-green-700 text-white',
  rejected: 'bg-red-100 text-red-900',
  unpublished: 'bg-slate-300 text-slate-800',
};

export function StatusBadge({ status, reviewStage, stages }: { status: ArticleStatus; reviewStage: number; stages: number }) {
  const pending = pendingStageLabel({ status, reviewStage, stages });
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${COLORS[status]}`} data-status={status}>
      {pending ?? STATUS_LABELS[status]}
    </span>
  );
}
