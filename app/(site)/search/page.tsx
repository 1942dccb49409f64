import type { Metadata } from 'next';
import { Section, TitleList } from '@/components/site/article-list';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { Highlighted } from '@/components/site/highlighted';
import { m } from '@/components/site/messages';
import { Pagination } from '@/components/site/pagination';
import { getLatest } from '@/db/queries/articles';
import { searchArticles } from '@/db/queries/search';
import { columnSubtreeIds, getColumns } from '@/db/queries/site';
import { formatDate } from '@/domain/format';
import { MAX_QUERY_LENGTH, parseQuery } from '@/domain/search';
import { parseSearchForm } from '@/domain/search-form';
import { pageSeo } from '@/lib/seo';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchForm(await searchParams).values;
  // Result pages are endless and thin: keep them out of search engines, but follow their links.
  const title = m.searchTitle(q);
  return { title, robots: { index: false, follow: true }, ...(await pageSeo({ path: '/search', title })) };
}

export default async function SearchPage({ searchParams }: Props) {
  const { values, problems } = parseSearchForm(await searchParams);
  const columns = await getColumns();
  const column = columns.find((c) => c.slug === values.column);
  const query = values.q ? parseQuery(values.q) : null;
  const result = query
    ? await searchArticles({
        q: values.q,
        columnIds: column ? columnSubtreeIds(columns, column.id) : undefined,
        from: values.from || undefined,
        to: values.to || undefined,
        sort: values.sort,
        page: values.page,
      })
    : null;
  const latest = result && !result.hits.length ? await getLatest(8) : [];
  const columnName = new Map(columns.map((c) => [c.id, c.name]));
  const keep: Record<string, string> = { q: values.q };
  if (column) keep.column = column.slug;
  if (values.from) keep.from = values.from;
  if (values.to) keep.to = values.to;
  if (values.sort === 'newest') keep.sort = 'newest';

  const field = 'h-11 rounded border border-line bg-white px-3 text-base md:text-sm';
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ label: m.searchSite, href: '/search' }]} />
      <section className="rounded bg-white p-4 shadow-sm md:p-6">
        <h1 className="border-b-2 border-brand pb-3 text-xl font-bold text-brand md:text-2xl">{m.searchSite}</h1>
        <form action="/search" method="get" role="search" className="mt-4 space-y-3">
          <div className="flex gap-2">
            <label htmlFor="search-q" className="sr-only">
              {m.searchSite}
            </label>
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={values.q}
              maxLength={MAX_QUERY_LENGTH}
              enterKeyHint="search"
              placeholder={m.searchPlaceholder}
              className={`${field} min-w-0 flex-1`}
            />
            <button type="submit" className="h-11 shrink-0 rounded bg-brand px-5 text-white hover:bg-brand-dark">
              {m.search}
            </button>
          </div>
          <div className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
            <label className="flex flex-col gap-1">
              <span className="text-muted">{m.searchColumn}</span>
              <select name="column" defaultValue={column?.slug ?? ''} className={field}>
                <option value="">{m.searchAllColumns}</option>
                {columns.map((c) => (
                  <option key={c.id} value={c.slug}>
                    {c.parentId ? `— ${c.name}` : c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-muted">{m.searchSort}</span>
              <select name="sort" defaultValue={values.sort} className={field}>
                <option value="relevance">{m.sortRelevance}</option>
                <option value="newest">{m.sortNewest}</option>
              </select>
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-muted">{m.searchFrom}</span>
              <input type="date" name="from" defaultValue={values.from} className={field} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-muted">{m.searchTo}</span>
              <input type="date" name="to" defaultValue={values.to} className={field} />
            </label>
          </div>
        </form>

        {problems.length > 0 && (
          <ul className="mt-4 space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}

        {!values.q && <p className="mt-6 text-muted">{m.searchEmptyPrompt}</p>}
        {values.q && !query && <p className="mt-6 text-muted">{m.searchNothingUsable}</p>}

        {result && (
          <div className="mt-6">
            <p className="text-sm text-muted" role="status">
              {result.hits.length ? m.searchFound(result.total) : m.searchNone(values.q)}
            </p>
            {result.capped && <p className="mt-1 text-sm text-muted">{m.searchCapped(result.total)}</p>}
            {result.hits.length > 0 ? (
              <>
                <ol aria-label={m.searchResults} className="mt-2 divide-y divide-line">
                  {result.hits.map((h) => (
                    <li key={h.id} className="py-4">
                      <h2 className="text-base leading-snug font-semibold md:text-lg">
                        <a href={`/articles/${h.id}`} className="hover:text-brand">
                          <Highlighted segments={h.title} />
                        </a>
                      </h2>
                      <p className="mt-1.5 text-sm leading-relaxed text-gray-700">
                        <Highlighted segments={h.snippet} />
                      </p>
                      <p className="mt-1.5 text-xs text-muted">
                        {columnName.get(h.columnId)} · <time dateTime={h.publishedAt}>{formatDate(h.publishedAt)}</time>
                      </p>
                    </li>
                  ))}
                </ol>
                <Pagination basePath="/search" page={result.page} pageCount={result.pageCount} total={result.total} params={keep} />
              </>
            ) : (
              <div className="mt-3 text-sm">
                <p className="font-medium">{m.searchTipsTitle}</p>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-muted">
                  {m.searchTips.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </section>
      {latest.length > 0 && (
        <Section title={m.searchLatest}>
          <TitleList items={latest} />
        </Section>
      )}
    </div>
  );
}
