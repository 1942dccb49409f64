import Link from 'next/link';

export default function DashboardNotFound() {
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-bold">没有找到</h1>
      <p className="text-slate-600">这篇稿件不存在,或者您没有查看它的权限。</p>
      <Link href="/dashboard" className="text-red-700 underline">
        返回工作台
      </Link>
    </div>
  );
}
