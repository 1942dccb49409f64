'use client';

import { useState, useTransition } from 'react';
import { im } from './inbox-messages';
import type { ServerAction } from './types';

/**
 * The sender's details are not in the page: this button asks the server, which checks the
 * permission and writes the audit event in the same transaction as it reads them.
 */
export function ContactReveal({ id, reveal }: { id: number; reveal: ServerAction<{ id: number }, { name: string; contact: string }> }) {
  const [shown, setShown] = useState<{ name: string; contact: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (shown) {
    return (
      <div data-testid="contact-details">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">{im.contactName}</dt>
          <dd className="break-words">{shown.name || im.contactBlank}</dd>
          <dt className="text-slate-600">{im.contactValue}</dt>
          <dd className="break-words">{shown.contact || im.contactBlank}</dd>
        </dl>
        <p role="status" className="mt-2 text-xs text-slate-500">
          {im.contactLogged}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await reveal({ id });
            if (!r.ok) return setError(r.message);
            setShown({ name: r.data.name, contact: r.data.contact });
          })
        }
        className="min-h-10 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? im.revealing : im.revealContact}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
