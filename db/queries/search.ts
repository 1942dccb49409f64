import 'server-only';
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, media } from '@/db/schema';
import { docText, type RichTextDoc } from '@/domain/rich-text';
import { highlight, parseQuery, snippet, type ParsedQuery, type Segment } from '@/domain/search';
import { listColumns, toListItem, type ImageDto, type ListRow } from './articles';
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
export const SEARCH_CANDIDATES = 200;

/** Recent windows tried before the whole archive (see searchArticles). */
const SEARCH_WINDOWS_DAYS = [90, 730];

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

/**
 * Not cached: every distinct query would become a cache entry on disk (a bot typing random
 * words would fill it), and the engine's cost is bounded by the candidate cap anyway.
 */
export async function searchArticles(p: SearchParams): Promise<SearchResult> {
  const query = parseQuery(p.q);
  if (!query) return EMPTY;
  const db = await getDb();
  const where: SQL[] = [publicVisibility(), sql`${articles.searchVector} @@ ${query.anyOrder}::tsquery`];
  if (p.columnIds?.length) where.push(inArray(articles.columnId, p.columnIds));
  if (p.from) where.push(gte(articles.publishedAt, dayStart(p.from)));
  if (p.to) where.push(lt(articles.publishedAt, nextDay(p.to)));
  const phrase = sql`${query.tsquery}::tsquery`;
  const wanted = Math.max(1, Math.floor(p.page ?? 1));

  const rows = await db.transaction(async (tx) => {
    // Checking a match on the table itself reads each row's stored vector (out of line,
    // ~10 kB); the GIN index answers the any-order query without them. Keep the planner on
    // the indexes even for very common words, where a scan looks cheaper than it is.
    await tx.execute(sql`set local enable_seqscan = off`);
    // The newest candidates of a common word are all recent: look in a recent window first
    // (the index bitmaps of the words and of the dates are ANDed, so only rows in the window
    // are fetched) and widen it only when it holds fewer than the cap. The result is the
    // same as without a window; the cost no longer grows with the word's frequency.
    for (const days of SEARCH_WINDOWS_DAYS) {
      const inWindow = sql`${articles.publishedAt} >= now() - make_interval(days => ${days})`;
      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(tx.select({ one: sql`1`.as('one') }).from(articles).where(and(...where, inWindow)).limit(SEARCH_CANDIDATES + 1).as('w'));
      if (n > SEARCH_CANDIDATES) {
        where.push(inWindow);
        break;
      }
    }
    // 1. The newest candidates, from the index alone (their vectors are carried, not read).
    const hits = tx.$with('hits').as(
      tx
        .select({
          id: sql<number>`${articles.id}`.as('hit_id'),
          publishedAt: sql<Date>`${articles.publishedAt}`.as('hit_published_at'),
          vector: sql<string>`${articles.searchVector}`.as('hit_vector'),
        })
        .from(articles)
        .where(and(...where))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(SEARCH_CANDIDATES + 1),
    );
    // 2. Of those, the exact phrase matches, ranked: only these vectors are read. (Filtering
    // the CTE, not the table, stops the planner checking the phrase on every match.)
    const ranked = tx.$with('ranked').as(
      tx
        .select({ id: sql<number>`${hits.id}`.as('ranked_id'), publishedAt: hits.publishedAt, rank: sql<number>`ts_rank(${hits.vector}, ${phrase})`.as('rank') })
        .from(hits)
        .where(sql`${hits.vector} @@ ${phrase}`),
    );
    const order =
      p.sort === 'newest'
        ? [desc(ranked.publishedAt), desc(ranked.id)]
        : [desc(ranked.rank), desc(ranked.publishedAt), desc(ranked.id)];
    const page = (n: number) =>
      tx
        .with(hits, ranked)
        .select({
          id: ranked.id,
          total: sql<number>`(select count(*) from ranked)`.mapWith(Number),
          scanned: sql<number>`(select count(*) from hits)`.mapWith(Number),
        })
        .from(ranked)
        .orderBy(...order)
        .limit(SEARCH_PAGE_SIZE)
        .offset((n - 1) * SEARCH_PAGE_SIZE);
    const first = await page(wanted);
    if (first.length || wanted === 1) return { list: first, page: wanted };
    // Past the end: show the last page rather than nothing.
    const [{ n } = { n: 0 }] = await tx.with(hits, ranked).select({ n: sql<number>`count(*)`.mapWith(Number) }).from(ranked);
    const last = Math.max(1, Math.ceil(n / SEARCH_PAGE_SIZE));
    return { list: n ? await page(last) : [], page: last };
  });

  const total = Math.min(rows.list[0]?.total ?? 0, SEARCH_CANDIDATES);
  const ids = rows.list.map((r) => r.id);
  const details = ids.length
    ? await db
        .select({ ...listColumns, body: articles.body })
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
    capped: (rows.list[0]?.scanned ?? 0) > SEARCH_CANDIDATES,
    page: rows.page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    terms: query.terms,
  };
}

function toHit(
  d: ListRow & { body: RichTextDoc },
  terms: string[],
): SearchHit {
  const body = docText(d.body);
  // The snippet shows where the words occur: in the body if they do, else the summary.
  const inBody = snippet(body, terms);
  const source = inBody.some((s) => s.hit) || !d.summary ? inBody : snippet(d.summary, terms);
  const item = toListItem(d);
  return { id: item.id, title: highlight(d.title, terms), snippet: source, columnId: item.columnId, publishedAt: item.publishedAt, cover: item.cover };
}
