'use server';

import { headers } from 'next/headers';
import type { ReaderFormState, ReaderValues } from '@/components/site/reader-form';
import { rfm } from '@/components/site/reader-form-messages';
import { MESSAGE_KINDS, type MessageKind } from '@/domain/messages';
import type { ReaderField } from '@/domain/reader-message';
import { clientAddress } from '@/lib/client';
import { env } from '@/lib/env';
import { issueFormToken } from '@/lib/form-token';
import { submitReaderMessage } from '@/services/reader-messages';

/**
 * The public forms (信息举报, 联系我们, 挑错) post here, with or without JavaScript. Readers
 * are anonymous: the service's abuse guards stand in for a permission check. A refusal
 * sends back everything typed (never the honeypot), so the form shows it again.
 */
export async function submitReaderMessageAction(_prev: ReaderFormState, form: unknown): Promise<ReaderFormState> {
  if (!(form instanceof FormData)) return { status: 'idle' };
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  const values: ReaderValues = { name: text('name'), contact: text('contact'), subject: text('subject'), body: text('body') };
  const kindRaw = text('kind');
  const kind: MessageKind = (MESSAGE_KINDS as readonly string[]).includes(kindRaw) ? (kindRaw as MessageKind) : 'tip';
  const token = text('token');
  const refuse = (message: string, fieldErrors: Partial<Record<ReaderField, string>> = {}, newToken = token): ReaderFormState => ({
    status: 'refused',
    message,
    fieldErrors,
    values,
    token: newToken,
    seq: Date.now(),
  });

  try {
    const r = await submitReaderMessage(
      { ...values, kind: kindRaw, token, website: text('website'), articleId: text('articleId') || null },
      { client: clientAddress(await headers()) },
    );
    if (r.ok) return { status: 'sent', receiptCode: r.receiptCode };
    switch (r.reason) {
      case 'invalid': {
        const fieldErrors: Partial<Record<ReaderField, string>> = {};
        for (const [f, issue] of Object.entries(r.fieldErrors) as [ReaderField, NonNullable<(typeof r.fieldErrors)[ReaderField]>][]) {
          fieldErrors[f] = rfm.fieldError(kind, f, issue);
        }
        return refuse(rfm.fixFields, fieldErrors);
      }
      case 'too_fast':
        return refuse(rfm.tooFast(r.retryAfterSeconds));
      case 'rate_limited':
        return refuse(rfm.tooMany(rfm.wait(r.retryAfterSeconds)));
      case 'site_busy':
        return refuse(rfm.siteBusy(rfm.wait(r.retryAfterSeconds)));
      case 'expired':
      case 'forged':
        // A stale or damaged page: a fresh token lets a person send it again after the usual wait.
        return refuse(rfm.expired(Math.max(1, env().READER_FORM_MIN_SECONDS)), {}, issueFormToken(kind));
      case 'honeypot':
        return refuse(rfm.refused);
    }
  } catch (e) {
    console.error('[reader-form] unexpected error', e);
    return refuse(rfm.serverError);
  }
}
