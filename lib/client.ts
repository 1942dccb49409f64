import { env } from './env';

/**
 * The client address for per-client limits (login lock-out, reader forms). Forwarded
 * headers are trusted only behind a proxy that overwrites them (TRUST_PROXY).
 */
export function clientAddress(h: Headers): string {
  if (env().TRUST_PROXY) {
    return h.get('x-real-ip') ?? h.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? 'unknown';
  }
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
}
