'use client';

import { useState, useTransition, type ReactNode } from 'react';
import { am } from './admin-messages';
import type { ActionResult, ServerAction } from './types';

// Building blocks of the administration forms: labelled fields whose hint and error are
// tied to the input (aria-describedby), and one submit hook that keeps what was typed on
// refusal and puts each server message next to its field.

export const inputClass =
  'block w-full min-w-0 rounded border border-slate-300 px-3 py-2 text-base focus:border-red-700 focus:ring-2 focus:ring-red-200 focus:outline-none disabled:bg-slate-100 aria-[invalid=true]:border-red-700 sm:text-sm';

export type FieldErrors = Record<string, string>;

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  className?: string;
}

/** A label, the control (given its aria wiring), a hint and an error message. */
export function Field({ id, label, hint, error, children, className }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it and an optional hint below. */
export function CheckField({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="size-5 accent-red-700"
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="ml-7 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/**
 * Runs a server action for a form. On refusal the message and the field errors are kept
 * for display and nothing in the form is reset; `onOk` decides what success looks like.
 */
export function useAdminSubmit<I, T>(action: ServerAction<I, T>) {
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = (input: I, onOk: (data: T) => string | void) =>
    start(async () => {
      setOutcome(null);
      let r: ActionResult<T>;
      try {
        r = await action(input);
      } catch {
        setOutcome({ ok: false, text: am.networkError });
        return;
      }
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        setOutcome({ ok: false, text: r.message });
        return;
      }
      setErrors({});
      const text = onOk(r.data);
      if (text) setOutcome({ ok: true, text });
    });
  return { pending, errors, outcome, submit, setOutcome };
}

/** The save button and what happened, announced to screen readers. */
export function SubmitRow({ pending, outcome, label, pendingLabel, children }: { pending: boolean; outcome: Outcome; label: string; pendingLabel: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className="min-h-10 rounded bg-red-700 px-5 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
        {pending ? pendingLabel : label}
      </button>
      {children}
      {/* Present from the start so a success message is announced when it appears. */}
      <p role="status" className="text-sm text-green-800" data-testid="form-status">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="basis-full text-sm text-red-800" data-testid="form-error">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
