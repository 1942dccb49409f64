export default function MessageLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="正在加载">
      <div className="h-5 w-24 animate-pulse rounded bg-slate-200" />
      <div className="h-7 w-64 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="h-56 animate-pulse rounded bg-slate-200" />
        <div className="space-y-4">
          <div className="h-32 animate-pulse rounded bg-slate-200" />
          <div className="h-40 animate-pulse rounded bg-slate-200" />
        </div>
      </div>
    </div>
  );
}
