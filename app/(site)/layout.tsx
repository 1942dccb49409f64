import type { ReactNode } from 'react';
import { SiteShell } from '@/components/site/site-shell';
import { loadShell } from '@/lib/site-shell';

// Public pages read the database, so they render per request (never at build time);
// their reads come from the tagged data cache.
export const dynamic = 'force-dynamic';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteShell data={await loadShell()}>{children}</SiteShell>;
}
