'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatByline, formatCredits, formatReporterLine, parseReporters, type Reporter } from '@/domain/byline';
import { conflictDiff } from '@/domain/diff';
import type { EditorFields } from '@/domain/article-input';
import type { RichTextDoc } from '@/domain/rich-text';
import { dm } from './messages';
import { ConflictDiff } from './revision-diff';
import { browseMedia } from '@/lib/media-client';
import { RichTextEditor } from './rich-text-editor';
import { UploadProgress, usePhotoUpload } from './upload-progress';
import type { ServerAction } from './types';

export interface EditorArticle {
  id: number;
  version: number;
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  columnId: number;
  author: string;
  reporters: Reporter[];
  source: string;
  coverMediaId: number | null;
  teamName: string | null;
  creditText: string;
  editorName: string;
  status: string;
}

type Fields = EditorFields;

export interface SaveInput extends Omit<Fields, 'reporterLine'> {
  id: number;
  version: number;
  autosave: boolean;
  reporters: Reporter[];
  coverMediaId: number | null;
}

interface ConflictInfo {
  currentVersion: number;
  current: { title: string; subtitle: string; summary: string; body: RichTextDoc; authorName: string | null; createdAt: string };
}

type SaveState = { kind: 'idle' | 'dirty' | 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string } | { kind: 'conflict'; info: ConflictInfo };

const AUTOSAVE_MS = 1500;
const HEARTBEAT_MS = 20_000;

/**
 * The article form: saves to the server a moment after typing stops, refuses to overwrite
 * someone else's newer save (and shows what they changed while keeping this person's
 * text), and shows who else has the article open.
 */
export function ArticleEditor({
  article,
  columns,
  siteShortName,
  save,
  heartbeat,
}: {
  article: EditorArticle;
  columns: { id: number; name: string; parentId: number | null }[];
  siteShortName: string;
  save: ServerAction<SaveInput, { version: number; savedAt: string }>;
  heartbeat: ServerAction<{ articleId: number }, { others: string[] }>;
}) {
  const [fields, setFields] = useState<Fields>(() => ({
    title: article.title,
    subtitle: article.subtitle,
    summary: article.summary,
    body: article.body,
    columnId: article.columnId,
    author: article.author,
    reporterLine: formatReporterLine(article.reporters),
    source: article.source,
  }));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [others, setOthers] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const version = useRef(article.version);
  const latest = useRef(fields);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  // Lets a save schedule its own retry without the callback referring to itself.
  const saveRef = useRef<(autosave: boolean) => Promise<void>>(async () => {});

  const doSave = useCallback(
    async (autosave: boolean) => {
      if (blocked.current) return;
      if (inFlight.current) {
        // Another save is running: try again once it has finished.
        timer.current = setTimeout(() => void saveRef.current(autosave), 300);
        return;
      }
      inFlight.current = true;
      dirty.current = false;
      const f = latest.current;
      setState({ kind: 'saving' });
      try {
        const result = await save({
          id: article.id,
          version: version.current,
          autosave,
          title: f.title,
          subtitle: f.subtitle,
          summary: f.summary,
          body: f.body,
          columnId: f.columnId,
          author: f.author,
          reporters: parseReporters(f.reporterLine),
          source: f.source,
          coverMediaId: article.coverMediaId,
        });
        if (result.ok) {
          version.current = result.data.version;
          setFieldErrors({});
          setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: result.data.savedAt });
        } else if (result.code === 'CONFLICT' && result.details) {
          blocked.current = true;
          dirty.current = true;
          setState({ kind: 'conflict', info: result.details as unknown as ConflictInfo });
        } else {
          dirty.current = true;
          setFieldErrors(result.fieldErrors ?? {});
          setState({ kind: 'error', message: result.message });
        }
      } catch {
        dirty.current = true;
        setState({ kind: 'error', message: '网络不通,暂未保存。您的内容还在页面上,恢复网络后会自动再试。' });
        timer.current = setTimeout(() => void saveRef.current(true), 5000);
      } finally {
        inFlight.current = false;
      }
    },
    [article.id, article.coverMediaId, save],
  );

  useEffect(() => {
    saveRef.current = doSave;
  }, [doSave]);

  const update = useCallback(
    (patch: Partial<Fields>) => {
      setFields((prev) => {
        const next = { ...prev, ...patch };
        latest.current = next;
        return next;
      });
      dirty.current = true;
      if (blocked.current) return;
      setState({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void doSave(true), AUTOSAVE_MS);
    },
    [doSave],
  );

  // Warn before leaving with unsaved text.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    let stop = false;
    const beat = async () => {
      const r = await heartbeat({ articleId: article.id }).catch(() => null);
      if (!stop && r?.ok) setOthers(r.data.others);
    };
    void beat();
    const id = setInterval(beat, HEARTBEAT_MS);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, [article.id, heartbeat]);

  const [upload, uploadImage] = usePhotoUpload();

  const reporters = useMemo(() => parseReporters(fields.reporterLine), [fields.reporterLine]);
  const credits = formatCredits({ teamName: article.teamName, creditText: article.creditText, editorName: article.editorName });

  const conflictRows = state.kind === 'conflict' ? conflictDiff(fields, state.info.current) : null;

  const overwrite = () => {
    if (state.kind !== 'conflict') return;
    version.current = state.info.currentVersion;
    blocked.current = false;
    void doSave(false);
  };

  const input = 'w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-red-700 focus:outline-none focus:ring-2 focus:ring-red-200';
  const err = (k: string) => fieldErrors[k] && <span className="mt-1 block text-sm text-red-800">{fieldErrors[k]}</span>;

  return (
    <div className="space-y-4">
      {others.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="presence">
          {others.join('、')} 也在编辑这篇稿件。同时保存时,后保存的一方需要先查看对方的改动。
        </p>
      )}
      {state.kind === 'conflict' && (
        <section role="alert" className="space-y-3 rounded border border-red-300 bg-red-50 p-3" data-testid="conflict">
          <p className="font-semibold text-red-900">
            保存未成功:{state.info.current.authorName ?? '其他人'}已在您之后保存了这篇稿件(版本 {state.info.currentVersion})。
          </p>
          <p className="text-sm text-red-900">您的内容仍保留在下面的编辑器里,没有丢失。下表左侧是您的内容,右侧是对方保存的内容:</p>
          {conflictRows && (
            <div className="overflow-x-auto rounded bg-white">
              <ConflictDiff fields={conflictRows} leftLabel="我的内容" rightLabel="对方保存的内容" />
            </div>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={overwrite} className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm text-white">
              仍用我的内容保存
            </button>
            <button type="button" onClick={() => window.location.reload()} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 text-sm">
              放弃我的修改,载入对方的版本
            </button>
          </div>
        </section>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block sm:col-span-2">
          <span className="mb-1 block text-sm font-medium">标题</span>
          <input name="title" value={fields.title} onChange={(e) => update({ title: e.target.value })} maxLength={200} className={`${input} text-lg font-semibold`} />
          {err('title')}
        </label>
        <label className="block sm:col-span-2">
          <span className="mb-1 block text-sm font-medium">副标题</span>
          <input name="subtitle" value={fields.subtitle} onChange={(e) => update({ subtitle: e.target.value })} maxLength={200} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">栏目</span>
          <select name="columnId" value={fields.columnId} onChange={(e) => update({ columnId: Number(e.target.value) })} className={input}>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.parentId ? '— ' : ''}
                {c.name}
              </option>
            ))}
          </select>
          {err('columnId')}
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">记者(如:记者 张三 通讯员 李四)</span>
          <input name="reporters" value={fields.reporterLine} onChange={(e) => update({ reporterLine: e.target.value })} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">作者</span>
          <input name="author" value={fields.author} onChange={(e) => update({ author: e.target.value })} maxLength={100} className={input} />
        </label>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">来源</span>
          <input name="source" value={fields.source} onChange={(e) => update({ source: e.target.value })} maxLength={100} className={input} />
        </label>
        <label className="block sm:col-span-2">
          <span className="mb-1 block text-sm font-medium">导语</span>
          <textarea name="summary" value={fields.summary} onChange={(e) => update({ summary: e.target.value })} rows={2} maxLength={1000} className={input} />
        </label>
      </div>

      <div>
        <span className="mb-1 block text-sm font-medium" id="body-label">
          正文
        </span>
        <p className="mb-2 text-sm text-slate-600" data-testid="byline-preview">
          电头:{formatByline(siteShortName, reporters)}
        </p>
        <RichTextEditor initial={article.body} onChange={(body) => update({ body })} uploadImage={uploadImage} browseMedia={browseMedia} ariaLabel="正文" />
        <UploadProgress progress={upload} />
        {err('body')}
        {credits.length > 0 && (
          <p className="mt-2 text-right text-sm text-slate-600" data-testid="credit-preview">
            {credits.join(' ')}
          </p>
        )}
      </div>

      <div className="sticky bottom-0 z-10 -mx-3 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 px-3 py-2 sm:mx-0 sm:rounded sm:border">
        <button
          type="button"
          onClick={() => {
            if (timer.current) clearTimeout(timer.current);
            void doSave(false);
          }}
          disabled={state.kind === 'saving' || state.kind === 'conflict'}
          className="min-h-10 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          {dm.save}
        </button>
        <Link href={`/preview/articles/${article.id}`} className="min-h-10 rounded border border-slate-300 px-4 py-2 text-sm" target="_blank">
          {dm.preview}
        </Link>
        <Link href={`/dashboard/articles/${article.id}`} className="min-h-10 rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
          返回稿件页
        </Link>
        <span role="status" className="ml-auto text-sm text-slate-600" data-testid="save-state">
          {state.kind === 'saving'
            ? dm.saving
            : state.kind === 'saved'
              ? `${dm.saved} ${new Date(state.at).toLocaleTimeString('zh-CN', { hour12: false })}`
              : state.kind === 'dirty'
                ? '有未保存的修改'
                : state.kind === 'error'
                  ? state.message
                  : state.kind === 'conflict'
                    ? '保存冲突,请先处理'
                    : ''}
        </span>
      </div>
    </div>
  );
}
