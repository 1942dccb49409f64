import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell } from '@/components/site/site-shell';
import { loadShell } from '@/lib/site-shell';
import { siteDefaults } from '@/lib/seo';

// Public pages read the database, so they render per request (never at build time);
// their reads come from the tagged data cache.
export const dynamic = 'force-dynamic';

/** Feed links, site name and locale for every public page that does not set its own. */
export function generateMetadata(): Promise<Metadata> {
  return siteDefaults();
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteShell data={await loadShell()}>{children}</SiteShell>;
}
