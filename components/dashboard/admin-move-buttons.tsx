'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { am } from './admin-messages';
import type { ServerAction } from './types';

export const smallButton = 'min-h-9 min-w-9 rounded border border-slate-300 bg-white px-2.5 py-1 text-xs hover:bg-slate-50 disabled:opacity-40';

/** ↑ / ↓ among siblings, each named after the row for screen readers. */
export function MoveButtons({ id, name, first, last, move }: { id: number; name: string; first: boolean; last: boolean; move: ServerAction<{ id: number; direction: 'up' | 'down' }, unknown> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const go = (direction: 'up' | 'down') =>
    start(async () => {
      setError(null);
      const r = await move({ id, direction }).catch(() => null);
      if (!r || !r.ok) setError(r?.message ?? am.networkError);
      else router.refresh();
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <button type="button" className={smallButton} disabled={pending || first} onClick={() => go('up')} aria-label={am.moveUpLabel(name)}>
        ↑
      </button>
      <button type="button" className={smallButton} disabled={pending || last} onClick={() => go('down')} aria-label={am.moveDownLabel(name)}>
        ↓
      </button>
      {error && (
        <span role="alert" className="basis-full text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
