import 'server-only';
import { updateTag } from 'next/cache';
import { ZodError } from 'zod';
import { AppError, ERROR_MESSAGES, type ActionResult, type ErrorCode } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { getPrincipal } from './session';

export type { ActionResult };

/**
 * The one wrapper for server actions: loads the person (the service checks what they may
 * do), runs one service verb, refreshes the cache tags it reports, and turns errors into
 * a result the form shows. Every exported action is a public endpoint; this is why no
 * action runs without it.
 */
export function authedAction<T extends { tags?: string[] }>(
  fn: (p: Principal | null, input: unknown) => Promise<T>,
): (input: unknown) => Promise<ActionResult<Omit<T, 'tags'>>> {
  return async (input: unknown) => {
    try {
      const principal = await getPrincipal();
      if (!principal) return fail('UNAUTHENTICATED');
      const { tags, ...data } = await fn(principal, input);
      for (const tag of new Set(tags ?? [])) updateTag(tag);
      return { ok: true, data };
    } catch (e) {
      return toResult(e);
    }
  };
}

function fail(code: ErrorCode): ActionResult<never> {
  return { ok: false, code, message: ERROR_MESSAGES[code] };
}

export function toResult(e: unknown): ActionResult<never> {
  if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, details: e.details };
  if (e instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of e.issues) {
      const key = issue.path.join('.') || '_';
      fieldErrors[key] ??= issue.message;
    }
    const first = Object.values(fieldErrors)[0];
    return {
      ok: false,
      code: 'VALIDATION',
      message: first && /[\u4e00-\u9fff]/.test(first) ? first : ERROR_MESSAGES.VALIDATION,
      fieldErrors,
    };
  }
  console.error('[action] unexpected error', e);
  return { ok: false, code: 'SERVER', message: '服务器出错了,请稍后再试。您填写的内容仍在页面上。' };
}
