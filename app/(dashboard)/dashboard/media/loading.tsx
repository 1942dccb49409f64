export default function MediaLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="正在加载">
      <div className="h-7 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-16 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="aspect-[4/3] animate-pulse rounded bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
