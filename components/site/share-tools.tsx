'use client';

import { useState } from 'react';

const btn = 'inline-flex min-h-11 items-center rounded border border-line bg-white px-3 text-sm hover:border-brand hover:text-brand';

/** The article page's only client island: copy the share link, print. */
export function ShareTools({ url, labels }: { url: string; labels: { copy: string; copied: string; failed: string; print: string } }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="button"
        className={btn}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setState('done');
          } catch {
            setState('failed');
          }
        }}
      >
        <span aria-live="polite">{state === 'done' ? labels.copied : state === 'failed' ? labels.failed : labels.copy}</span>
      </button>
      <button type="button" className={btn} onClick={() => window.print()}>
        {labels.print}
      </button>
    </div>
  );
}
