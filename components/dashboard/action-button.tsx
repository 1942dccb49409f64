'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ServerAction } from './types';

/** One button that runs one server action with fixed input, then refreshes or navigates. */
export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  confirmText,
  then,
  className,
}: {
  action: ServerAction<I, unknown>;
  input: I;
  label: string;
  pendingLabel?: string;
  confirmText?: string;
  then?: string;
  className?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          start(async () => {
            setError(null);
            const r = await action(input);
            if (!r.ok) return setError(r.message);
            if (then) router.push(then);
            else router.refresh();
          });
        }}
        className={className ?? 'min-h-10 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60'}
      >
        {pending ? (pendingLabel ?? label) : label}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
