import { z } from 'zod';
import { MESSAGE_KINDS, type MessageKind } from './messages';

/**
 * What a reader may send through 信息举报 / 联系我们 / 挑错, as plain text. Issues carry a
 * code (`required`, `too_long`, …), not a sentence: the form's messages module words them.
 */

export const READER_LIMITS = { name: 50, contact: 100, subject: 100, bodyMin: 10, bodyMax: 5000 } as const;

export const READER_FIELDS = ['name', 'contact', 'subject', 'body'] as const;
export type ReaderField = (typeof READER_FIELDS)[number];
export type ReaderIssue = 'required' | 'too_long' | 'too_short' | 'contact_format';

/** Which fields each kind of message requires (联系我们 expects a reply, so it needs a way back). */
export const REQUIRED_FIELDS: Record<MessageKind, readonly ReaderField[]> = {
  tip: ['subject', 'body'],
  contact: ['name', 'contact', 'subject', 'body'],
  correction: ['body'],
};

// PostgreSQL text cannot hold NUL; other control characters are noise from copy and paste.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line as typed: line breaks and control characters become spaces; trimmed. */
export const cleanLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '').trim();
/** Text as typed, line breaks kept (CRLF → LF); trimmed. */
export const cleanText = (s: string) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();

const PHONE = /^\+?[\d\s()-]{6,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number (7–20 digits, spaces, dashes, brackets, a leading +) or an email address. */
export function isContact(s: string): boolean {
  if (EMAIL.test(s)) return true;
  const digits = s.replace(/\D/g, '').length;
  return PHONE.test(s) && digits >= 7 && digits <= 20;
}

// Server actions accept at most 1 MB, so the lengths are checked after cleaning, below.
const text = z.string().catch('');

export const readerMessageSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    articleId: z.coerce.number().int().positive().max(2_147_483_647).nullable().catch(null),
    name: text.transform(cleanLine),
    contact: text.transform(cleanLine),
    subject: text.transform(cleanLine),
    body: text.transform(cleanText),
  })
  .superRefine((v, ctx) => {
    const issue = (path: ReaderField, message: ReaderIssue) => ctx.addIssue({ code: 'custom', path: [path], message });
    for (const f of REQUIRED_FIELDS[v.kind]) if (!v[f]) issue(f, 'required');
    if (v.name.length > READER_LIMITS.name) issue('name', 'too_long');
    if (v.contact.length > READER_LIMITS.contact) issue('contact', 'too_long');
    else if (v.contact && !isContact(v.contact)) issue('contact', 'contact_format');
    if (v.subject.length > READER_LIMITS.subject) issue('subject', 'too_long');
    if (v.body.length > READER_LIMITS.bodyMax) issue('body', 'too_long');
    else if (v.body && v.body.length < READER_LIMITS.bodyMin) issue('body', 'too_short');
  });
export type ReaderMessageInput = z.infer<typeof readerMessageSchema>;

/** The first issue of each field, as codes. */
export function readerFieldIssues(error: z.ZodError): Partial<Record<ReaderField, ReaderIssue>> {
  const out: Partial<Record<ReaderField, ReaderIssue>> = {};
  for (const i of error.issues) {
    const f = i.path[0];
    if (typeof f === 'string' && (READER_FIELDS as readonly string[]).includes(f)) out[f as ReaderField] ??= i.message as ReaderIssue;
  }
  return out;
}

/** Receipt codes of reader messages start with this (articles use MS). */
export const READER_RECEIPT_PREFIX = 'RM';
export const READER_RECEIPT_PATTERN = /^RM[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;
