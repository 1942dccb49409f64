'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import type { MessageKind } from '@/domain/messages';
import { READER_LIMITS, type ReaderField } from '@/domain/reader-message';
import { rfm } from './reader-form-messages';

export interface ReaderValues {
  name: string;
  contact: string;
  subject: string;
  body: string;
}

/** What the server action answers; a refusal carries everything typed, so nothing is lost. */
export type ReaderFormState =
  | { status: 'idle' }
  | { status: 'sent'; receiptCode: string }
  | { status: 'refused'; message: string; fieldErrors: Partial<Record<ReaderField, string>>; values: ReaderValues; token: string; seq: number };

const EMPTY: ReaderValues = { name: '', contact: '', subject: '', body: '' };
const MAX: Record<ReaderField, number> = { name: READER_LIMITS.name, contact: READER_LIMITS.contact, subject: READER_LIMITS.subject, body: READER_LIMITS.bodyMax };
const FIELD = 'block w-full rounded border border-gray-300 bg-white px-3 text-base focus:border-brand focus:ring-2 focus:ring-brand/20 focus:outline-none aria-[invalid=true]:border-brand';

/**
 * 信息举报 / 联系我们 / 挑错. A plain <form> posting to a server action, so it works without
 * JavaScript; with it, useActionState keeps the page and moves focus to the outcome.
 */
export function ReaderForm({
  kind,
  token,
  article,
  action,
}: {
  kind: MessageKind;
  token: string;
  article: { id: number; title: string } | null;
  action: (prev: ReaderFormState, form: FormData) => Promise<ReaderFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const uid = useId();
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') outcome.current?.focus();
  }, [state]);

  if (state.status === 'sent') {
    return (
      <div ref={outcome} tabIndex={-1} className="rounded border border-green-300 bg-green-50 p-4 outline-none md:p-6" data-testid="reader-receipt">
        <h2 className="text-lg font-bold text-green-900">{rfm.sentTitle}</h2>
        <p className="mt-4 text-sm text-gray-700">{rfm.receiptLabel}</p>
        <p className="mt-1 font-mono text-3xl font-bold tracking-widest break-all text-ink select-all md:text-4xl" data-testid="receipt-code">
          {state.receiptCode}
        </p>
        <p className="mt-3 font-medium text-gray-900">{rfm.keepReceipt}</p>
        <p className="mt-2 text-sm text-gray-700">{rfm.sentNext}</p>
        <p className="mt-5 flex flex-wrap gap-x-5 gap-y-2 text-sm">
          {article && (
            <a href={`/articles/${article.id}`} className="inline-block py-1 text-brand underline">
              {rfm.backToArticle}
            </a>
          )}
          {/* A full page load, so the new form gets a new signed token. */}
          <a href={article ? `/report?article=${article.id}` : kind === 'contact' ? '/contact' : '/report'} className="inline-block py-1 text-brand underline">
            {rfm.writeAnother}
          </a>
          <a href="/" className="inline-block py-1 text-brand underline">
            {rfm.backHome}
          </a>
        </p>
      </div>
    );
  }

  const refused = state.status === 'refused' ? state : null;
  const values = refused?.values ?? EMPTY;
  const errors = refused?.fieldErrors ?? {};
  const field = (f: ReaderField, input: (props: Record<string, unknown>) => React.ReactNode, hint: string) => {
    const id = `${uid}-${f}`;
    const required = rfm.isRequired(kind, f);
    return (
      <div>
        <label htmlFor={id} className="flex items-baseline gap-2 font-medium">
          {rfm.label(kind, f)}
          <span className={`text-xs font-normal ${required ? 'text-brand' : 'text-muted'}`}>{required ? rfm.required : rfm.optional}</span>
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
        {input({
          id,
          name: f,
          defaultValue: values[f],
          maxLength: MAX[f],
          'aria-required': required || undefined,
          'aria-invalid': errors[f] ? true : undefined,
          'aria-describedby': `${id}-hint${errors[f] ? ` ${id}-error` : ''}`,
        })}
        {errors[f] && (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand">
            {errors[f]}
          </p>
        )}
      </div>
    );
  };

  return (
    // Keyed by the answer, so the fields show what the server kept even after React resets the form.
    <form key={refused?.seq ?? 0} action={formAction} noValidate className="relative space-y-5">
      {refused && (
        <div ref={outcome} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900 outline-none" data-testid="reader-refusal">
          {refused.message}
        </div>
      )}
      {article && (
        <div className="rounded bg-gray-50 px-3 py-2 text-sm" data-testid="reader-article">
          <span className="text-muted">{rfm.aboutArticle}:</span>
          <a href={`/articles/${article.id}`} className="font-medium hover:text-brand">
            《{article.title}》
          </a>
          <input type="hidden" name="articleId" value={article.id} />
        </div>
      )}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="token" value={refused?.token ?? token} />
      {/* The honeypot: hidden from people and screen readers, left empty by them; programs fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-0 h-px w-px overflow-hidden">
        <label>
          {rfm.honeypot}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {field('name', (p) => <input type="text" autoComplete="name" {...p} className={`${FIELD} mt-1 h-11`} />, rfm.hints.name)}
      {field('contact', (p) => <input type="text" autoComplete="off" {...p} className={`${FIELD} mt-1 h-11`} />, rfm.hints.contact(kind))}
      {field('subject', (p) => <input type="text" {...p} className={`${FIELD} mt-1 h-11`} />, rfm.hints.subject(kind))}
      {field('body', (p) => <BodyArea {...p} className={`${FIELD} mt-1 min-h-48 py-2 leading-relaxed`} />, rfm.hints.body(kind))}

      <div className="space-y-2">
        <button type="submit" disabled={pending} className="h-12 w-full rounded bg-brand px-8 text-base font-medium text-white hover:bg-brand-dark disabled:opacity-60 sm:w-auto">
          {pending ? rfm.submitting : rfm.submit}
        </button>
        <p className="text-sm text-muted">{rfm.privacy}</p>
      </div>
    </form>
  );
}

/** The body with a live character count (the count is an extra; the limit is the server's). */
function BodyArea(props: Record<string, unknown>) {
  const [n, setN] = useState(String(props.defaultValue ?? '').length);
  const id = String(props.id);
  return (
    <>
      <textarea {...props} rows={8} onInput={(e) => setN(e.currentTarget.value.length)} />
      <span className={`mt-0.5 block text-right text-xs tabular-nums ${n > READER_LIMITS.bodyMax ? 'text-brand' : 'text-muted'}`} id={`${id}-count`} aria-hidden="true">
        {rfm.charCount(n, READER_LIMITS.bodyMax)}
      </span>
    </>
  );
}
