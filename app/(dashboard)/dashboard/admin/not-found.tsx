import Link from 'next/link';
import { am } from '@/components/dashboard/admin-messages';

export default function AdminNotFound() {
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-bold">{am.notFoundTitle}</h1>
      <p className="text-slate-600">{am.notFoundText}</p>
      <Link href="/dashboard" className="text-red-700 underline">
        {am.backToDashboard}
      </Link>
    </div>
  );
}
