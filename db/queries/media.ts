import 'server-only';
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { articles, columns, media, users, type Media } from '@/db/schema';
import { mediaUrl, thumbnailSrc, type MediaPage, type MediaSummary } from '@/domain/media';
import { can, isStaff, type MediaRef, type Principal } from '@/domain/permissions';
import type { ArticleStatus } from '@/domain/workflow';
import { visibleTo } from './newsroom';

// Media library reads. Every function filters by what the person may see, so a foreign
// photo looks the same as a missing one.

export const MEDIA_PAGE_SIZE = 24;

/** Photos this person may see, as SQL (mirrors `can(p, 'media.view', ref)`). */
function mediaVisibleTo(p: Principal): SQL {
  if (!can(p, 'media.view')) return sql`false`;
  if (isStaff(p)) return sql`true`;
  if (p.teamId == null) return sql`false`;
  return sql`${media.uploadedBy} in (select ${users.id} from ${users} where ${users.teamId} = ${p.teamId})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function toSummary(m: Pick<Media, 'id' | 'storageKey' | 'variants' | 'width' | 'height' | 'bytes' | 'caption' | 'alt' | 'createdAt'>): MediaSummary {
  return {
    id: m.id,
    src: mediaUrl(m.storageKey),
    thumbSrc: thumbnailSrc(m.storageKey, m.variants),
    width: m.width,
    height: m.height,
    bytes: m.bytes,
    caption: m.caption,
    alt: m.alt,
    createdAt: m.createdAt.toISOString(),
  };
}

const summaryColumns = {
  id: media.id,
  storageKey: media.storageKey,
  variants: media.variants,
  width: media.width,
  height: media.height,
  bytes: media.bytes,
  caption: media.caption,
  alt: media.alt,
  createdAt: media.createdAt,
};

/** Newest first; `q` matches a substring of the caption or the alt text. */
export async function listMedia(p: Principal, f: { q?: string; page?: number }): Promise<MediaPage> {
  const db = await getDb();
  const parts: SQL[] = [mediaVisibleTo(p)];
  const q = f.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    parts.push(or(ilike(media.caption, pattern), ilike(media.alt, pattern))!);
  }
  const where = and(...parts)!;
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const [rows, totals] = await Promise.all([
    db
      .select(summaryColumns)
      .from(media)
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(MEDIA_PAGE_SIZE)
      .offset((page - 1) * MEDIA_PAGE_SIZE),
    db.select({ total: count() }).from(media).where(where),
  ]);
  return { items: rows.map(toSummary), total: totals[0]?.total ?? 0, page, pageSize: MEDIA_PAGE_SIZE };
}

export interface MediaDetail extends MediaSummary {
  uploaderName: string | null;
  /** For `can(p, 'media.edit', ref)`. */
  ref: MediaRef;
}

/** One photo with its uploader, or null when it is missing or not this person's to see. */
export async function getMediaFor(p: Principal, id: number): Promise<MediaDetail | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...summaryColumns, uploaderName: users.displayName, uploaderTeamId: users.teamId })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(and(eq(media.id, id), mediaVisibleTo(p)))
    .limit(1);
  if (!row) return null;
  return { ...toSummary(row), uploaderName: row.uploaderName, ref: { uploaderTeamId: row.uploaderTeamId } };
}

export interface MediaUse {
  id: number;
  title: string;
  status: ArticleStatus;
  reviewStage: number;
  stages: number;
}

/**
 * Written exactly as the GIN expression index of migration 0003, so the planner can use it
 * to find bodies with an image block of this photo.
 */
export const bodyUsesMedia = (id: number) =>
  sql`jsonb_path_query_array(${articles.body}, '$.content[*] ? (@.type == "image").attrs.mediaId') @> to_jsonb(${id}::integer)`;

/** Articles (that this person may see) with the photo in their body or as their cover. */
export async function mediaUsage(p: Principal, id: number): Promise<MediaUse[]> {
  const db = await getDb();
  return db
    .select({ id: articles.id, title: articles.title, status: articles.status, reviewStage: articles.reviewStage, stages: columns.reviewStages })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(or(bodyUsesMedia(id), eq(articles.coverMediaId, id)), visibleTo(p)))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(200);
}

/** What a change to a photo needs: its text now and the rule's view of it; `lock` inside a transaction. */
export async function getMediaRef(id: number, db: DbOrTx, lock = false) {
  const q = db
    .select({ id: media.id, caption: media.caption, alt: media.alt, uploaderTeamId: users.teamId })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(eq(media.id, id))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: media }) : await q;
  return row ?? null;
}

/** Public articles showing the photo as their cover (list pages show its alt text). */
export async function publicCoverUses(id: number, db: DbOrTx): Promise<{ id: number; columnId: number }[]> {
  return db
    .select({ id: articles.id, columnId: articles.columnId })
    .from(articles)
    .where(and(eq(articles.coverMediaId, id), sql`${articles.status} in ('published', 'scheduled')`));
}
