import { ZodError } from 'zod';
import type { Principal } from '@/domain/permissions';
import { requireRole } from '../articles/shared';

/** The role gate of every administration verb (its first line). */
export const requireAdmin = (p: Principal | null): Principal => requireRole(p, 'admin.manage');

/**
 * A refusal shown next to one field of the form, through the same path as a failed zod
 * parse (lib/action.ts turns it into fieldErrors), so the form keeps what was typed.
 */
export function fieldError(path: string, message: string): ZodError {
  return new ZodError([{ code: 'custom', path: path.split('.'), message, input: undefined }]);
}

/** The unique constraint a database error broke, if it was a unique violation (both drivers). */
export function uniqueViolation(e: unknown): string | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const err = cur as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
  }
  return null;
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON would differ. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** The fields whose values differ, as {before, after} for the audit event. */
export function changedFields<T extends object>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (canonical(before[key]) !== canonical(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
