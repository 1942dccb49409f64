'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { CheckField, Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import type { TreeOption } from './admin-user-form';
import type { ServerAction } from './types';

export interface TeamValues {
  name: string;
  shortName: string;
  regionId: number;
  active: boolean;
}

/** A team's full name (printed after 供稿), short name, region and whether it is active. */
export function TeamForm({
  id,
  initial,
  regions,
  publicArticles = 0,
  save,
}: {
  /** Absent for a new team. */
  id?: number;
  initial: TeamValues;
  regions: TreeOption[];
  publicArticles?: number;
  save: ServerAction<TeamValues & { id?: number }, { id: number; changed?: boolean }>;
}) {
  const router = useRouter();
  const uid = useId();
  const [v, setV] = useState(initial);
  const { pending, errors, outcome, submit } = useAdminSubmit(save);
  const set = (patch: Partial<TeamValues>) => setV((prev) => ({ ...prev, ...patch }));
  const renamed = id != null && v.name.trim() !== initial.name && publicArticles > 0;

  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      aria-label={id == null ? am.newTeam : am.editTeam}
      onSubmit={(e) => {
        e.preventDefault();
        if (id == null) submit(v, (d) => router.push(`/dashboard/admin/teams/${d.id}`));
        else
          submit({ ...v, id }, (d) => {
            router.refresh();
            return d.changed ? am.saved : am.nothingChanged;
          });
      }}
    >
      <Field id={`${uid}-name`} label={am.teamName} hint={am.teamNameHint} error={errors.name}>
        {(a) => <textarea {...a} name="name" rows={2} value={v.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} required className={inputClass} />}
      </Field>
      {renamed && (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rename-note">
          {am.renameNote(publicArticles)}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${uid}-short`} label={am.teamShortName} hint={am.teamShortNameHint} error={errors.shortName}>
          {(a) => <input {...a} name="shortName" value={v.shortName} onChange={(e) => set({ shortName: e.target.value })} maxLength={40} required className={inputClass} />}
        </Field>
        <Field id={`${uid}-region`} label={am.teamRegion} hint={am.teamRegionHint} error={errors.regionId}>
          {(a) => (
            <select {...a} name="regionId" value={v.regionId || ''} onChange={(e) => set({ regionId: Number(e.target.value) || 0 })} className={inputClass}>
              <option value="">{am.chooseRegion}</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {'\u3000'.repeat(r.depth)}
                  {r.name}({r.note})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CheckField id={`${uid}-active`} label={am.teamActive} hint={am.teamActiveHint} checked={v.active} onChange={(active) => set({ active })} />
      <SubmitRow pending={pending} outcome={outcome} label={id == null ? am.create : am.save} pendingLabel={id == null ? am.creating : am.saving} />
    </form>
  );
}
