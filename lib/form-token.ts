import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { checkFormAge, formToken, parseFormToken, sign } from '@/domain/form-token';
import type { MessageKind } from '@/domain/messages';
import { env } from './env';

/**
 * Signing for the reader forms, keyed by AUTH_SECRET (every app instance shares it, so a
 * form shown by one instance can be sent to another).
 */

const secret = () => env().AUTH_SECRET!;

/** A token saying "this form of this kind was shown at this time", for the page to embed. */
export function issueFormToken(kind: MessageKind, now: Date = new Date()): string {
  return formToken(secret(), kind, now.getTime());
}

export type FormTokenCheck =
  | { ok: true }
  | { ok: false; reason: 'forged' | 'expired' }
  | { ok: false; reason: 'too_fast'; waitSeconds: number };

export function verifyFormToken(token: string, kind: MessageKind, now: Date, minSeconds: number): FormTokenCheck {
  const t = parseFormToken(token);
  if (!t || t.kind !== kind) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(sign(secret(), 'reader-form', t.payload));
  const given = Buffer.from(t.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  return checkFormAge(t.issuedAt, now.getTime(), minSeconds);
}

/**
 * What is stored instead of a client address. Keyed, because the IPv4 space is small
 * enough that a plain hash of an address can be reversed by trying them all.
 */
export const hashClient = (address: string) => sign(secret(), 'reader-client', address).slice(0, 32);
