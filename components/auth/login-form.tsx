'use client';

import { useActionState } from 'react';
import { lm } from './login-messages';

interface Props {
  action: (prev: { error?: string; username?: string } | undefined, form: FormData) => Promise<{ error?: string; username?: string }>;
  callbackUrl: string;
  notice?: string;
}

export function LoginForm({ action, callbackUrl, notice }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : notice ? (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {notice}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">{lm.username}</span>
        <input
          name="username"
          autoComplete="username"
          required
          defaultValue={state?.username ?? ''}
          className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-red-700 focus:outline-none focus:ring-2 focus:ring-red-200"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-slate-700">{lm.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-red-700 focus:outline-none focus:ring-2 focus:ring-red-200"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-red-700 px-4 py-2.5 text-base font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? lm.submitting : lm.submit}
      </button>
    </form>
  );
}
