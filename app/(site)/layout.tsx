import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { SiteShell } from '@/components/site/site-shell';
import { loadShell } from '@/lib/site-shell';
import { siteDefaults } from '@/lib/seo';

// Public pages read the database, so they render per request (never at build time; see
// app/layout.tsx), except the article page, which is cached whole. Reads come from the
// tagged data cache.

/** Feed links, site name and locale for every public page that does not set its own. */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return siteDefaults();
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  return <SiteShell data={await loadShell()}>{children}</SiteShell>;
}
