import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { loadPrincipal } from '@/db/queries/users';
import type { Principal } from '@/domain/permissions';

/**
 * The signed-in person for this request, read from the database (role, team, scopes,
 * active, session version), never from the token alone. Null when signed out or revoked.
 */
export const getPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session || !Number.isInteger(id) || id <= 0 || typeof session.sv !== 'number') return null;
  return loadPrincipal(id, session.sv);
});

/** For dashboard pages: the person, or a redirect to /login that comes back here. */
export async function requirePrincipal(returnTo: string): Promise<Principal> {
  const p = await getPrincipal();
  if (!p) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return p;
}
