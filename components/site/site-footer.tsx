import type { ReactNode } from 'react';
import { m } from './messages';

export interface FooterLinkItem {
  label: string;
  href: string;
}

/** The legally required footer: links, copyright, ICP licence and public-security filing. */
export function SiteFooter({
  links,
  copyrightHolder,
  copyrightSince,
  icpNumber,
  psbNumber,
}: {
  links: FooterLinkItem[];
  copyrightHolder: string;
  copyrightSince: number;
  icpNumber: string;
  psbNumber: string;
}) {
  const year = new Date().getFullYear();
  const psbCode = psbNumber.replace(/\D/g, '');
  const items: ReactNode[] = links.map((l) => (
    <li key={l.href}>
      <a href={l.href} className="inline-block px-2 py-2 hover:text-brand">
        {l.label}
      </a>
    </li>
  ));
  return (
    <footer className="no-print mt-10 border-t-4 border-brand bg-white text-sm text-muted">
      <div className="mx-auto max-w-6xl px-4 py-6 text-center">
        <ul className="flex flex-wrap justify-center gap-x-1">{items}</ul>
        <p className="mt-3">{m.copyright(copyrightSince, year, copyrightHolder)}</p>
        <p className="mt-1">{m.noReprint}</p>
        {icpNumber && (
          <p className="mt-1">
            {m.icp}
            <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" className="inline-block py-1 hover:text-brand">
              {icpNumber}
            </a>
          </p>
        )}
        {psbNumber && (
          <p className="mt-1">
            <a
              href={`https://beian.mps.gov.cn/#/query/webSearch?code=${psbCode}`}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-block py-1 hover:text-brand"
            >
              {psbNumber}
            </a>
          </p>
        )}
      </div>
    </footer>
  );
}
