'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { formatByline, parseReporters } from '@/domain/byline';
import { conflictDiff } from '@/domain/diff';
import { OWNER_EDITABLE, type ArticleStatus } from '@/domain/workflow';
import { updateDraft, type DraftFields, type LocalDraft } from '@/lib/field/store';
import { browseMedia } from '@/lib/media-client';
import { ConflictDiff } from '@/components/dashboard/revision-diff';
import { RichTextEditor } from '@/components/dashboard/rich-text-editor';
import { UploadProgress, usePhotoUpload } from '@/components/dashboard/upload-progress';
import type { FieldColumn } from './field-app';
import { fm } from './messages';

const PUSH_AFTER_MS = 1500;
const time = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });

/**
 * One report on the phone. Every change is written to IndexedDB at once (in order, never
 * two writes at a time), then pushed to the server a moment after typing stops.
 */
export function FieldEditor({
  draft,
  columns,
  siteShortName,
  onBack,
  onSubmit,
  onSaved,
  onPush,
  onDelete,
}: {
  draft: LocalDraft;
  columns: FieldColumn[];
  siteShortName: string;
  onBack: () => void;
  onSubmit: (d: LocalDraft) => Promise<string | null>;
  onSaved: () => void;
  onPush: () => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const [fields, setFields] = useState<DraftFields>(draft.fields);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [upload, uploadImage] = usePhotoUpload();
  const latest = useRef(fields);
  const pending = useRef(false);
  const writing = useRef<Promise<void> | null>(null);
  const pushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const readOnly = draft.queued || !OWNER_EDITABLE.has(draft.status as ArticleStatus);

  // The parent's callbacks change every render; the timers must not depend on them.
  const callbacks = useRef({ onSaved, onPush });
  useEffect(() => {
    callbacks.current = { onSaved, onPush };
  }, [onSaved, onPush]);

  /** Writes the latest fields; resolves when everything typed so far is on the phone. */
  const flush = useCallback((): Promise<void> => {
    writing.current ??= (async () => {
      while (pending.current) {
        pending.current = false;
        const f = latest.current;
        await updateDraft(draft.key, (cur) => ({ ...cur, fields: f, dirty: true, rev: cur.rev + 1, updatedAt: Date.now() }));
      }
    })().finally(() => {
      writing.current = null;
      setSavedAt(Date.now());
      callbacks.current.onSaved();
    });
    return writing.current;
  }, [draft.key]);

  const update = (patch: Partial<DraftFields>) => {
    if (readOnly) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setFields(next);
    setProblem(null);
    pending.current = true;
    void flush();
    if (pushTimer.current) clearTimeout(pushTimer.current);
    pushTimer.current = setTimeout(() => void flush().then(() => callbacks.current.onPush()), PUSH_AFTER_MS);
  };

  useEffect(() => {
    const onHide = () => {
      if (pending.current) void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush]);
  // Leaving the editor: what is typed is written; the app's sync loop sends it.
  useEffect(
    () => () => {
      if (pushTimer.current) clearTimeout(pushTimer.current);
    },
    [],
  );

  const submit = async () => {
    setSubmitting(true);
    try {
      if (pushTimer.current) clearTimeout(pushTimer.current);
      await flush();
      setProblem(await onSubmit({ ...draft, fields: latest.current }));
    } finally {
      setSubmitting(false);
    }
  };

  const keepMine = async () => {
    await updateDraft(draft.key, (cur) => (cur.conflict ? { ...cur, baseVersion: cur.conflict.version, conflict: null, dirty: true, rev: cur.rev + 1 } : cur));
    await onPush();
  };
  const takeServer = async () => {
    await updateDraft(draft.key, (cur) => {
      const c = cur.conflict;
      if (!c) return cur;
      const f = { ...cur.fields, title: c.title, subtitle: c.subtitle, summary: c.summary, body: c.body };
      return { ...cur, fields: f, baseVersion: c.version, conflict: null, dirty: false, loaded: cur.loaded + 1 };
    });
    onSaved();
  };

  const conflictRows = draft.conflict ? conflictDiff(fields, draft.conflict) : null;

  const input =
    'w-full rounded border border-slate-300 bg-white px-3 py-2 text-base focus:border-red-700 focus:outline-none focus:ring-2 focus:ring-red-200 disabled:bg-slate-100';
  const status = draft.conflict
    ? null
    : draft.dirty
      ? savedAt
        ? `${fm.savedLocal(time(savedAt))};${fm.notSynced}`
        : fm.notSynced
      : draft.syncedAt
        ? fm.synced(time(draft.syncedAt))
        : savedAt
          ? fm.savedLocal(time(savedAt))
          : '';

  return (
    <div className="space-y-4" data-testid="field-editor" data-draft-key={draft.key}>
      <button type="button" onClick={onBack} className="min-h-10 text-sm text-slate-700 underline">
        {fm.back}
      </button>

      {draft.status === 'changes_requested' && draft.reason && (
        <p role="status" className="rounded border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-900">
          {fm.returned(draft.reason)}
        </p>
      )}
      {draft.queued && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {fm.queuedNote}
        </p>
      )}
      {draft.syncError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="sync-error">
          {draft.syncError}
        </p>
      )}
      {draft.conflict && (
        <section role="alert" className="space-y-3 rounded border border-red-300 bg-red-50 p-3" data-testid="conflict">
          <p className="font-semibold text-red-900">{fm.conflictTitle}</p>
          <p className="text-sm text-red-900">{fm.conflictBody}</p>
          {conflictRows && (
            <div className="overflow-x-auto rounded bg-white">
              <ConflictDiff fields={conflictRows} leftLabel="我的内容" rightLabel="服务器上的内容" />
            </div>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => void keepMine()} className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm text-white">
              {fm.keepMine}
            </button>
            <button type="button" onClick={() => void takeServer()} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 text-sm">
              {fm.useServer}
            </button>
          </div>
        </section>
      )}

      <div className="grid gap-3">
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{fm.fields.title}</span>
          <input value={fields.title} onChange={(e) => update({ title: e.target.value })} maxLength={200} disabled={readOnly} className={`${input} font-semibold`} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{fm.fields.column}</span>
          <select value={fields.columnId} onChange={(e) => update({ columnId: Number(e.target.value) })} disabled={readOnly} className={input}>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.parentId ? '— ' : ''}
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{fm.fields.reporters}</span>
          <input value={fields.reporterLine} onChange={(e) => update({ reporterLine: e.target.value })} disabled={readOnly} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{fm.fields.summary}</span>
          <textarea value={fields.summary} onChange={(e) => update({ summary: e.target.value })} rows={2} maxLength={1000} disabled={readOnly} className={input} />
        </label>
      </div>

      <div>
        <span className="mb-1 block text-sm font-medium">{fm.fields.body}</span>
        <p className="mb-2 text-sm text-slate-600">电头:{formatByline(siteShortName, parseReporters(fields.reporterLine))}</p>
        <RichTextEditor initial={draft.fields.body} onChange={(body) => update({ body })} uploadImage={uploadImage} browseMedia={browseMedia} disabled={readOnly} ariaLabel={fm.fields.body} />
        <UploadProgress progress={upload} />
      </div>

      {problem && (
        <p role="alert" className="text-sm text-red-800" data-testid="submit-problem">
          {problem}
        </p>
      )}
      <div className="sticky bottom-0 z-10 -mx-3 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 px-3 py-2">
        <button
          type="button"
          onClick={() => void submit()}
          disabled={readOnly || submitting || Boolean(draft.conflict)}
          className="min-h-11 rounded bg-red-700 px-5 py-2 font-medium text-white disabled:opacity-60"
        >
          {draft.queued ? fm.submitQueued : fm.submit}
        </button>
        {draft.articleId == null && !draft.queued && (
          <button
            type="button"
            onClick={() => {
              if (window.confirm(fm.deleteConfirm)) void onDelete();
            }}
            className="min-h-11 rounded px-3 py-2 text-sm text-slate-600"
          >
            {fm.delete}
          </button>
        )}
        <span role="status" className="ml-auto text-sm text-slate-600" data-testid="field-save-state">
          {status}
        </span>
      </div>
    </div>
  );
}
