import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authConfig } from './auth.config';
import { getSessionUser } from '@/db/queries/users';
import type { Role } from '@/domain/roles';
import { clientAddress } from '@/lib/client';
import { authenticate } from '@/services/login';

class LockedOut extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    // The login form reads the wait time from the code.
    this.code = `locked_${seconds}`;
  }
}
class Disabled extends CredentialsSignin {
  code = 'disabled';
}

const credentials = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome with its own message, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      id: 'credentials',
      credentials: { username: { label: '用户名或手机号' }, password: { label: '密码', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data.username, parsed.data.password, clientAddress(request.headers));
        if (result.ok) {
          const u = result.user;
          return { id: String(u.id), name: u.name, role: u.role as Role, sessionVersion: u.sessionVersion };
        }
        if (result.reason === 'locked') throw new LockedOut(result.retryAfterSeconds);
        if (result.reason === 'disabled') throw new Disabled();
        return null;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.role = user.role;
        token.name = user.name;
        return token;
      }
      // Every request re-reads the user: a disabled user, or a session issued before the
      // last revocation (role or password change, sign out everywhere), is signed out.
      if (typeof token.uid !== 'number') return null;
      const current = await getSessionUser(token.uid);
      if (!current || !current.active || current.sessionVersion !== token.sv) return null;
      token.role = current.role;
      token.name = current.name;
      return token;
    },
    session({ session, token }) {
      // /api/auth/session shows this: the name and role, nothing else.
      return {
        expires: session.expires,
        sv: token.sv,
        user: { id: String(token.uid), name: token.name ?? '', role: token.role },
      } as typeof session;
    },
  },
});
