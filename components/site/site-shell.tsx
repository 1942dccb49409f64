import type { ReactNode } from 'react';
import { SiteFooter, type FooterLinkItem } from './site-footer';
import { SiteHeader, type NavItem } from './site-header';

export interface ShellData {
  siteName: string;
  slogan: string;
  nav: NavItem[];
  footerLinks: FooterLinkItem[];
  copyrightHolder: string;
  copyrightSince: number;
  icpNumber: string;
  psbNumber: string;
}

export function SiteShell({ data, children }: { data: ShellData; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader siteName={data.siteName} slogan={data.slogan} nav={data.nav} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-4 md:px-4 md:py-6">
        {children}
      </main>
      <SiteFooter
        links={data.footerLinks}
        copyrightHolder={data.copyrightHolder}
        copyrightSince={data.copyrightSince}
        icpNumber={data.icpNumber}
        psbNumber={data.psbNumber}
      />
    </div>
  );
}
