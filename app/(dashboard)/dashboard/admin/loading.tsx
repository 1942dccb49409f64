import { am } from '@/components/dashboard/admin-messages';

export default function AdminLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label={am.loading}>
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
