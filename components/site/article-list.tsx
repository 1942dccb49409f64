import { formatDate, formatMonthDay } from '@/domain/format';
import { m } from './messages';

export interface ListItem {
  id: number;
  title: string;
  summary?: string;
  publishedAt: string;
  cover?: { src: string; width: number; height: number; alt: string } | null;
}

/** Compact title list with dates, as news portals show in blocks. */
export function TitleList({ items, numbered = false, pinned = false }: { items: ListItem[]; numbered?: boolean; pinned?: boolean }) {
  return (
    <ul className="divide-y divide-dashed divide-line">
      {items.map((a, i) => (
        <li key={a.id} className="flex items-baseline gap-2">
          {numbered && (
            <span
              className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-xs ${i < 3 ? 'bg-brand text-white' : 'bg-gray-200 text-muted'}`}
            >
              {i + 1}
            </span>
          )}
          {pinned && <span className="shrink-0 rounded bg-brand px-1.5 text-xs text-white">{m.pinned}</span>}
          <a href={`/articles/${a.id}`} className="min-w-0 flex-1 truncate py-2.5 hover:text-brand">
            {a.title}
          </a>
          {!numbered && (
            <time dateTime={a.publishedAt} className="shrink-0 text-xs text-muted tabular-nums">
              {formatMonthDay(a.publishedAt)}
            </time>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Listing with summary and thumbnail, for column pages. */
export function SummaryList({ items, label }: { items: ListItem[]; label: string }) {
  return (
    <ul className="divide-y divide-line" aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className="flex gap-4 py-4">
          <div className="min-w-0 flex-1">
            <h3 className="text-base leading-snug font-semibold md:text-lg">
              <a href={`/articles/${a.id}`} className="hover:text-brand">
                {a.title}
              </a>
            </h3>
            {a.summary && <p className="mt-1.5 line-clamp-2 text-sm text-muted">{a.summary}</p>}
            <time dateTime={a.publishedAt} className="mt-1.5 block text-xs text-muted tabular-nums">
              {formatDate(a.publishedAt)}
            </time>
          </div>
          {a.cover && (
            <a href={`/articles/${a.id}`} className="shrink-0" tabIndex={-1} aria-hidden>
              {/* eslint-disable-next-line @next/next/no-img-element -- pre-generated WebP variant */}
              <img
                src={a.cover.src.replace(/\.jpg$/, '-480.webp')}
                alt=""
                width={160}
                height={Math.round((160 * a.cover.height) / Math.max(1, a.cover.width))}
                className="h-20 w-28 rounded object-cover md:h-24 md:w-36"
                loading="lazy"
                decoding="async"
              />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Section({ title, href, children, className = '' }: { title: string; href?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded bg-white p-4 shadow-sm ${className}`} aria-label={title}>
      <div className="mb-2 flex items-center justify-between border-b-2 border-brand pb-2">
        <h2 className="text-lg font-bold text-brand">{title}</h2>
        {href && (
          <a href={href} className="px-2 py-1 text-sm text-muted hover:text-brand">
            {m.more} »
          </a>
        )}
      </div>
      {children}
    </section>
  );
}

/** The 点击排行 sidebar shared by the home and column pages. */
export function MostReadAside({ items }: { items: ListItem[] }) {
  return (
    <aside className="md:col-span-4">
      <Section title={m.mostRead}>
        <TitleList items={items} numbered />
      </Section>
    </aside>
  );
}
