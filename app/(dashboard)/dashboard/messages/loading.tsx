export default function InboxLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="正在加载">
      <div className="h-7 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-72 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-3 gap-2">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="h-16 animate-pulse rounded bg-slate-200" />
        ))}
      </div>
      <div className="h-16 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
