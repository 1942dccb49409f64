import Link from 'next/link';
import { mm } from '@/components/dashboard/media-messages';

export default function MediaNotFound() {
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-bold">{mm.notFoundTitle}</h1>
      <p className="text-slate-600">{mm.notFoundText}</p>
      <Link href="/dashboard/media" className="text-red-700 underline">
        {mm.backToLibrary}
      </Link>
    </div>
  );
}
