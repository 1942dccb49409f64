'use client';

import { m } from '@/components/site/messages';

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl rounded bg-white px-6 py-16 text-center shadow-sm">
      <h1 className="text-2xl font-bold text-brand">{m.errorTitle}</h1>
      <p className="mt-3 text-muted">{m.errorBody}</p>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={reset} className="inline-flex min-h-11 items-center rounded bg-brand px-6 text-white hover:bg-brand-dark">
          {m.retry}
        </button>
        <a href="/" className="inline-flex min-h-11 items-center rounded border border-line px-6 hover:text-brand">
          {m.backHome}
        </a>
      </div>
    </div>
  );
}
