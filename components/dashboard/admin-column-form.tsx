'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { CheckField, Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import type { TreeOption } from './admin-user-form';
import type { ServerAction } from './types';

export interface ColumnValues {
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  showInNav: boolean;
  showOnHome: boolean;
  reviewStages: number;
}

/**
 * A column's name, URL part, description, parent, where it shows, and how many reviews its
 * articles pass. `parents` already leaves out the column itself and its sub-columns.
 */
export function ColumnForm({
  id,
  initial,
  parents,
  save,
}: {
  id?: number;
  initial: ColumnValues;
  parents: TreeOption[];
  save: ServerAction<ColumnValues & { id?: number }, { id: number; changed?: boolean }>;
}) {
  const router = useRouter();
  const uid = useId();
  const [v, setV] = useState(initial);
  const { pending, errors, outcome, submit } = useAdminSubmit(save);
  const set = (patch: Partial<ColumnValues>) => setV((prev) => ({ ...prev, ...patch }));
  const slugChanged = id != null && v.slug.trim() !== initial.slug;

  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      aria-label={id == null ? am.newColumn : am.editColumn}
      onSubmit={(e) => {
        e.preventDefault();
        if (id == null) submit(v, (d) => router.push(`/dashboard/admin/columns/${d.id}?created=1`));
        else
          submit({ ...v, id }, (d) => {
            router.refresh();
            return d.changed ? am.saved : am.nothingChanged;
          });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${uid}-name`} label={am.columnName} error={errors.name}>
          {(a) => <input {...a} name="name" value={v.name} onChange={(e) => set({ name: e.target.value })} maxLength={30} required className={inputClass} />}
        </Field>
        <Field
          id={`${uid}-slug`}
          label={am.slug}
          hint={
            <>
              {am.columnSlugHint}
              {slugChanged && <strong className="ml-1 font-medium text-amber-800">{am.slugChangeWarning}</strong>}
            </>
          }
          error={errors.slug}
        >
          {(a) => (
            <input
              {...a}
              name="slug"
              value={v.slug}
              onChange={(e) => set({ slug: e.target.value })}
              maxLength={64}
              required
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
      </div>
      <Field id={`${uid}-desc`} label={`${am.description}${am.optional}`} hint={am.descriptionHint} error={errors.description}>
        {(a) => <textarea {...a} name="description" rows={2} value={v.description} onChange={(e) => set({ description: e.target.value })} maxLength={200} className={inputClass} />}
      </Field>
      <Field id={`${uid}-parent`} label={am.parent} error={errors.parentId}>
        {(a) => (
          <select {...a} name="parentId" value={v.parentId ?? ''} onChange={(e) => set({ parentId: e.target.value ? Number(e.target.value) : null })} className={inputClass}>
            <option value="">{am.noParent}</option>
            {parents.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u3000'.repeat(c.depth)}
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-2 sm:grid-cols-2">
        <CheckField id={`${uid}-nav`} label={am.showInNav} hint={am.showInNavHint} checked={v.showInNav} onChange={(showInNav) => set({ showInNav })} />
        <CheckField id={`${uid}-home`} label={am.showOnHome} checked={v.showOnHome} onChange={(showOnHome) => set({ showOnHome })} />
      </div>
      <fieldset aria-describedby={`${uid}-stages-hint`}>
        <legend className="text-sm font-medium text-slate-800">{am.reviewStages}</legend>
        <p id={`${uid}-stages-hint`} className="mb-1 text-xs text-slate-500">
          {am.reviewStagesHint}
        </p>
        <div className="grid gap-2 sm:grid-cols-3">
          {am.stageOptions.map((o) => (
            <label key={o.value} className="flex cursor-pointer gap-2 rounded border border-slate-200 p-2.5 text-sm has-[:checked]:border-red-700 has-[:checked]:bg-red-50">
              <input type="radio" name="reviewStages" value={o.value} checked={v.reviewStages === o.value} onChange={() => set({ reviewStages: o.value })} className="mt-0.5 size-4 shrink-0 accent-red-700" />
              <span>
                <span className="block font-medium">{o.label}</span>
                <span className="block text-xs text-slate-600">{o.text}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.reviewStages && <p className="mt-1 text-sm text-red-800">{errors.reviewStages}</p>}
      </fieldset>
      <SubmitRow pending={pending} outcome={outcome} label={id == null ? am.create : am.save} pendingLabel={id == null ? am.creating : am.saving}>
        {id != null && (
          <Link href={`/columns/${initial.slug}`} target="_blank" className="text-sm text-red-700 underline">
            {am.viewPublic}
          </Link>
        )}
      </SubmitRow>
    </form>
  );
}
