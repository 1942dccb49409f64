import NextAuth from 'next-auth';
import { authConfig } from './auth.config';

// A convenience redirect to /login for signed-out visitors; never the only gate.
export default NextAuth(authConfig).auth;

export const config = { matcher: ['/dashboard/:path*', '/preview/:path*'] };
