import 'server-only';
import { revalidateTag } from 'next/cache';
import { AppError, ERROR_STATUS } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { toResult } from './action';
import { getPrincipal } from './session';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The route-handler twin of `authedAction`, for clients that must outlive a deploy (the
 * field app's cached shell calls stable URLs, not build-specific action ids). Loads the
 * person, runs one service verb on the JSON body, refreshes the tags it reports, and
 * answers `{ ok, data }` or `{ ok:false, code, message, … }` with a matching status.
 */
export function jsonRoute<T extends { tags?: string[] }>(fn: (p: Principal | null, input: unknown) => Promise<T>) {
  return async (request: Request): Promise<Response> => {
    try {
      const principal = await getPrincipal();
      if (!principal) return Response.json(toResult(new AppError('UNAUTHENTICATED')), { status: 401, headers: NO_STORE });
      const input: unknown = await request.json().catch(() => undefined);
      const { tags, ...data } = await fn(principal, input);
      for (const tag of new Set(tags ?? [])) revalidateTag(tag, { expire: 0 });
      return Response.json({ ok: true, data }, { headers: NO_STORE });
    } catch (e) {
      const result = toResult(e);
      const status = result.ok ? 200 : result.code === 'SERVER' ? 500 : ERROR_STATUS[result.code];
      return Response.json(result, { status, headers: NO_STORE });
    }
  };
}
