import 'server-only';
import { notFound } from 'next/navigation';
import { getEditableArticle, refOf } from '@/db/queries/newsroom';
import { can, type Principal } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';

/** The article behind a dashboard URL, or the 404 page when it is missing or not theirs to see. */
export async function loadArticleFor(rawId: string, path: (id: number) => string): Promise<{ p: Principal; a: NonNullable<Awaited<ReturnType<typeof getEditableArticle>>> }> {
  const id = /^\d{1,9}$/.test(rawId) ? Number(rawId) : 0;
  const p = await requirePrincipal(path(id || 0));
  const a = id ? await getEditableArticle(id) : null;
  if (!a || !can(p, 'article.view', refOf(a))) notFound();
  return { p, a };
}
