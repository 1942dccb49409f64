import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { mm } from '@/components/dashboard/media-messages';
import { listMedia } from '@/db/queries/media';
import { formatDate } from '@/domain/format';
import { formatBytes } from '@/domain/media';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';

export const metadata: Metadata = { title: mm.library };

// Bad query values are dropped rather than refused: a search link never breaks the page.
const querySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePrincipal('/dashboard/media');
  if (!can(p, 'media.view')) notFound();
  const sp = querySchema.parse(await searchParams);
  const { items, total, page, pageSize } = await listMedia(p, { q: sp.q, page: sp.page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (sp.q) q.set('q', sp.q);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return s ? `/dashboard/media?${s}` : '/dashboard/media';
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold">{mm.library}</h1>
        <p className="mt-1 text-sm text-slate-600">{p.role === 'contributor' ? mm.introTeam : mm.intro}</p>
      </div>

      <form method="get" action="/dashboard/media" role="search" className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3 text-sm">
        <label className="min-w-0 flex-1 basis-56">
          <span className="block text-slate-600">{mm.search}</span>
          <input
            type="search"
            name="q"
            defaultValue={sp.q ?? ''}
            maxLength={100}
            placeholder={mm.searchPlaceholder}
            className="w-full rounded border border-slate-300 px-2 py-1.5 text-base sm:text-sm"
          />
        </label>
        <button type="submit" className="min-h-10 rounded bg-red-700 px-4 py-1.5 text-white hover:bg-red-800">
          {mm.searchButton}
        </button>
        {sp.q && (
          <Link href="/dashboard/media" className="flex min-h-10 items-center rounded px-3 py-1.5 text-slate-600 hover:bg-slate-100">
            {mm.reset}
          </Link>
        )}
        <span className="ml-auto self-center text-slate-500" data-testid="media-total">
          {mm.total(total)}
        </span>
      </form>

      {items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{sp.q ? mm.empty : mm.emptyLibrary}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-4" aria-label={mm.library} data-testid="media-grid">
          {items.map((m) => (
            <li key={m.id} className="min-w-0">
              <Link
                href={`/dashboard/media/${m.id}`}
                className="group block h-full overflow-hidden rounded border border-slate-200 bg-white hover:border-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- stored variants are already resized */}
                <img
                  src={m.thumbSrc}
                  alt={m.alt}
                  width={m.width}
                  height={m.height}
                  loading="lazy"
                  decoding="async"
                  className="aspect-[4/3] w-full bg-slate-100 object-cover"
                />
                <span className="block space-y-0.5 p-2">
                  <span className={`line-clamp-2 text-sm break-words group-hover:text-red-700 ${m.caption ? '' : 'text-slate-500'}`}>{m.caption || mm.noCaption}</span>
                  <span className="block text-xs text-slate-500 tabular-nums">
                    {m.width}×{m.height} · {formatBytes(m.bytes)} · {formatDate(m.createdAt)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label={mm.pagination} className="flex items-center justify-center gap-3 text-sm">
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev" className="rounded border bg-white px-3 py-1.5">
              {mm.prevPage}
            </Link>
          )}
          <span>{mm.pageOf(page, pages)}</span>
          {page < pages && (
            <Link href={href(page + 1)} rel="next" className="rounded border bg-white px-3 py-1.5">
              {mm.nextPage}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
