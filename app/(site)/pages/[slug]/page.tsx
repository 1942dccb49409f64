import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { m } from '@/components/site/messages';
import { RichText } from '@/components/site/rich-text';
import { getPage } from '@/db/queries/site';
import { formatDate } from '@/domain/format';
import { docText, excerpt } from '@/domain/rich-text';
import { pageSeo } from '@/lib/seo';

interface Props {
  params: Promise<{ slug: string }>;
}

const validSlug = (s: string) => /^[a-z0-9-]{1,64}$/.test(s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = validSlug(slug) ? await getPage(slug) : null;
  if (!page) return {};
  const description = excerpt(docText(page.body), 120);
  return { title: page.title, description, ...(await pageSeo({ path: `/pages/${page.slug}`, title: page.title, description })) };
}

export default async function StaticPage({ params }: Props) {
  const { slug } = await params;
  const page = validSlug(slug) ? await getPage(slug) : null;
  if (!page) notFound();
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ label: page.title }]} />
      <article className="mx-auto max-w-3xl rounded bg-white px-4 py-6 shadow-sm md:px-10 md:py-10">
        <h1 className="mb-6 border-b-2 border-brand pb-3 text-2xl font-bold">{page.title}</h1>
        <RichText doc={page.body} />
        <p className="mt-8 text-right text-xs text-muted">
          {m.lastUpdated}:{formatDate(page.updatedAt)}
        </p>
      </article>
    </div>
  );
}
