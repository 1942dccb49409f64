'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { mm } from './media-messages';
import type { ServerAction } from './types';

type Input = { id: number; caption: string; alt: string };

/** Caption and alt text of a library photo; says plainly whether the save worked. */
export function MediaDetailsForm({
  id,
  initial,
  save,
}: {
  id: number;
  initial: { caption: string; alt: string };
  save: ServerAction<Input, { caption: string; alt: string }>;
}) {
  const router = useRouter();
  const uid = useId();
  const [v, setV] = useState(initial);
  const [msg, setMsg] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  const fieldError = (k: 'caption' | 'alt') => (msg && !msg.ok ? msg.fields?.[k] : undefined);

  const field = (k: 'caption' | 'alt', label: string, hint?: string) => {
    const err = fieldError(k);
    const hintId = `${uid}-${k}-hint`;
    const errId = `${uid}-${k}-error`;
    return (
      <div>
        <label htmlFor={`${uid}-${k}`} className="block text-sm text-slate-600">
          {label}
        </label>
        <textarea
          id={`${uid}-${k}`}
          name={k}
          rows={2}
          maxLength={200}
          value={v[k]}
          aria-invalid={err ? true : undefined}
          aria-describedby={[hint ? hintId : '', err ? errId : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            setV({ ...v, [k]: e.target.value });
            if (msg?.ok) setMsg(null);
          }}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-base focus:border-red-700 focus:ring-2 focus:ring-red-200 focus:outline-none"
        />
        <p className="mt-0.5 flex gap-2 text-xs text-slate-500">
          {hint && <span id={hintId}>{hint}</span>}
          <span className="ml-auto tabular-nums">{v[k].length} / 200</span>
        </p>
        {err && (
          <p id={errId} className="text-sm text-red-800">
            {err}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="rounded border border-slate-200 bg-white p-3">
      <h2 id={`${uid}-title`} className="mb-1 font-semibold">
        {mm.editTitle}
      </h2>
      <p className="mb-2 text-xs text-slate-500">{mm.editHint}</p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await save({ id, caption: v.caption, alt: v.alt });
            if (!r.ok) return setMsg({ ok: false, text: r.message, fields: r.fieldErrors });
            // Show what was stored (trimmed, one line).
            setV({ caption: r.data.caption, alt: r.data.alt });
            setMsg({ ok: true, text: mm.saved });
            router.refresh();
          });
        }}
      >
        {field('caption', mm.caption)}
        {field('alt', mm.alt, mm.altHint)}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="min-h-10 rounded bg-slate-800 px-4 py-2 text-sm text-white disabled:opacity-60">
            {pending ? mm.saving : mm.save}
          </button>
          {/* Present from the start so the success text is announced when it appears. */}
          <p role="status" className="text-sm text-green-800">
            {msg?.ok ? msg.text : ''}
          </p>
          {msg && !msg.ok && (
            <p role="alert" className="text-sm text-red-800">
              {msg.text}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
