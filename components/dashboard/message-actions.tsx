'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { MessageStatus } from '@/domain/messages';
import { im } from './inbox-messages';
import type { ServerAction } from './types';

interface Props {
  id: number;
  status: MessageStatus;
  assigneeId: number | null;
  me: number;
  handlers: { id: number; name: string }[];
  assign: ServerAction<{ id: number; assigneeId: number }, unknown>;
  handle: ServerAction<{ id: number; note: string }, unknown>;
  reopen: ServerAction<{ id: number }, unknown>;
}

/** Assign, mark handled (with a required note) and reopen; the page refreshes after each. */
export function MessageActions({ id, status, assigneeId, me, handlers, assign, handle, reopen }: Props) {
  const router = useRouter();
  const uid = useId();
  const [assignee, setAssignee] = useState(String(assigneeId ?? me));
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ where: 'assign' | 'handle' | 'reopen'; text: string } | null>(null);
  const [pending, start] = useTransition();

  const run = (where: 'assign' | 'handle' | 'reopen', call: () => ReturnType<ServerAction<unknown, unknown>>, after?: () => void) =>
    start(async () => {
      setError(null);
      const r = await call();
      if (!r.ok) return setError({ where, text: r.message });
      after?.();
      router.refresh();
    });
  const errorFor = (where: 'assign' | 'handle' | 'reopen') =>
    error?.where === where ? (
      <p role="alert" className="text-sm text-red-800">
        {error.text}
      </p>
    ) : null;

  if (status === 'handled') {
    return (
      <section aria-labelledby={`${uid}-t`} className="space-y-2 rounded border border-slate-200 bg-white p-3">
        <h2 id={`${uid}-t`} className="font-semibold">
          {im.actions}
        </h2>
        <p className="text-sm text-slate-600">{im.handledNotice}</p>
        <button
          type="button"
          disabled={pending}
          onClick={() => run('reopen', () => reopen({ id }))}
          className="min-h-10 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? im.reopening : im.reopen}
        </button>
        {errorFor('reopen')}
      </section>
    );
  }

  return (
    <section aria-labelledby={`${uid}-t`} className="space-y-4 rounded border border-slate-200 bg-white p-3">
      <h2 id={`${uid}-t`} className="font-semibold">
        {im.actions}
      </h2>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          run('assign', () => assign({ id, assigneeId: Number(assignee) }));
        }}
      >
        <label htmlFor={`${uid}-assignee`} className="block text-sm text-slate-600">
          {im.assignTo}
        </label>
        <div className="flex flex-wrap gap-2">
          <select
            id={`${uid}-assignee`}
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            className="min-h-10 min-w-0 flex-1 basis-40 rounded border border-slate-300 bg-white px-2 py-1.5 text-base sm:text-sm"
          >
            {handlers.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
                {h.id === me ? '(我)' : ''}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending} className="min-h-10 rounded bg-slate-800 px-4 py-1.5 text-sm text-white disabled:opacity-60">
            {pending ? im.assigning : im.assign}
          </button>
          {assigneeId !== me && (
            <button
              type="button"
              disabled={pending}
              onClick={() => run('assign', () => assign({ id, assigneeId: me }), () => setAssignee(String(me)))}
              className="min-h-10 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60"
            >
              {im.assignToMe}
            </button>
          )}
        </div>
        {errorFor('assign')}
      </form>

      <form
        noValidate
        className="space-y-2 border-t border-slate-100 pt-3"
        onSubmit={(e) => {
          e.preventDefault();
          run('handle', () => handle({ id, note }), () => setNote(''));
        }}
      >
        <label htmlFor={`${uid}-note`} className="block text-sm font-medium">
          {im.handleNote}
        </label>
        <p id={`${uid}-note-hint`} className="text-xs text-slate-500">
          {im.handleNoteHint}
        </p>
        <textarea
          id={`${uid}-note`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={1000}
          aria-required="true"
          aria-describedby={`${uid}-note-hint`}
          aria-invalid={error?.where === 'handle' ? true : undefined}
          className="block w-full rounded border border-slate-300 px-2 py-1.5 text-base focus:border-red-700 focus:ring-2 focus:ring-red-200 focus:outline-none"
        />
        <button type="submit" disabled={pending} className="min-h-10 rounded bg-red-700 px-4 py-1.5 text-sm text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? im.handling : im.markHandled}
        </button>
        {errorFor('handle')}
      </form>
    </section>
  );
}
