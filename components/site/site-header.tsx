import { m } from './messages';

export interface NavItem {
  slug: string;
  name: string;
}

export function SiteHeader({
  siteName,
  slogan,
  nav,
  current,
}: {
  siteName: string;
  slogan: string;
  nav: NavItem[];
  current?: string;
}) {
  return (
    <header className="no-print bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-3">
        {m.skipToContent}
      </a>
      <div className="border-b border-line bg-brand-soft text-xs text-brand-dark">
        <p className="mx-auto max-w-6xl truncate px-4 py-1.5">{slogan}</p>
      </div>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 md:py-6">
        <a href="/" className="flex shrink-0 items-baseline gap-3">
          <span className="font-serif text-3xl font-bold tracking-wide text-brand md:text-4xl">{siteName}</span>
        </a>
        {/* A plain GET form: search works without JavaScript. */}
        <form action="/search" method="get" role="search" aria-label={m.searchSite} className="flex min-w-0 max-w-xs flex-1 justify-end">
          <label htmlFor="site-search" className="sr-only">
            {m.searchSite}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            maxLength={100}
            enterKeyHint="search"
            placeholder={m.searchPlaceholder}
            className="h-11 min-w-0 flex-1 rounded-l border border-r-0 border-line bg-white px-3 text-base md:text-sm"
          />
          <button type="submit" className="h-11 shrink-0 rounded-r bg-brand px-3 text-sm text-white hover:bg-brand-dark md:px-4">
            {m.search}
          </button>
        </form>
      </div>
      <nav aria-label={m.nav} className="bg-brand">
        <ul className="scrollbar-none mx-auto flex max-w-6xl overflow-x-auto px-2 text-[15px] text-white">
          <li className="shrink-0">
            <a
              href="/"
              aria-current={current === '' ? 'page' : undefined}
              className="block px-3 py-3 font-medium hover:bg-brand-dark aria-[current=page]:bg-brand-dark md:px-4"
            >
              {m.home}
            </a>
          </li>
          {nav.map((c) => (
            <li key={c.slug} className="shrink-0">
              <a
                href={`/columns/${c.slug}`}
                aria-current={current === c.slug ? 'page' : undefined}
                className="block px-3 py-3 hover:bg-brand-dark aria-[current=page]:bg-brand-dark md:px-4"
              >
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
