import type { Role } from '@/domain/roles';

declare module 'next-auth' {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    /** The session version the cookie was issued with (checked against the user row). */
    sv: number;
    user: { id: string; name: string; role: Role; email?: string | null; image?: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid: number;
    sv: number;
    role: Role;
  }
}
