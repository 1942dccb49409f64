import { listFieldArticles } from '@/db/queries/newsroom';
import { jsonRoute } from '@/lib/route';
import { syncFieldDraft } from '@/services/articles/field';
import { requireRole } from '@/services/articles/shared';

/** The field app: the person's own recent reports (GET), and saving a phone's draft (POST). */
export const GET = jsonRoute(async (p) => {
  const user = requireRole(p, 'article.create');
  return { articles: await listFieldArticles(user), tags: [] };
});

export const POST = jsonRoute(syncFieldDraft);
