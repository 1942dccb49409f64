'use client';

import { useCallback, useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { formatBytes, type MediaPage, type MediaSummary } from '@/domain/media';
import { mm } from './media-messages';

export type BrowseMedia = (q: string, page: number) => Promise<MediaPage>;

type Result = { key: string; data: MediaPage | null; error: string | null };

/**
 * The media library as a modal dialog: search by caption, page through, pick one photo.
 * Mount it only while open; closing (Esc, the close button, the backdrop) calls onClose.
 */
export function MediaPicker({ browse, onPick, onClose }: { browse: BrowseMedia; onPick: (m: MediaSummary) => void; onClose: () => void }) {
  const uid = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState({ q: '', page: 1 });
  const [result, setResult] = useState<Result | null>(null);
  const key = `${query.q}\n${query.page}`;
  const loading = result?.key !== key;

  useEffect(() => {
    const d = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    search.current?.focus();
    return () => {
      // Back to the toolbar button, unless the editor took focus (a photo was inserted).
      if (!document.activeElement || document.activeElement === document.body) opener?.focus();
    };
  }, []);

  useEffect(() => {
    let stale = false;
    browse(query.q, query.page).then(
      (data) => !stale && setResult({ key, data, error: null }),
      (e: unknown) => !stale && setResult({ key, data: null, error: e instanceof Error && e.message ? e.message : mm.loadFailed }),
    );
    return () => {
      stale = true;
    };
  }, [browse, query, key]);

  const runSearch = useCallback(() => setQuery({ q: draft.trim(), page: 1 }), [draft]);
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) onClose();
  };

  const data = result?.data ?? null;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const pageButton = 'min-h-10 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-40';

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-hint`}
      onClose={onClose}
      onClick={onBackdrop}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[calc(100vw-1rem)] max-w-4xl overflow-hidden rounded-md border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50"
      data-testid="media-picker"
    >
      <div className="flex max-h-[calc(100dvh-1rem)] flex-col">
        <div className="flex items-start gap-2 border-b border-slate-200 p-3">
          <div className="min-w-0 flex-1">
            <h2 id={`${uid}-title`} className="font-semibold">
              {mm.pick}
            </h2>
            <p id={`${uid}-hint`} className="text-xs text-slate-500">
              {mm.pickHint}
            </p>
          </div>
          <button type="button" onClick={onClose} className="min-h-10 shrink-0 rounded px-3 text-sm text-slate-700 hover:bg-slate-100">
            {mm.close}
          </button>
        </div>

        {/* Not a <form>: the picker may sit inside the article's form. */}
        <div role="search" className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-3">
          <label htmlFor={`${uid}-q`} className="sr-only">
            {mm.search}
          </label>
          <input
            ref={search}
            id={`${uid}-q`}
            type="search"
            value={draft}
            maxLength={100}
            placeholder={mm.search}
            autoComplete="off"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                runSearch();
              }
            }}
            className="h-10 min-w-0 flex-1 basis-40 rounded border border-slate-300 px-2 text-base"
          />
          <button type="button" onClick={runSearch} className="min-h-10 rounded bg-red-700 px-4 text-sm text-white hover:bg-red-800">
            {mm.searchButton}
          </button>
        </div>

        <div className="min-h-40 flex-1 overflow-y-auto p-3">
          <div aria-live="polite" className="text-sm">
            {loading ? (
              <p className="text-slate-500">{mm.loading}</p>
            ) : result?.error ? (
              <p role="alert" className="text-red-800">
                {result.error}
              </p>
            ) : data && data.items.length === 0 ? (
              <p className="text-slate-500">{query.q ? mm.empty : mm.emptyLibrary}</p>
            ) : data ? (
              <p className="sr-only">{mm.total(data.total)}</p>
            ) : null}
          </div>
          {data && data.items.length > 0 && (
            <ul className={`grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-4 ${loading ? 'opacity-50' : ''}`} aria-busy={loading}>
              {data.items.map((m) => (
                <li key={m.id} className="min-w-0">
                  <button
                    type="button"
                    disabled={loading}
                    onClick={() => onPick(m)}
                    className="block h-full w-full overflow-hidden rounded border border-slate-200 bg-white text-left hover:border-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- stored 480-wide variant */}
                    <img src={m.thumbSrc} alt="" width={m.width} height={m.height} loading="lazy" decoding="async" className="aspect-[4/3] w-full bg-slate-100 object-cover" />
                    <span className="block p-1.5">
                      <span className={`line-clamp-2 text-sm break-words ${m.caption ? '' : 'text-slate-500'}`}>{m.caption || m.alt || mm.noCaption}</span>
                      <span className="block text-xs text-slate-500 tabular-nums">
                        {m.width}×{m.height} · {formatBytes(m.bytes)}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        {data && pages > 1 && (
          <nav aria-label={mm.pagination} className="flex items-center justify-center gap-3 border-t border-slate-200 p-2 text-sm">
            <button type="button" className={pageButton} disabled={loading || query.page <= 1} onClick={() => setQuery({ ...query, page: query.page - 1 })}>
              {mm.prevPage}
            </button>
            <span className="tabular-nums">{mm.pageOf(query.page, pages)}</span>
            <button type="button" className={pageButton} disabled={loading || query.page >= pages} onClick={() => setQuery({ ...query, page: query.page + 1 })}>
              {mm.nextPage}
            </button>
          </nav>
        )}
      </div>
    </dialog>
  );
}
