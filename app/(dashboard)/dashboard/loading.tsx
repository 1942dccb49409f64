export default function DashboardLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="正在加载">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded bg-slate-200" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
