'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { loginMessage, safeCallbackUrl } from '@/components/auth/login-messages';

export interface LoginState {
  error?: string;
  username?: string;
}

/** The login form posts here (works without JavaScript); Auth.js does the checking. */
export async function loginAction(_prev: LoginState | undefined, form: unknown): Promise<LoginState> {
  if (!(form instanceof FormData)) return { error: loginMessage('invalid') };
  const username = String(form.get('username') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: loginMessage('missing'), username };
  try {
    await signIn('credentials', {
      username,
      password,
      redirectTo: safeCallbackUrl(String(form.get('callbackUrl') ?? '')),
    });
    return {};
  } catch (e) {
    if (e instanceof AuthError) {
      const code = e instanceof CredentialsSignin ? e.code : 'invalid';
      return { error: loginMessage(code), username };
    }
    throw e; // the redirect after a successful sign-in
  }
}
