'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { dm } from './messages';
import type { ServerAction } from './types';

export interface CurationValues {
  headlineRank: number | null;
  slideRank: number | null;
  recommendRank: number | null;
  featureUntil: string | null;
  pinRank: number | null;
  pinUntil: string | null;
  unpublishAt: string | null;
}

type Input = { id: number } & { [K in keyof CurationValues]: CurationValues[K] extends number | null ? number | null : string | undefined };

/** datetime-local wants local "YYYY-MM-DDTHH:mm". */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const RANKS = [
  ['headlineRank', dm.headline],
  ['slideRank', dm.slide],
  ['recommendRank', dm.recommend],
  ['pinRank', dm.pin],
] as const;

/** 头条 / 幻灯 / 推荐 / 置顶: tick to include, with an order and an end time. */
export function CurationForm({ articleId, initial, curate }: { articleId: number; initial: CurationValues; curate: ServerAction<Input, object> }) {
  const router = useRouter();
  const [v, setV] = useState(() => ({
    ...initial,
    featureUntil: toLocalInput(initial.featureUntil),
    pinUntil: toLocalInput(initial.pinUntil),
    unpublishAt: toLocalInput(initial.unpublishAt),
  }));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const toIso = (s: string) => (s ? new Date(s).toISOString() : undefined);
  return (
    <section aria-labelledby="curation-title" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="curation-title" className="mb-2 font-semibold">
        {dm.curation}
      </h2>
      <form
        className="space-y-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await curate({
              id: articleId,
              headlineRank: v.headlineRank,
              slideRank: v.slideRank,
              recommendRank: v.recommendRank,
              pinRank: v.pinRank,
              featureUntil: toIso(v.featureUntil),
              pinUntil: toIso(v.pinUntil),
              unpublishAt: toIso(v.unpublishAt),
            });
            setMsg(r.ok ? { ok: true, text: dm.saved } : { ok: false, text: r.message });
            if (r.ok) router.refresh();
          });
        }}
      >
        {RANKS.map(([key, label]) => (
          <div key={key} className="flex items-center gap-2">
            <label className="flex min-h-10 items-center gap-2">
              <input
                type="checkbox"
                checked={v[key] != null}
                onChange={(e) => setV({ ...v, [key]: e.target.checked ? 1 : null })}
                className="h-5 w-5"
              />
              {label}
            </label>
            {v[key] != null && (
              <label className="flex items-center gap-1 text-slate-600">
                {dm.rank}
                <input
                  type="number"
                  min={1}
                  max={99}
                  value={v[key] ?? 1}
                  onChange={(e) => setV({ ...v, [key]: Math.max(1, Number(e.target.value) || 1) })}
                  className="w-16 rounded border border-slate-300 px-2 py-1"
                />
              </label>
            )}
          </div>
        ))}
        <label className="block">
          <span className="text-slate-600">{dm.featureUntil}</span>
          <input type="datetime-local" value={v.featureUntil} onChange={(e) => setV({ ...v, featureUntil: e.target.value })} className="mt-1 block rounded border border-slate-300 p-1.5" />
        </label>
        <label className="block">
          <span className="text-slate-600">{dm.pinUntil}</span>
          <input type="datetime-local" value={v.pinUntil} onChange={(e) => setV({ ...v, pinUntil: e.target.value })} className="mt-1 block rounded border border-slate-300 p-1.5" />
        </label>
        <label className="block">
          <span className="text-slate-600">{dm.expiry}</span>
          <input type="datetime-local" value={v.unpublishAt} onChange={(e) => setV({ ...v, unpublishAt: e.target.value })} className="mt-1 block rounded border border-slate-300 p-1.5" />
        </label>
        <button type="submit" disabled={pending} className="min-h-10 rounded bg-slate-800 px-4 py-2 text-white disabled:opacity-60">
          {pending ? dm.saving : dm.save}
        </button>
        {msg && (
          <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'text-green-800' : 'text-red-800'}>
            {msg.text}
          </p>
        )}
      </form>
    </section>
  );
}
