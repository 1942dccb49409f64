'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { dm } from './messages';
import type { ServerAction } from './types';

export interface CommentItem {
  id: number;
  body: string;
  authorName: string | null;
  authorRole: string | null;
  createdAt: string;
  when: string;
}

/** The editorial thread: the team and the editors talk here. */
export function CommentThread({
  articleId,
  comments,
  canComment,
  addComment,
}: {
  articleId: number;
  comments: CommentItem[];
  canComment: boolean;
  addComment: ServerAction<{ articleId: number; body: string }, { id: number }>;
}) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="comments-title" className="rounded border border-slate-200 bg-white p-3">
      <h2 id="comments-title" className="mb-2 font-semibold">
        {dm.comments}
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-slate-500">{dm.noComments}</p>
      ) : (
        <ol className="space-y-2" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded bg-slate-50 p-2 text-sm">
              <p className="text-xs text-slate-500">
                {c.authorName ?? '—'} · <time dateTime={c.createdAt}>{c.when}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form
          className="mt-3 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              setError(null);
              const r = await addComment({ articleId, body });
              if (!r.ok) return setError(r.message);
              setBody('');
              router.refresh();
            });
          }}
        >
          <label className="block text-sm">
            <span className="sr-only">{dm.addComment}</span>
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder={dm.commentPlaceholder}
              rows={3}
              maxLength={4000}
              className="w-full rounded border border-slate-300 p-2 text-base"
            />
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-800">
              {error}
            </p>
          )}
          <button type="submit" disabled={pending || !body.trim()} className="min-h-10 rounded bg-slate-800 px-4 py-2 text-sm text-white disabled:opacity-50">
            {pending ? dm.sending : dm.send}
          </button>
        </form>
      )}
    </section>
  );
}
