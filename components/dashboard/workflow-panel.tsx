'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ACTION_LABELS, REASON_REQUIRED, type WorkflowAction } from '@/domain/workflow';
import { dm } from './messages';
import type { ServerAction } from './types';

interface Props {
  articleId: number;
  status: string;
  actions: WorkflowAction[];
  transition: ServerAction<
    { id: number; action: WorkflowAction; expectedStatus: string; reason?: string; publishAt?: string; unpublishAt?: string },
    { status: string }
  >;
}

const DANGER: ReadonlySet<WorkflowAction> = new Set(['reject', 'unpublish', 'request_changes', 'withdraw']);
// Actions that open a small form first (a reason, or a time).
const NEEDS_FORM: ReadonlySet<WorkflowAction> = new Set(['request_changes', 'reject', 'schedule', 'publish', 'unpublish']);

/** The workflow buttons this person may use now, computed on the server from the permissions table. */
export function WorkflowPanel({ articleId, status, actions, transition }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [unpublishAt, setUnpublishAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  if (actions.length === 0) return null;

  const run = (action: WorkflowAction) =>
    start(async () => {
      setError(null);
      const toIso = (v: string) => (v ? new Date(v).toISOString() : undefined);
      const result = await transition({
        id: articleId,
        action,
        expectedStatus: status,
        reason: reason.trim() || undefined,
        publishAt: toIso(publishAt),
        unpublishAt: toIso(unpublishAt),
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(null);
      setReason('');
      router.refresh();
    });

  return (
    <section aria-labelledby="wf-title" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="wf-title" className="mb-2 font-semibold">
        {dm.actions}
      </h2>
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={pending}
            onClick={() => (NEEDS_FORM.has(action) ? setOpen(open === action ? null : action) : run(action))}
            aria-expanded={NEEDS_FORM.has(action) ? open === action : undefined}
            className={`min-h-10 rounded px-3 py-2 text-sm font-medium disabled:opacity-60 ${
              DANGER.has(action) ? 'border border-red-300 bg-white text-red-800 hover:bg-red-50' : 'bg-red-700 text-white hover:bg-red-800'
            }`}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {open && (
        <form
          className="mt-3 space-y-2 rounded bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            run(open);
          }}
        >
          {(REASON_REQUIRED.has(open) || open === 'unpublish') && (
            <label className="block text-sm">
              <span className="font-medium">
                {dm.reason}
                {REASON_REQUIRED.has(open) && <span className="text-red-700">{dm.reasonRequired}</span>}
              </span>
              <textarea
                name="reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
                maxLength={2000}
                className="mt-1 w-full rounded border border-slate-300 p-2 text-base"
              />
            </label>
          )}
          {open === 'schedule' && (
            <label className="block text-sm">
              <span className="font-medium">{dm.publishAt}</span>
              <input
                type="datetime-local"
                name="publishAt"
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
                className="mt-1 block rounded border border-slate-300 p-2"
              />
            </label>
          )}
          {(open === 'schedule' || open === 'publish') && (
            <label className="block text-sm">
              <span className="font-medium">{dm.unpublishAt}</span>
              <input
                type="datetime-local"
                name="unpublishAt"
                value={unpublishAt}
                onChange={(e) => setUnpublishAt(e.target.value)}
                className="mt-1 block rounded border border-slate-300 p-2"
              />
            </label>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm text-white disabled:opacity-60">
              {dm.confirm}
              {ACTION_LABELS[open]}
            </button>
            <button type="button" onClick={() => setOpen(null)} className="min-h-10 rounded px-3 py-2 text-sm text-slate-600 hover:bg-slate-200">
              {dm.cancel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
