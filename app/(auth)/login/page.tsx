import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { lm, safeCallbackUrl } from '@/components/auth/login-messages';
import { getSiteSettings } from '@/db/queries/site';
import { getPrincipal } from '@/lib/session';
import { loginAction } from './actions';

export const metadata: Metadata = { title: lm.title, robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getPrincipal()) redirect(callbackUrl);
  const { siteName } = await getSiteSettings();
  const notice = sp.signedOut === 'all' ? lm.signedOutAll : sp.signedOut ? lm.signedOut : sp.callbackUrl ? lm.expired : undefined;
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-10 sm:items-center">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        <p className="text-sm font-semibold text-red-700">{siteName}</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{lm.title}</h1>
        <p className="mt-2 mb-6 text-sm text-slate-600">{lm.intro}</p>
        <LoginForm action={loginAction} callbackUrl={callbackUrl} notice={notice} />
        <p className="mt-4 text-xs text-slate-500">{lm.help}</p>
        <p className="mt-4 text-sm">
          <Link href="/" className="text-red-700 underline">
            {lm.backHome}
          </Link>
        </p>
      </div>
    </main>
  );
}
