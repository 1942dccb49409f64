import { m } from './messages';

export function Breadcrumb({ trail }: { trail: { label: string; href?: string }[] }) {
  const all = [{ label: m.home, href: '/' }, ...trail];
  return (
    <nav aria-label={m.breadcrumb} className="no-print text-sm text-muted">
      <ol className="flex flex-wrap items-center">
        <li className="mr-1">{m.breadcrumb}:</li>
        {all.map((c, i) => (
          <li key={i} className="flex min-w-0 items-center">
            {i > 0 && <span className="mx-1.5" aria-hidden>»</span>}
            {c.href && i < all.length - 1 ? (
              <a href={c.href} className="inline-block py-1.5 hover:text-brand">
                {c.label}
              </a>
            ) : (
              <span aria-current={i === all.length - 1 ? 'page' : undefined} className="line-clamp-1 py-1.5">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
