import type { NextAuthConfig } from 'next-auth';
import { env } from '@/lib/env';

/**
 * The database-free part of the Auth.js setup, shared by proxy.ts (which only redirects)
 * and auth.ts. Every page, action and route still checks the session itself.
 */
export const authConfig = {
  secret: env().AUTH_SECRET,
  trustHost: env().AUTH_TRUST_HOST ?? env().NODE_ENV !== 'production',
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (path.startsWith('/dashboard') || path.startsWith('/preview')) return Boolean(auth?.user);
      return true;
    },
  },
} satisfies NextAuthConfig;
