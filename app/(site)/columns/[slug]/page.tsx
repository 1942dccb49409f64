import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MostReadAside, SummaryList, TitleList } from '@/components/site/article-list';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { m } from '@/components/site/messages';
import { Pagination } from '@/components/site/pagination';
import { getColumnPage, getMostRead } from '@/db/queries/articles';
import { columnAncestry, columnSubtreeIds, getColumnBySlug, getColumns, getSiteSettings } from '@/db/queries/site';
import { columnFeedLink, pageSeo } from '@/lib/seo';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}

function parsePage(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const col = await getColumnBySlug((await params).slug);
  if (!col) return {};
  const page = parsePage((await searchParams).page);
  const { siteName, slogan } = await getSiteSettings();
  // Page 1 is the column's own URL (never ?page=1); deeper pages are their own canonicals.
  const path = `/columns/${col.slug}${page > 1 ? `?page=${page}` : ''}`;
  const title = page > 1 ? `${col.name}(第${page}页)` : col.name;
  const description = col.description || slogan;
  return { title, description, ...(await pageSeo({ path, title, description, feeds: [columnFeedLink(col, siteName)] })) };
}

export default async function ColumnPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const col = await getColumnBySlug(slug);
  if (!col) notFound();
  const columns = await getColumns();
  const requested = parsePage((await searchParams).page);
  const [listing, mostRead] = await Promise.all([getColumnPage(columnSubtreeIds(columns, col.id), requested), getMostRead(8)]);
  if (requested > listing.pageCount) notFound();
  const ancestry = columnAncestry(columns, col);
  const children = columns.filter((c) => c.parentId === col.id);

  return (
    <div className="space-y-4">
      <Breadcrumb trail={ancestry.map((c) => ({ label: c.name, href: `/columns/${c.slug}` }))} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-12 md:gap-6">
        <section className="rounded bg-white p-4 shadow-sm md:col-span-8 md:p-6">
          <header className="border-b-2 border-brand pb-3">
            <h1 className="text-xl font-bold text-brand md:text-2xl">{col.name}</h1>
            {col.description && <p className="mt-1 text-sm text-muted">{col.description}</p>}
          </header>
          {children.length > 0 && (
            <nav aria-label={m.subColumns} className="mt-3 flex flex-wrap gap-2 text-sm">
              <span className="self-center text-muted">{m.subColumns}:</span>
              {children.map((c) => (
                <a key={c.id} href={`/columns/${c.slug}`} className="inline-flex min-h-11 items-center rounded-full border border-line px-4 hover:border-brand hover:text-brand">
                  {c.name}
                </a>
              ))}
            </nav>
          )}
          {listing.pinned.length > 0 && (
            <div className="mt-3 rounded bg-brand-soft px-3">
              <TitleList items={listing.pinned} pinned />
            </div>
          )}
          {listing.items.length ? <SummaryList items={listing.items} label={m.articleList} /> : <p className="py-10 text-center text-muted">{m.noArticles}</p>}
          <Pagination basePath={`/columns/${col.slug}`} page={listing.page} pageCount={listing.pageCount} total={listing.total} />
        </section>
        <MostReadAside items={mostRead} />
      </div>
    </div>
  );
}
