import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NotFoundView } from '@/components/site/not-found-view';
import { SiteShell } from '@/components/site/site-shell';
import { loadShell } from '@/lib/site-shell';

export const metadata: Metadata = { title: '页面不存在', robots: { index: false } };

/** Unmatched URLs: the same 404 inside the site's header and footer. */
export default async function RootNotFound() {
  await connection(); // never at build time (app/layout.tsx)
  return (
    <SiteShell data={await loadShell()}>
      <NotFoundView />
    </SiteShell>
  );
}
