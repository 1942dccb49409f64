'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { STATUS_LABELS, type ArticleStatus } from '@/domain/workflow';
import { readyToSubmit } from '@/domain/article-input';
import { deleteDraft, deleteOutbox, listDrafts, listOutbox, putDraft, putOutbox, updateDraft, updateOutbox, type LocalDraft, type OutboxItem } from '@/lib/field/store';
import { newDraft, Offline, pushDraft, SignedOut, syncAll } from '@/lib/field/sync';
import { DRAFT_LABELS, fm, OUTBOX_LABELS } from './messages';
import { FieldEditor } from './field-editor';
import { registerFieldWorker } from './register-worker';

export interface FieldUser {
  id: number;
  name: string;
  teamName: string | null;
}

export interface FieldColumn {
  id: number;
  name: string;
  parentId: number | null;
}

/** How often to try again while something waits to be sent, and how often to look for news otherwise. */
const RETRY_EVERY_MS = 10_000;
const REFRESH_EVERY_MS = 60_000;
const time = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function draftKeyFromHash(): string | null {
  const m = /^#d=([0-9a-f-]{36})$/.exec(window.location.hash);
  return m ? m[1]! : null;
}

/**
 * The team's report screens, built to work on a weak signal: the list of the person's
 * reports and the outbox, and the editor. Everything reads and writes the phone's copy
 * (IndexedDB); a sync loop exchanges it with the server whenever there is signal.
 */
export function FieldApp({ user, columns, siteShortName }: { user: FieldUser; columns: FieldColumn[]; siteShortName: string }) {
  const [drafts, setDrafts] = useState<LocalDraft[] | null>(null);
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const syncing = useRef(false);
  const again = useRef(false);
  const lastSync = useRef(0);
  const waiting = useRef(false);

  const refresh = useCallback(async () => {
    const [d, o] = await Promise.all([listDrafts(user.id), listOutbox(user.id)]);
    waiting.current = d.some((x) => x.dirty && !x.conflict) || o.some((x) => x.state === 'waiting' || x.state === 'sending');
    setDrafts(d);
    setOutbox(o);
  }, [user.id]);

  const sync = useCallback(async () => {
    if (syncing.current) {
      again.current = true;
      return;
    }
    syncing.current = true;
    try {
      do {
        again.current = false;
        lastSync.current = Date.now();
        try {
          await syncAll(user.id);
          setOnline(true);
          setSignedOut(false);
        } catch (e) {
          if (e instanceof Offline) setOnline(false);
          else if (e instanceof SignedOut) setSignedOut(true);
          else console.error('[field] sync failed', e);
        }
        await refresh();
      } while (again.current);
    } finally {
      syncing.current = false;
    }
  }, [refresh, user.id]);

  useEffect(() => {
    registerFieldWorker();
    const init = () => {
      setOpenKey(draftKeyFromHash());
      setOnline(navigator.onLine);
    };
    init();
    // Anything left "sending" when the page closed is sent again; its key makes that harmless.
    void listOutbox(user.id)
      .then((items) => Promise.all(items.filter((o) => o.state === 'sending').map((o) => updateOutbox(o.key, (x) => ({ ...x, state: 'waiting' })))))
      .then(refresh)
      .then(sync);
    const onHash = () => setOpenKey(draftKeyFromHash());
    const onOnline = () => {
      setOnline(true);
      void sync();
    };
    const onOffline = () => setOnline(false);
    // Back from the background (timers sleep there): catch up at once.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void sync();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const timer = setInterval(() => {
      if (Date.now() - lastSync.current >= (waiting.current ? RETRY_EVERY_MS : REFRESH_EVERY_MS)) void sync();
    }, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [refresh, sync, user.id]);

  const open = (key: string | null) => {
    window.location.hash = key ? `d=${key}` : '';
    setOpenKey(key);
    void refresh();
  };

  const create = async () => {
    const d = newDraft(user.id, columns[0]?.id ?? 0);
    await putDraft(d);
    open(d.key);
  };

  const submit = async (d: LocalDraft): Promise<string | null> => {
    const problem = readyToSubmit({ title: d.fields.title, body: d.fields.body });
    if (problem) return problem;
    // Marking the draft queued and adding the item happen once, however often 提交 is tapped.
    const queued = await updateDraft(d.key, (cur) => (cur.queued ? null : { ...cur, queued: true, syncError: null }));
    if (!queued) return null;
    for (const old of outbox.filter((o) => o.draftKey === d.key && o.state === 'failed')) await deleteOutbox(old.key);
    await putOutbox({
      key: crypto.randomUUID(),
      uid: user.id,
      draftKey: d.key,
      title: d.fields.title,
      state: 'waiting',
      error: null,
      createdAt: Date.now(),
      sentAt: null,
      attempts: 0,
      articleId: d.articleId,
      receiptCode: null,
    });
    open(null);
    void sync();
    return null;
  };

  const takeBack = async (item: OutboxItem) => {
    const removed = await updateOutbox(item.key, (o) => (o.state === 'waiting' || o.state === 'failed' ? { ...o, state: 'failed', error: '已撤回' } : null));
    if (!removed) return;
    await deleteOutbox(item.key);
    await updateDraft(item.draftKey, (cur) => ({ ...cur, queued: false }));
    open(item.draftKey);
  };

  const retry = async (item: OutboxItem) => {
    await updateOutbox(item.key, (o) => (o.state === 'failed' ? { ...o, state: 'waiting', error: null } : null));
    await updateDraft(item.draftKey, (cur) => ({ ...cur, queued: true }));
    await refresh();
    void sync();
  };

  const current = openKey ? drafts?.find((d) => d.key === openKey) : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="field-app" data-ready={drafts ? 'true' : 'false'}>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold">{fm.title}</h1>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${online ? 'bg-green-100 text-green-900' : 'bg-slate-300 text-slate-800'}`}
          data-testid="connection"
          data-online={online ? 'true' : 'false'}
        >
          {online ? fm.online : fm.offline}
        </span>
        {user.teamName && <span className="text-sm text-slate-600">{user.teamName}</span>}
      </div>
      {!online && (
        <p role="status" className="rounded border border-slate-300 bg-white px-3 py-2 text-sm">
          {fm.offlineHint}
        </p>
      )}
      {signedOut && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {fm.signedOut}{' '}
          <a className="font-medium underline" href="/login?callbackUrl=%2Fdashboard%2Ffield">
            {fm.signIn}
          </a>
        </p>
      )}

      {openKey ? (
        current ? (
          <FieldEditor
            key={`${current.key}:${current.loaded}`}
            draft={current}
            columns={columns}
            siteShortName={siteShortName}
            onBack={() => open(null)}
            onSubmit={submit}
            onSaved={() => void refresh()}
            onDelete={async () => {
              await deleteDraft(current.key);
              open(null);
            }}
            onPush={async () => {
              await pushDraft(current.key).catch(() => {});
              await refresh();
            }}
          />
        ) : drafts ? (
          <p>
            没有找到这篇稿件。<button type="button" className="underline" onClick={() => open(null)}>{fm.back}</button>
          </p>
        ) : null
      ) : (
        <>
          <p className="text-sm text-slate-600">{fm.intro}</p>
          <button type="button" onClick={() => void create()} className="min-h-11 rounded bg-red-700 px-5 py-2 font-medium text-white">
            {fm.newDraft}
          </button>
          <Outbox items={outbox} onRetry={retry} onTakeBack={takeBack} />
          <section aria-labelledby="drafts-heading" className="space-y-2">
            <h2 id="drafts-heading" className="font-semibold">
              {fm.myDrafts}
            </h2>
            {drafts && drafts.length === 0 && <p className="text-sm text-slate-600">{fm.noDrafts}</p>}
            <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="field-drafts">
              {drafts?.map((d) => (
                <li key={d.key}>
                  <button type="button" onClick={() => open(d.key)} className="flex w-full flex-wrap items-center gap-2 px-3 py-3 text-left hover:bg-slate-50">
                    <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">{d.fields.title || fm.untitled}</span>
                    <DraftBadges d={d} />
                    <span className="w-full text-xs text-slate-500">
                      {time(d.updatedAt)}
                      {d.receiptCode && ` · ${fm.receipt(d.receiptCode)}`}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <p className="text-sm text-slate-600">
            <strong>{fm.installTitle}:</strong>
            {fm.installHint}
          </p>
        </>
      )}
    </div>
  );
}

function DraftBadges({ d }: { d: LocalDraft }) {
  const chip = 'rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap';
  const sync = d.conflict
    ? [DRAFT_LABELS.conflict, 'bg-red-100 text-red-900']
    : d.queued
      ? [DRAFT_LABELS.queued, 'bg-amber-100 text-amber-900']
      : d.articleId == null
        ? [DRAFT_LABELS.local, 'bg-slate-100 text-slate-700']
        : d.dirty
          ? [DRAFT_LABELS.dirty, 'bg-amber-100 text-amber-900']
          : [DRAFT_LABELS.synced, 'bg-green-100 text-green-900'];
  return (
    <>
      <span className={`${chip} bg-slate-100 text-slate-700`} data-testid="draft-status">
        {STATUS_LABELS[d.status as ArticleStatus] ?? d.status}
      </span>
      <span className={`${chip} ${sync[1]}`} data-testid="draft-sync">
        {sync[0]}
      </span>
    </>
  );
}

function Outbox({ items, onRetry, onTakeBack }: { items: OutboxItem[]; onRetry: (o: OutboxItem) => void; onTakeBack: (o: OutboxItem) => void }) {
  const tone: Record<OutboxItem['state'], string> = {
    waiting: 'bg-amber-100 text-amber-900',
    sending: 'bg-sky-100 text-sky-900',
    sent: 'bg-green-100 text-green-900',
    failed: 'bg-red-100 text-red-900',
  };
  return (
    <section aria-labelledby="outbox-heading" className="space-y-2">
      <h2 id="outbox-heading" className="font-semibold">
        {fm.outbox}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{fm.outboxEmpty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="outbox">
          {items.map((o) => (
            <li key={o.key} className="space-y-1 px-3 py-3" data-testid="outbox-item" data-state={o.state}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">{o.title || fm.untitled}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[o.state]}`} data-testid="outbox-state">
                  {OUTBOX_LABELS[o.state]}
                </span>
              </div>
              <p className="text-xs text-slate-500">
                {time(o.sentAt ?? o.createdAt)}
                {o.receiptCode && ` · ${fm.receipt(o.receiptCode)}`}
              </p>
              {o.error && (
                <p className="text-sm text-red-800" data-testid="outbox-error">
                  {o.error}
                </p>
              )}
              {(o.state === 'failed' || o.state === 'waiting') && (
                <div className="flex flex-wrap gap-2">
                  {o.state === 'failed' && (
                    <button type="button" onClick={() => onRetry(o)} className="min-h-10 rounded border border-slate-300 px-3 text-sm">
                      {fm.retry}
                    </button>
                  )}
                  <button type="button" onClick={() => onTakeBack(o)} className="min-h-10 rounded border border-slate-300 px-3 text-sm">
                    {fm.takeBack}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
