import 'server-only';
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, media } from '@/db/schema';
import { mediaUrl } from '@/domain/media';
import { docText, type RichTextDoc } from '@/domain/rich-text';
import { highlight, parseQuery, snippet, type ParsedQuery, type Segment } from '@/domain/search';
import { cached } from '@/lib/cache';
import { tags } from '@/lib/cache-tags';
import type { ImageDto } from './articles';
import { publicVisibility } from './visibility';

/**
 * Full-text search over published articles (the tokenizer is domain/search.ts).
 *
 * The GIN index finds the matches; ranking every match of a common two-character word
 * would cost about a second at 100k articles, so only the newest SEARCH_CANDIDATES
 * matches are ranked (by ts_rank, recency breaking ties). That keeps the worst query
 * bounded; a reader who needs older stories narrows by column or date.
 */

export const SEARCH_PAGE_SIZE = 10;
export const SEARCH_CANDIDATES = 500;

export type SearchSort = 'relevance' | 'newest';

export interface SearchParams {
  q: string;
  columnIds?: number[];
  /** Published on or after this day (inclusive), an ISO date. */
  from?: string;
  /** Published before the end of this day, an ISO date. */
  to?: string;
  sort?: SearchSort;
  page?: number;
}

export interface SearchHit {
  id: number;
  title: Segment[];
  snippet: Segment[];
  columnId: number;
  publishedAt: string;
  cover: ImageDto | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches found, at most SEARCH_CANDIDATES. */
  total: number;
  /** True when there were more matches than were ranked. */
  capped: boolean;
  page: number;
  pageCount: number;
  terms: string[];
}

const EMPTY: SearchResult = { hits: [], total: 0, capped: false, page: 1, pageCount: 1, terms: [] };

/** Day boundaries in China time (+08:00), the site's time zone. */
const dayStart = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const nextDay = (iso: string) => new Date(dayStart(iso).getTime() + 86_400_000);

/** The WHERE of a match: the query and the reader's filters (visibility is added by callers). */
export function matchSql(query: ParsedQuery): SQL {
  return sql`${articles.searchVector} @@ ${query.tsquery}::tsquery`;
}

async function runSearch(p: SearchParams): Promise<SearchResult> {
  const query = parseQuery(p.q);
  if (!query) return EMPTY;
  const db = await getDb();
  const where: SQL[] = [publicVisibility(), matchSql(query)];
  if (p.columnIds?.length) where.push(inArray(articles.columnId, p.columnIds));
  if (p.from) where.push(gte(articles.publishedAt, dayStart(p.from)));
  if (p.to) where.push(lt(articles.publishedAt, nextDay(p.to)));

  const candidates = db
    .select({ id: articles.id, publishedAt: articles.publishedAt, vector: articles.searchVector })
    .from(articles)
    .where(and(...where))
    .orderBy(sql`${articles.publishedAt} desc`, sql`${articles.id} desc`)
    .limit(SEARCH_CANDIDATES + 1)
    .as('c');
  const rank = sql<number>`ts_rank(${candidates.vector}, ${query.tsquery}::tsquery)`;
  const order =
    p.sort === 'newest'
      ? [sql`${candidates.publishedAt} desc`, sql`${candidates.id} desc`]
      : [sql`${rank} desc`, sql`${candidates.publishedAt} desc`, sql`${candidates.id} desc`];
  const wanted = Math.max(1, Math.floor(p.page ?? 1));
  // One round trip: the page of ids and the candidate count (window function).
  const run = (page: number) =>
    db
      .select({ id: candidates.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(candidates)
      .orderBy(...order)
      .limit(SEARCH_PAGE_SIZE)
      .offset((page - 1) * SEARCH_PAGE_SIZE);
  let rows = await run(wanted);
  let page = wanted;
  if (!rows.length && wanted > 1) {
    // Past the end: show the last page rather than nothing.
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(candidates);
    page = Math.max(1, Math.ceil(Math.min(n, SEARCH_CANDIDATES) / SEARCH_PAGE_SIZE));
    rows = n ? await run(page) : [];
  }
  const found = rows[0]?.total ?? 0;
  const total = Math.min(found, SEARCH_CANDIDATES);
  const ids = rows.map((r) => r.id);
  const details = ids.length
    ? await db
        .select({
          id: articles.id,
          title: articles.title,
          summary: articles.summary,
          body: articles.body,
          columnId: articles.columnId,
          publishedAt: articles.publishedAt,
          coverKey: media.storageKey,
          coverWidth: media.width,
          coverHeight: media.height,
          coverAlt: media.alt,
        })
        .from(articles)
        .leftJoin(media, eq(media.id, articles.coverMediaId))
        .where(inArray(articles.id, ids))
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const hits = ids.flatMap((id) => {
    const d = byId.get(id);
    return d ? [toHit(d, query.terms)] : [];
  });
  return {
    hits,
    total,
    capped: found > SEARCH_CANDIDATES,
    page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    terms: query.terms,
  };
}

function toHit(
  d: {
    id: number;
    title: string;
    summary: string;
    body: RichTextDoc;
    columnId: number;
    publishedAt: Date | null;
    coverKey: string | null;
    coverWidth: number | null;
    coverHeight: number | null;
    coverAlt: string | null;
  },
  terms: string[],
): SearchHit {
  const body = docText(d.body);
  // The snippet shows where the words occur: in the body if they do, else the summary.
  const inBody = snippet(body, terms);
  const source = inBody.some((s) => s.hit) || !d.summary ? inBody : snippet(d.summary, terms);
  return {
    id: d.id,
    title: highlight(d.title, terms),
    snippet: source,
    columnId: d.columnId,
    publishedAt: (d.publishedAt ?? new Date(0)).toISOString(),
    cover: d.coverKey
      ? { src: mediaUrl(d.coverKey), width: d.coverWidth ?? 0, height: d.coverHeight ?? 0, alt: d.coverAlt || d.title }
      : null,
  };
}

/**
 * Search results, cached briefly: a story shared in chat groups brings many readers
 * typing the same words. Publishing refreshes them with the site-wide listings.
 */
export const searchArticles = cached(runSearch, 'search', { tags: () => [tags.articles], revalidate: 120 });

export { runSearch as searchArticlesUncached };
