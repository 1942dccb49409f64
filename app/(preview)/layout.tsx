import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell } from '@/components/site/site-shell';
import { loadShell } from '@/lib/site-shell';

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The newsroom's preview renders inside the public shell, so it looks exactly like the site.
export default async function PreviewLayout({ children }: { children: ReactNode }) {
  return <SiteShell data={await loadShell()}>{children}</SiteShell>;
}
