import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, ne, not, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { articleStats, articles, media, teams } from '@/db/schema';
import type { Reporter } from '@/domain/byline';
import type { RichTextDoc } from '@/domain/rich-text';
import { mediaUrl } from '@/domain/media';
import { cached } from '@/lib/cache';
import { tags } from '@/lib/cache-tags';
import { activeUntil, publicVisibility } from './visibility';

// Public reads: everything here returns only what readers may see.

export interface ImageDto {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface ArticleListItem {
  id: number;
  title: string;
  summary: string;
  columnId: number;
  publishedAt: string;
  cover: ImageDto | null;
}

export interface PublicArticle extends ArticleListItem {
  subtitle: string;
  body: RichTextDoc;
  author: string;
  reporters: Reporter[];
  source: string;
  editorName: string;
  teamId: number | null;
  teamName: string | null;
  creditText: string;
  updatedAt: string;
  legacyUrl: string | null;
}

/** The columns every article list selects (search and feeds add theirs to these). */
export const listColumns = {
  id: articles.id,
  title: articles.title,
  summary: articles.summary,
  columnId: articles.columnId,
  publishedAt: articles.publishedAt,
  coverKey: media.storageKey,
  coverWidth: media.width,
  coverHeight: media.height,
  coverAlt: media.alt,
};

export type ListRow = {
  id: number;
  title: string;
  summary: string;
  columnId: number;
  publishedAt: Date | null;
  coverKey: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  coverAlt: string | null;
};

const iso = (d: Date | null) => (d ?? new Date(0)).toISOString();

/** A list row's cover as an image (its alt text falls back to the title), or null. */
export function coverImage(r: Pick<ListRow, 'title' | 'coverKey' | 'coverWidth' | 'coverHeight' | 'coverAlt'>): ImageDto | null {
  return r.coverKey ? { src: mediaUrl(r.coverKey), width: r.coverWidth ?? 0, height: r.coverHeight ?? 0, alt: r.coverAlt || r.title } : null;
}

export function toListItem(r: ListRow): ArticleListItem {
  return { id: r.id, title: r.title, summary: r.summary, columnId: r.columnId, publishedAt: iso(r.publishedAt), cover: coverImage(r) };
}

async function list(where: SQL, order: SQL[], limit: number): Promise<ArticleListItem[]> {
  const db = await getDb();
  const rows = await db
    .select(listColumns)
    .from(articles)
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(publicVisibility(), where))
    .orderBy(...order)
    .limit(limit);
  return rows.map(toListItem);
}

const newestFirst = [desc(articles.publishedAt), desc(articles.id)];

export const getLatest = cached(
  (limit: number) => list(sql`true`, newestFirst, limit),
  'latest',
  { tags: () => [tags.articles] },
);

export const getColumnLatest = cached(
  (columnIds: number[], limit: number) => list(inArray(articles.columnId, columnIds), newestFirst, limit),
  'column-latest',
  { tags: (ids) => ids.map(tags.column) },
);

export interface HomeFeatures {
  headline: ArticleListItem | null;
  slides: ArticleListItem[];
  recommended: ArticleListItem[];
}

/** 头条, 幻灯 and 推荐 as curated; falls back to the newest stories when nothing is flagged. */
export const getHomeFeatures = cached(
  async (): Promise<HomeFeatures> => {
    const featured = (rank: AnyPgColumn) =>
      and(isNotNull(rank), activeUntil(articles.featureUntil))!;
    const [headlines, slides, recommended] = await Promise.all([
      list(featured(articles.headlineRank), [asc(articles.headlineRank), ...newestFirst], 1),
      list(featured(articles.slideRank), [asc(articles.slideRank), ...newestFirst], 5),
      list(featured(articles.recommendRank), [asc(articles.recommendRank), ...newestFirst], 6),
    ]);
    return {
      headline: headlines[0] ?? (await list(sql`true`, newestFirst, 1))[0] ?? null,
      slides: slides.length ? slides : await list(isNotNull(articles.coverMediaId), newestFirst, 5),
      recommended,
    };
  },
  'home-features',
  { tags: () => [tags.home, tags.articles] },
);

export const getMostRead = cached(
  async (limit: number): Promise<ArticleListItem[]> => {
    const db = await getDb();
    const rows = await db
      .select(listColumns)
      .from(articleStats)
      .innerJoin(articles, eq(articles.id, articleStats.articleId))
      .leftJoin(media, eq(media.id, articles.coverMediaId))
      .where(publicVisibility())
      .orderBy(desc(articleStats.views), desc(articles.id))
      .limit(limit);
    return rows.map(toListItem);
  },
  'most-read',
  // Views change all the time; a few minutes of staleness is fine for a ranking.
  { tags: () => [tags.articles], revalidate: 300 },
);

export interface ColumnPage {
  pinned: ArticleListItem[];
  items: ArticleListItem[];
  total: number;
  page: number;
  pageCount: number;
}

export const COLUMN_PAGE_SIZE = 20;

/**
 * A page of a column's listing (its sub-columns included): 置顶 first on page 1, then
 * newest first. Deep pages stay fast because the offset walks only the narrow partial
 * index to find ids, then fetches the 20 rows (a deferred join).
 */
export const getColumnPage = cached(
  async (columnIds: number[], page: number): Promise<ColumnPage> => {
    const db = await getDb();
    const inColumns = inArray(articles.columnId, columnIds);
    const pinnedNow = and(isNotNull(articles.pinRank), activeUntil(articles.pinUntil))!;
    const [{ total } = { total: 0 }] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(articles)
      .where(and(publicVisibility(), inColumns, not(pinnedNow)));
    const pageCount = Math.max(1, Math.ceil(total / COLUMN_PAGE_SIZE));
    const current = Math.min(Math.max(1, page), pageCount);
    const idRows = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(publicVisibility(), inColumns, not(pinnedNow)))
      .orderBy(...newestFirst)
      .limit(COLUMN_PAGE_SIZE)
      .offset((current - 1) * COLUMN_PAGE_SIZE);
    const ids = idRows.map((r) => r.id);
    const [items, pinned] = await Promise.all([
      ids.length ? list(inArray(articles.id, ids), newestFirst, COLUMN_PAGE_SIZE) : Promise.resolve([]),
      current === 1 ? list(and(inColumns, pinnedNow)!, [asc(articles.pinRank), ...newestFirst], 10) : Promise.resolve([]),
    ]);
    return { pinned, items, total, page: current, pageCount };
  },
  'column-page',
  { tags: (ids) => ids.map(tags.column) },
);

/** A published article with everything its page prints, or null (→ 404). */
export const getPublicArticle = cached(
  async (id: number): Promise<PublicArticle | null> => {
    const db = await getDb();
    const [row] = await db
      .select({
        ...listColumns,
        subtitle: articles.subtitle,
        body: articles.body,
        author: articles.author,
        reporters: articles.reporters,
        source: articles.source,
        editorName: articles.editorName,
        teamId: articles.teamId,
        teamName: teams.name,
        creditText: articles.creditText,
        updatedAt: articles.updatedAt,
        legacyUrl: articles.legacyUrl,
      })
      .from(articles)
      .leftJoin(media, eq(media.id, articles.coverMediaId))
      .leftJoin(teams, eq(teams.id, articles.teamId))
      .where(and(eq(articles.id, id), publicVisibility()))
      .limit(1);
    if (!row) return null;
    return {
      ...toListItem(row),
      subtitle: row.subtitle,
      body: row.body,
      author: row.author,
      reporters: row.reporters,
      source: row.source,
      editorName: row.editorName,
      teamId: row.teamId,
      teamName: row.teamName,
      creditText: row.creditText,
      updatedAt: row.updatedAt.toISOString(),
      legacyUrl: row.legacyUrl,
    };
  },
  'article',
  { tags: (id) => [tags.article(id)] },
);

export interface Neighbours {
  /** 上一篇: the one published just before, in the same column. */
  prev: { id: number; title: string } | null;
  /** 下一篇: the one published just after, in the same column. */
  next: { id: number; title: string } | null;
}

export const getNeighbours = cached(
  async (id: number, columnId: number, publishedAt: string): Promise<Neighbours> => {
    const db = await getDb();
    const key = sql`(${publishedAt}::timestamptz, ${id}::int)`;
    const pick = (cmp: SQL, order: SQL[]) =>
      db
        .select({ id: articles.id, title: articles.title })
        .from(articles)
        .where(and(publicVisibility(), eq(articles.columnId, columnId), cmp))
        .orderBy(...order)
        .limit(1);
    const [prev, next] = await Promise.all([
      pick(sql`(${articles.publishedAt}, ${articles.id}) < ${key}`, newestFirst),
      pick(sql`(${articles.publishedAt}, ${articles.id}) > ${key}`, [asc(articles.publishedAt), asc(articles.id)]),
    ]);
    return { prev: prev[0] ?? null, next: next[0] ?? null };
  },
  'neighbours',
  { tags: (_id, columnId) => [tags.column(columnId)] },
);

/** Related reading: the same team's recent reports, then the column's. */
export const getRelated = cached(
  async (id: number, columnId: number, teamId: number | null, limit: number): Promise<ArticleListItem[]> => {
    const byTeam = teamId ? await list(and(eq(articles.teamId, teamId), ne(articles.id, id))!, newestFirst, limit) : [];
    if (byTeam.length >= limit) return byTeam;
    const seen = new Set(byTeam.map((a) => a.id));
    const byColumn = await list(and(eq(articles.columnId, columnId), ne(articles.id, id))!, newestFirst, limit * 2);
    return [...byTeam, ...byColumn.filter((a) => !seen.has(a.id))].slice(0, limit);
  },
  'related',
  { tags: (_id, columnId) => [tags.column(columnId)] },
);

/** 点击: read uncached-ish (a short cache) since the article page itself is cached longer. */
export const getViewCount = cached(
  async (id: number): Promise<number> => {
    const db = await getDb();
    const row = await db.query.articleStats.findFirst({ where: eq(articleStats.articleId, id) });
    return row?.views ?? 0;
  },
  'views',
  { tags: (id) => [`views:${id}`], revalidate: 30 },
);
