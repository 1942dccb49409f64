import type { ReactNode } from 'react';
import type { MessageKind } from '@/domain/messages';
import { Breadcrumb } from './breadcrumb';
import { rfm } from './reader-form-messages';

/** The frame of a public form page: breadcrumb, title, introduction, the form, a pointer to the other form. */
export function ReaderFormPage({ kind, notice, children }: { kind: MessageKind; notice?: string; children: ReactNode }) {
  const other = rfm.otherForm[kind];
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ label: rfm.title(kind) }]} />
      <section className="mx-auto max-w-3xl rounded bg-white p-4 shadow-sm md:p-8">
        <h1 className="border-b-2 border-brand pb-3 text-xl font-bold text-brand md:text-2xl">{rfm.title(kind)}</h1>
        <p className="mt-4 leading-relaxed text-gray-700">{rfm.intro[kind]}</p>
        {notice && (
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
            {notice}
          </p>
        )}
        <div className="mt-6">{children}</div>
        <p className="mt-8 border-t border-line pt-4 text-sm text-muted">
          {other.text}
          <a href={other.href} className="ml-1 text-brand underline">
            {other.link}
          </a>
          。
        </p>
      </section>
    </div>
  );
}
