import { getDb } from '@/db';
import { getRevisionByVersion } from '@/db/queries/newsroom';
import { AppError } from '@/domain/errors';
import { restoreSchema } from '@/domain/article-input';
import type { Reporter } from '@/domain/byline';
import type { Principal } from '@/domain/permissions';
import { requireRole } from './shared';
import { saveArticle, type SaveResult } from './save';

/** Makes an old revision the current text again, as a new save (the history stays whole). */
export async function restoreRevision(p: Principal | null, raw: unknown): Promise<SaveResult> {
  const user = requireRole(p, 'article.edit');
  const input = restoreSchema.parse(raw);
  const db = await getDb();
  const rev = await getRevisionByVersion(input.id, input.fromVersion, db);
  if (!rev) throw new AppError('NOT_FOUND', '没有找到这个版本。');
  const meta = rev.meta as { columnId?: number; author?: string; reporters?: Reporter[]; source?: string; coverMediaId?: number | null };
  // saveArticle checks that this person may edit the article and that `version` is current.
  return saveArticle(user, {
    id: input.id,
    version: input.version,
    title: rev.title,
    subtitle: rev.subtitle,
    summary: rev.summary,
    body: rev.body,
    columnId: meta.columnId,
    author: meta.author ?? '',
    reporters: meta.reporters ?? [],
    source: meta.source ?? '',
    coverMediaId: meta.coverMediaId ?? null,
  });
}
