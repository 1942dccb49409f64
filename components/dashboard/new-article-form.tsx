'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { dm } from './messages';
import type { ServerAction } from './types';

/** Creates the draft (once, however often the button is tapped) and opens the editor. */
export function NewArticleForm({
  columns,
  create,
}: {
  columns: { id: number; name: string; parentId: number | null; stages: number }[];
  create: ServerAction<{ columnId: number; title: string; idempotencyKey: string }, { id: number }>;
}) {
  const router = useRouter();
  const [columnId, setColumnId] = useState(columns[0]?.id ?? 0);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const key = useRef<string>('');
  return (
    <form
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        key.current ||= crypto.randomUUID();
        start(async () => {
          setError(null);
          const r = await create({ columnId, title, idempotencyKey: key.current });
          if (!r.ok) return setError(r.message);
          router.push(`/dashboard/articles/${r.data.id}/edit`);
        });
      }}
    >
      <p className="text-sm text-slate-600">{dm.newArticleIntro}</p>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{dm.chooseColumn}</span>
        <select name="columnId" value={columnId} onChange={(e) => setColumnId(Number(e.target.value))} className="w-full rounded border border-slate-300 px-3 py-2 text-base">
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.parentId ? '— ' : ''}
              {c.name}
              {c.stages > 1 ? `(${c.stages} 级审核)` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">标题(可稍后填写)</span>
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} className="w-full rounded border border-slate-300 px-3 py-2 text-base" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending || !columnId} className="min-h-10 rounded bg-red-700 px-4 py-2 text-white disabled:opacity-60">
        {pending ? dm.creating : dm.create}
      </button>
    </form>
  );
}
