import Link from 'next/link';
import { im } from '@/components/dashboard/inbox-messages';

export default function MessageNotFound() {
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-bold">{im.notFoundTitle}</h1>
      <p className="text-slate-600">{im.notFoundText}</p>
      <Link href="/dashboard/messages" className="text-red-700 underline">
        {im.backToInbox}
      </Link>
    </div>
  );
}
