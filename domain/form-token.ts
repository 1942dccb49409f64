import { createHmac } from 'node:crypto';
import { MESSAGE_KINDS, type MessageKind } from './messages';

/**
 * The pure half of the reader forms' signed timestamp: what is signed, how a token is
 * laid out, and whether its age is acceptable. lib/form-token.ts supplies the secret.
 * Layout: `v1.<kind>.<issued at, ms>.<signature>`.
 */

export const FORM_TOKEN_MAX_AGE_MS = 24 * 3600_000;

export const formTokenPayload = (kind: MessageKind, issuedAt: number) => `v1.${kind}.${issuedAt}`;

/** HMAC-SHA256 under a label, so a signature made for one purpose is never valid for another. */
export const sign = (secret: string, label: string, data: string) => createHmac('sha256', secret).update(`${label}\n${data}`).digest('base64url');

/** The token a form page embeds: its kind and issue time, signed. */
export function formToken(secret: string, kind: MessageKind, issuedAt: number): string {
  const payload = formTokenPayload(kind, issuedAt);
  return `${payload}.${sign(secret, 'reader-form', payload)}`;
}

export function parseFormToken(token: string): { kind: MessageKind; issuedAt: number; payload: string; signature: string } | null {
  const m = /^v1\.([a-z]+)\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || !(MESSAGE_KINDS as readonly string[]).includes(m[1]!)) return null;
  const kind = m[1] as MessageKind;
  const issuedAt = Number(m[2]);
  return { kind, issuedAt, payload: formTokenPayload(kind, issuedAt), signature: m[3]! };
}

export type FormAge = { ok: true } | { ok: false; reason: 'too_fast'; waitSeconds: number } | { ok: false; reason: 'expired' };

/** A form sent sooner than `minSeconds` after it was shown, or more than a day later, is refused. */
export function checkFormAge(issuedAt: number, now: number, minSeconds: number, maxAgeMs = FORM_TOKEN_MAX_AGE_MS): FormAge {
  const age = now - issuedAt;
  // A token from the future (clock skew between instances) of more than a minute is not ours.
  if (age < -60_000 || age > maxAgeMs) return { ok: false, reason: 'expired' };
  if (age < minSeconds * 1000) return { ok: false, reason: 'too_fast', waitSeconds: Math.max(1, Math.ceil((minSeconds * 1000 - age) / 1000)) };
  return { ok: true };
}
