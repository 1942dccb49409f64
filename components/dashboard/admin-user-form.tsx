'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '@/domain/roles';
import { Field, SubmitRow, inputClass, useAdminSubmit, type FieldErrors } from './admin-fields';
import { am } from './admin-messages';
import type { ServerAction } from './types';

export interface UserFormValues {
  username: string;
  displayName: string;
  phone: string;
  role: Role;
  teamId: number | null;
  columnIds: number[];
  regionIds: number[];
}

export interface TreeOption {
  id: number;
  name: string;
  depth: number;
  note?: string;
}

type CreateInput = UserFormValues & { password: string };
type UpdateInput = UserFormValues & { id: number };

/** Columns or regions to limit an editor to, indented as a tree; none ticked = no limit. */
function ScopePicker({ legend, options, value, onChange, error }: { legend: string; options: TreeOption[]; value: number[]; onChange: (ids: number[]) => void; error?: string }) {
  const uid = useId();
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${uid}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="max-h-60 overflow-y-auto rounded border border-slate-200 p-2">
        {options.map((o) => (
          <label key={o.id} className="flex min-h-9 items-center gap-2 text-sm" style={{ paddingLeft: `${o.depth * 1.1}rem` }}>
            <input
              type="checkbox"
              className="size-4 shrink-0 accent-red-700"
              checked={value.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id))}
            />
            <span className="min-w-0 break-words">
              {o.name}
              {o.note && <span className="ml-1 text-xs text-slate-500">{o.note}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${uid}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface Options {
  teams: { id: number; shortName: string; name: string; active: boolean }[];
  columns: TreeOption[];
  regions: TreeOption[];
}

/** The fields both forms share; team only for contributors, scopes only for editors. */
function UserFields({ v, set, errors, options, self, initialTeamId }: { v: UserFormValues; set: (patch: Partial<UserFormValues>) => void; errors: FieldErrors; options: Options; self: boolean; initialTeamId: number | null }) {
  const uid = useId();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${uid}-username`} label={am.username} hint={am.usernameHint} error={errors.username}>
          {(a) => <input {...a} name="username" value={v.username} onChange={(e) => set({ username: e.target.value })} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} required className={inputClass} />}
        </Field>
        <Field id={`${uid}-name`} label={am.displayName} hint={am.displayNameHint} error={errors.displayName}>
          {(a) => <input {...a} name="displayName" value={v.displayName} onChange={(e) => set({ displayName: e.target.value })} maxLength={50} required className={inputClass} />}
        </Field>
        <Field id={`${uid}-phone`} label={`${am.phone}${am.optional}`} hint={am.phoneHint} error={errors.phone}>
          {(a) => <input {...a} name="phone" type="tel" inputMode="numeric" value={v.phone} onChange={(e) => set({ phone: e.target.value })} maxLength={11} autoComplete="off" className={inputClass} />}
        </Field>
        <Field id={`${uid}-role`} label={am.role} hint={self ? am.selfRoleNote : undefined} error={errors.role}>
          {(a) => (
            <select {...a} name="role" value={v.role} disabled={self} onChange={(e) => set({ role: e.target.value as Role })} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.role === 'contributor' && (
          <Field id={`${uid}-team`} label={am.team} hint={am.teamHint} error={errors.teamId} className="sm:col-span-2">
            {(a) => (
              <select {...a} name="teamId" value={v.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value ? Number(e.target.value) : null })} className={inputClass}>
                <option value="">{am.chooseTeam}</option>
                {options.teams
                  .filter((t) => t.active || t.id === initialTeamId)
                  .map((t) => (
                    <option key={t.id} value={t.id} title={t.name}>
                      {t.shortName}
                      {t.active ? '' : am.stoppedTeam}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        )}
      </div>

      {v.role === 'editor' && (
        <section aria-labelledby={`${uid}-scope`} className="space-y-2">
          <h2 id={`${uid}-scope`} className="text-sm font-semibold">
            {am.scope}
          </h2>
          <p className="text-xs text-slate-500">{am.scopeHint}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <ScopePicker legend={am.scopeColumns} options={options.columns} value={v.columnIds} onChange={(columnIds) => set({ columnIds })} error={errors.columnIds} />
            <ScopePicker legend={am.scopeRegions} options={options.regions} value={v.regionIds} onChange={(regionIds) => set({ regionIds })} error={errors.regionIds} />
          </div>
        </section>
      )}
    </>
  );
}

/** A new account; with the password left empty, the temporary one is shown here once. */
export function CreateUserForm({ initial, options, create }: { initial: UserFormValues; options: Options; create: ServerAction<CreateInput, { id: number; temporaryPassword: string | null }> }) {
  const router = useRouter();
  const uid = useId();
  const [v, setV] = useState(initial);
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<{ id: number; temporaryPassword: string } | null>(null);
  const { pending, errors, outcome, submit } = useAdminSubmit(create);
  const set = (patch: Partial<UserFormValues>) => setV((prev) => ({ ...prev, ...patch }));

  if (created) {
    return (
      <section className="space-y-3 rounded border border-green-300 bg-green-50 p-4" aria-labelledby={`${uid}-created`} data-testid="user-created">
        <h2 id={`${uid}-created`} className="font-semibold text-green-900">
          {am.created}
        </h2>
        <p className="text-sm">
          {am.temporaryPassword}:
          <code className="ml-1 rounded bg-white px-2 py-1 font-mono text-base select-all" data-testid="temporary-password">
            {created.temporaryPassword}
          </code>
        </p>
        <p className="text-sm text-green-900">{am.temporaryPasswordNote}</p>
        <div className="flex flex-wrap gap-4 text-sm">
          <Link href={`/dashboard/admin/users/${created.id}`} className="text-red-700 underline">
            {am.openUser}
          </Link>
          <button
            type="button"
            className="text-red-700 underline"
            onClick={() => {
              setCreated(null);
              setV(initial);
              setPassword('');
            }}
          >
            {am.createAnother}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      aria-label={am.newUser}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ ...v, password }, (d) => {
          if (d.temporaryPassword) setCreated({ id: d.id, temporaryPassword: d.temporaryPassword });
          else router.push(`/dashboard/admin/users/${d.id}?created=1`);
        });
      }}
    >
      <UserFields v={v} set={set} errors={errors} options={options} self={false} initialTeamId={initial.teamId} />
      <Field id={`${uid}-password`} label={`${am.password}${am.optional}`} hint={am.passwordHint} error={errors.password}>
        {(a) => <input {...a} name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" maxLength={200} className={inputClass} />}
      </Field>
      <SubmitRow pending={pending} outcome={outcome} label={am.create} pendingLabel={am.creating} />
    </form>
  );
}

/** An existing account. Saving access changes signs the person out everywhere (said below the fields). */
export function EditUserForm({ id, initial, self, options, update }: { id: number; initial: UserFormValues; self: boolean; options: Options; update: ServerAction<UpdateInput, { changed: boolean; sessionsEnded: boolean }> }) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const { pending, errors, outcome, submit } = useAdminSubmit(update);
  const set = (patch: Partial<UserFormValues>) => setV((prev) => ({ ...prev, ...patch }));
  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-4"
      aria-label={am.editUser}
      onSubmit={(e) => {
        e.preventDefault();
        submit({ ...v, id }, (d) => {
          router.refresh();
          return !d.changed ? am.nothingChanged : d.sessionsEnded ? am.savedAndSignedOut : am.saved;
        });
      }}
    >
      <UserFields v={v} set={set} errors={errors} options={options} self={self} initialTeamId={initial.teamId} />
      <p className="text-xs text-slate-600">{am.accessNote}</p>
      <SubmitRow pending={pending} outcome={outcome} label={am.save} pendingLabel={am.saving} />
    </form>
  );
}
