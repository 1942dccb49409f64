'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { RichTextDoc } from '@/domain/rich-text';
import { browseMedia } from '@/lib/media-client';
import { CheckField, Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import { RichTextEditor } from './rich-text-editor';
import { UploadProgress, usePhotoUpload } from './upload-progress';
import type { ServerAction } from './types';

export interface PageValues {
  slug: string;
  title: string;
  body: RichTextDoc;
  sort: number;
  showInFooter: boolean;
}

type SaveInput = PageValues & { id?: number; updatedAt?: string };

/**
 * A static page, written in the same rich-text editor as articles. Saved with the button
 * (no autosave); a save over another admin's newer one is refused and the text stays here.
 */
export function PageForm({
  id,
  initial,
  updatedAt: loadedAt,
  save,
}: {
  id?: number;
  initial: PageValues;
  updatedAt?: string;
  save: ServerAction<SaveInput, { id: number; slug: string; changed?: boolean; updatedAt?: string }>;
}) {
  const router = useRouter();
  const uid = useId();
  const [v, setV] = useState({ ...initial, sort: String(initial.sort) });
  const [savedSlug, setSavedSlug] = useState(initial.slug);
  const version = useRef(loadedAt);
  const dirty = useRef(false);
  const [isDirty, setDirty] = useState(false);
  const { pending, errors, outcome, submit } = useAdminSubmit(save);
  const [upload, uploadImage] = usePhotoUpload();
  // The body's errors come keyed by the node's path (body.content.3.attrs.src).
  const bodyError = Object.entries(errors).find(([k]) => k === 'body' || k.startsWith('body.'))?.[1];
  const set = (patch: Partial<typeof v>) => {
    setV((prev) => ({ ...prev, ...patch }));
    dirty.current = true;
    setDirty(true);
  };

  // Warn before leaving with unsaved text.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      aria-label={id == null ? am.newPage : am.editPage}
      onSubmit={(e) => {
        e.preventDefault();
        const input: SaveInput = { ...v, sort: v.sort.trim() === '' ? 0 : Number(v.sort), id, updatedAt: version.current };
        submit(input, (d) => {
          dirty.current = false;
          setDirty(false);
          if (id == null) {
            router.push(`/dashboard/admin/pages/${d.id}?created=1`);
            return;
          }
          if (d.updatedAt) version.current = d.updatedAt;
          setSavedSlug(d.slug);
          router.refresh();
          return d.changed ? am.saved : am.nothingChanged;
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field id={`${uid}-title`} label={am.pageTitle} error={errors.title}>
          {(a) => <input {...a} name="title" value={v.title} onChange={(e) => set({ title: e.target.value })} maxLength={100} required className={`${inputClass} text-lg font-semibold`} />}
        </Field>
        <Field id={`${uid}-slug`} label={am.slug} hint={am.pageSlugHint} error={errors.slug}>
          {(a) => (
            <input {...a} name="slug" value={v.slug} onChange={(e) => set({ slug: e.target.value })} maxLength={64} required autoCapitalize="none" autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />
          )}
        </Field>
        <Field id={`${uid}-sort`} label={am.sort} hint={am.sortHint} error={errors.sort}>
          {(a) => <input {...a} name="sort" type="number" inputMode="numeric" min={0} max={9999} value={v.sort} onChange={(e) => set({ sort: e.target.value })} className={inputClass} />}
        </Field>
        <div className="sm:pt-6">
          <CheckField id={`${uid}-footer`} label={am.showInFooter} hint={am.showInFooterHint} checked={v.showInFooter} onChange={(showInFooter) => set({ showInFooter })} />
        </div>
      </div>
      <div>
        <span className="mb-1 block text-sm font-medium text-slate-800">{am.body}</span>
        <RichTextEditor initial={initial.body} onChange={(body) => set({ body })} uploadImage={uploadImage} browseMedia={browseMedia} ariaLabel={am.body} />
        <UploadProgress progress={upload} />
        {bodyError && <p className="mt-1 text-sm text-red-800">{/[\u4e00-\u9fff]/.test(bodyError) ? bodyError : am.bodyInvalid}</p>}
      </div>
      <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-2">
        <SubmitRow pending={pending} outcome={outcome} label={id == null ? am.create : am.save} pendingLabel={id == null ? am.creating : am.saving}>
          {id != null && (
            <Link href={`/pages/${savedSlug}`} target="_blank" className="text-sm text-red-700 underline">
              {am.viewPublic}
            </Link>
          )}
          {isDirty && !pending && <span className="text-sm text-amber-800">{am.unsavedWarning}</span>}
        </SubmitRow>
      </div>
    </form>
  );
}
