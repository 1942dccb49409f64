'use client';

import { useTransition } from 'react';

/** Asks first: it also ends the session on this device. */
export function SignOutAllButton({ action, label, confirmText }: { action: () => Promise<unknown>; label: string; confirmText: string }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (window.confirm(confirmText)) start(() => void action());
      }}
      className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
