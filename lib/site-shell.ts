import 'server-only';
import { getColumns, getSiteSettings } from '@/db/queries/site';
import type { ShellData } from '@/components/site/site-shell';

/** Header and footer data for every public page (all cached reads). */
export async function loadShell(): Promise<ShellData> {
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumns()]);
  return {
    siteName: settings.siteName,
    slogan: settings.slogan,
    nav: columns.filter((c) => c.showInNav && c.parentId == null).map((c) => ({ slug: c.slug, name: c.name })),
    footerLinks: settings.footerLinks,
    copyrightHolder: settings.copyrightHolder,
    copyrightSince: settings.copyrightSince,
    icpNumber: settings.icpNumber,
    psbNumber: settings.psbNumber,
  };
}
