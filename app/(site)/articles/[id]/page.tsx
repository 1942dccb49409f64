import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Section, TitleList } from '@/components/site/article-list';
import { Breadcrumb } from '@/components/site/breadcrumb';
import { ArticleView } from '@/components/site/article-view';
import { JsonLd } from '@/components/site/json-ld';
import { m } from '@/components/site/messages';
import { rfm } from '@/components/site/reader-form-messages';
import { ShareTools } from '@/components/site/share-tools';
import { getNeighbours, getPublicArticle, getRelated, getViewCount } from '@/db/queries/articles';
import { columnAncestry, getColumns, getSiteSettings } from '@/db/queries/site';
import { articleCreators, formatByline, formatCredits } from '@/domain/byline';
import { summaryOrExcerpt } from '@/domain/rich-text';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/domain/structured-data';
import { qrDataUri } from '@/lib/qr';
import { articleModifiedAt, pageSeo, publisher } from '@/lib/seo';
import { absoluteUrl, articlePath, columnPath } from '@/lib/urls';

interface Props {
  params: Promise<{ id: string }>;
}

// Article pages are the one page readers arrive at in bursts: each is rendered once, kept in
// the full-route cache (lib/cache-handler.mjs) and expired by its tags when it changes.
// None is rendered at build time (the build has no database).
export const dynamic = 'force-static';
export const revalidate = 300;
export function generateStaticParams(): { id: string }[] {
  return [];
}

// Once per render: the metadata and the page ask together, before either is in the data cache.
const load = cache(async (rawId: string) => {
  if (!/^\d{1,9}$/.test(rawId)) return null;
  return getPublicArticle(Number(rawId));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await load((await params).id);
  if (!a) return {};
  const column = (await getColumns()).find((c) => c.id === a.columnId);
  const description = summaryOrExcerpt(a.summary, a.body, 120);
  return {
    title: a.title,
    description,
    ...(await pageSeo({
      path: articlePath(a.id),
      title: a.title,
      description,
      image: a.cover,
      article: { publishedTime: a.publishedAt, modifiedTime: articleModifiedAt(a), section: column?.name },
    })),
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load((await params).id);
  if (!article) notFound();
  const shareUrl = absoluteUrl(articlePath(article.id));
  const [settings, columns, neighbours, related, views, qr] = await Promise.all([
    getSiteSettings(),
    getColumns(),
    getNeighbours(article.id, article.columnId, article.publishedAt),
    getRelated(article.id, article.columnId, article.teamId, 6),
    getViewCount(article.id),
    qrDataUri(shareUrl),
  ]);
  const column = columns.find((c) => c.id === article.columnId);
  const trail = column ? columnAncestry(columns, column).map((c) => ({ label: c.name, href: columnPath(c.slug) })) : [];
  const byline = formatByline(settings.shortName, article.reporters);
  const credits = formatCredits({ teamName: article.teamName, creditText: article.creditText, editorName: article.editorName });
  const structuredData = [
    newsArticleJsonLd({
      url: shareUrl,
      headline: article.title,
      description: summaryOrExcerpt(article.summary, article.body, 120),
      datePublished: article.publishedAt,
      dateModified: articleModifiedAt(article),
      images: article.cover ? [absoluteUrl(article.cover.src)] : [],
      section: column?.name,
      creators: articleCreators(article),
      publisher: publisher(settings.siteName),
      inLanguage: 'zh-CN',
    }),
    breadcrumbJsonLd([
      { name: m.home, url: absoluteUrl('/') },
      ...trail.map((t) => ({ name: t.label, url: absoluteUrl(t.href) })),
      { name: article.title, url: shareUrl },
    ]),
  ];

  return (
    <div className="article-shell space-y-4">
      {structuredData.map((data) => (
        <JsonLd key={String(data['@type'])} data={data} />
      ))}
      <Breadcrumb trail={[...trail, { label: article.title }]} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-12 md:gap-6">
        <ArticleView article={article} byline={byline} credits={credits} views={views}>
          {/* Counts the view without JS and without making this page uncacheable. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/api/views/${article.id}`} alt="" width={1} height={1} className="pointer-events-none absolute h-px w-px opacity-0" aria-hidden />

          <p className="no-print mt-6 text-right text-sm text-muted">
            {rfm.reportErrorHint}
            <a href={`/report?article=${article.id}`} aria-label={rfm.reportErrorLabel} className="ml-1 inline-block rounded border border-brand px-3 py-1.5 text-brand hover:bg-brand-soft" data-testid="report-error">
              {rfm.reportError}
            </a>
          </p>

          <nav aria-label="上一篇/下一篇" className="no-print mt-8 space-y-1 border-t border-line pt-4 text-sm">
            <NeighbourLink label={m.prev} rel="prev" target={neighbours.prev} />
            <NeighbourLink label={m.next} rel="next" target={neighbours.next} />
          </nav>

          <section aria-label={m.share} className="no-print mt-6 flex flex-col gap-4 rounded bg-gray-50 p-4 sm:flex-row sm:items-center">
            {/* eslint-disable-next-line @next/next/no-img-element -- server-generated SVG */}
            <img src={qr} alt={`${m.scanToRead}:${shareUrl}`} width={112} height={112} className="h-28 w-28 self-center bg-white" />
            <div className="min-w-0 flex-1 space-y-2">
              <p className="text-sm font-medium">{m.scanToRead}</p>
              <p className="text-xs break-all text-muted">{shareUrl}</p>
              <ShareTools url={shareUrl} labels={{ copy: m.copyLink, copied: m.copied, failed: m.copyFailed, print: m.print }} />
            </div>
          </section>
        </ArticleView>
        <aside className="no-print space-y-4 md:col-span-4">
          {related.length > 0 && (
            <Section title={m.related}>
              <TitleList items={related} />
            </Section>
          )}
        </aside>
      </div>
    </div>
  );
}

function NeighbourLink({ label, rel, target }: { label: string; rel: 'prev' | 'next'; target: { id: number; title: string } | null }) {
  return (
    <p className="flex items-baseline gap-1">
      <span className="shrink-0 text-muted">{label}:</span>
      {target ? (
        <a href={`/articles/${target.id}`} rel={rel} className="py-1 hover:text-brand">
          {target.title}
        </a>
      ) : (
        <span className="py-1">{m.none}</span>
      )}
    </p>
  );
}
