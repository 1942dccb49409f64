import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { FieldApp } from '@/components/field/field-app';
import { getFilterOptions } from '@/db/queries/newsroom';
import { getSiteSettings } from '@/db/queries/site';
import { getTeamName } from '@/db/queries/users';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = {
  title: '现场报道',
  manifest: '/field.webmanifest',
  appleWebApp: { capable: true, title: '现场报道', statusBarStyle: 'default' },
  icons: { apple: '/icons/field-192.png' },
};

export const viewport: Viewport = { themeColor: '#b91c1c' };

/** The team's offline-capable report screens (an installable web app; see README). */
export default async function FieldPage() {
  const p = await requirePrincipal('/dashboard/field');
  if (!can(p, 'article.create')) notFound();
  const [{ columns }, settings, teamName] = await Promise.all([getFilterOptions(), getSiteSettings(), p.teamId ? getTeamName(p.teamId) : null]);
  const allowed = p.columnScope ? columns.filter((c) => p.columnScope!.includes(c.id)) : columns;
  return <FieldApp user={{ id: p.id, name: p.name, teamName }} columns={allowed} siteShortName={settings.shortName} />;
}
