'use client';

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded border border-red-300 bg-red-50 p-4">
      <p className="font-semibold text-red-900">页面出错了。</p>
      <p className="text-sm text-red-900">已保存的内容不会丢失。请重试;如果问题持续,请联系管理员。</p>
      <button type="button" onClick={reset} className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm text-white">
        重试
      </button>
    </div>
  );
}
