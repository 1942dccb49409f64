'use client';

import { useId, useState } from 'react';
import { ActionButton } from './action-button';
import { Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import type { ServerAction } from './types';

/** 停用 / 启用 and the account's dates. */
export function AccountStatus({
  id,
  name,
  active,
  self,
  createdAt,
  lastLoginAt,
  disable,
  enable,
}: {
  id: number;
  name: string;
  active: boolean;
  self: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  disable: ServerAction<{ id: number }, unknown>;
  enable: ServerAction<{ id: number }, unknown>;
}) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id={`${uid}-title`} className="font-semibold">
        {am.account}
      </h2>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{am.status}</dt>
        <dd data-testid="account-status" className={active ? 'text-green-800' : 'font-medium text-red-800'}>
          {active ? am.active : am.disabled}
        </dd>
        <dt className="text-slate-600">{am.createdAt}</dt>
        <dd className="tabular-nums">{createdAt}</dd>
        <dt className="text-slate-600">{am.lastLogin}</dt>
        <dd className="tabular-nums">{lastLoginAt ?? am.neverLoggedIn}</dd>
      </dl>
      {self ? (
        <p className="text-sm text-slate-600">{am.cannotDisableSelf}</p>
      ) : active ? (
        <ActionButton
          action={disable}
          input={{ id }}
          label={am.disable}
          pendingLabel={am.disabling}
          confirmText={am.disableConfirm(name)}
          className="min-h-10 rounded border border-red-300 bg-white px-4 py-2 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
        />
      ) : (
        <ActionButton action={enable} input={{ id }} label={am.enable} pendingLabel={am.enabling} />
      )}
    </section>
  );
}

/** The admin types a new password, or leaves it empty to get a temporary one shown once. */
export function ResetPasswordForm({ id, reset }: { id: number; reset: ServerAction<{ id: number; password: string }, { temporaryPassword: string | null }> }) {
  const uid = useId();
  const [password, setPassword] = useState('');
  const [temporary, setTemporary] = useState<string | null>(null);
  const { pending, errors, outcome, submit } = useAdminSubmit(reset);
  return (
    <section aria-labelledby={`${uid}-title`} className="rounded border border-slate-200 bg-white p-4">
      <h2 id={`${uid}-title`} className="mb-2 font-semibold">
        {am.resetPassword}
      </h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          setTemporary(null);
          submit({ id, password }, (d) => {
            setPassword('');
            setTemporary(d.temporaryPassword);
            return am.passwordReset;
          });
        }}
      >
        <Field id={`${uid}-password`} label={`${am.newPassword}${am.optional}`} hint={am.newPasswordHint} error={errors.password}>
          {(a) => <input {...a} name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" maxLength={200} className={inputClass} />}
        </Field>
        {temporary && (
          <div className="rounded border border-green-300 bg-green-50 p-3 text-sm">
            <p>
              {am.temporaryPassword}:
              <code className="ml-1 rounded bg-white px-2 py-1 font-mono text-base select-all" data-testid="temporary-password">
                {temporary}
              </code>
            </p>
            <p className="mt-1 text-green-900">{am.temporaryPasswordNote}</p>
          </div>
        )}
        <SubmitRow pending={pending} outcome={outcome} label={am.resetPassword} pendingLabel={am.resetting} />
      </form>
    </section>
  );
}
