import type { Metadata } from 'next';
import { ReaderForm } from '@/components/site/reader-form';
import { rfm } from '@/components/site/reader-form-messages';
import { ReaderFormPage } from '@/components/site/reader-form-page';
import { getPublicArticle } from '@/db/queries/articles';
import { issueFormToken } from '@/lib/form-token';
import { pageSeo } from '@/lib/seo';
import { submitReaderMessageAction } from './actions';

// Rendered per visit, never from a cache: the form carries a token signed with the time of
// this visit (the minimum fill time counts from it), and the page after sending shows one
// reader's receipt number. The article lookup itself is a cached read.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?article=<id>` of a public article makes this the 挑错 form for it; anything else is ignored. */
async function attachedArticle(sp: Record<string, string | string[] | undefined>) {
  const raw = sp.article;
  if (raw === undefined) return { article: null, asked: false };
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const a = id ? await getPublicArticle(id) : null;
  return { article: a ? { id: a.id, title: a.title } : null, asked: true };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { article } = await attachedArticle(await searchParams);
  const kind = article ? 'correction' : 'tip';
  const title = article ? `${rfm.title('correction')}:${article.title}` : rfm.title('tip');
  return { title, description: rfm.description[kind], ...(await pageSeo({ path: '/report', title, description: rfm.description[kind] })) };
}

export default async function ReportPage({ searchParams }: Props) {
  const { article, asked } = await attachedArticle(await searchParams);
  const kind = article ? 'correction' : 'tip';
  return (
    <ReaderFormPage kind={kind} notice={asked && !article ? rfm.articleNotFound : undefined}>
      <ReaderForm kind={kind} token={issueFormToken(kind)} article={article} action={submitReaderMessageAction} />
    </ReaderFormPage>
  );
}
