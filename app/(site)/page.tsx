import type { Metadata } from 'next';
import { MostReadAside, Section, TitleList } from '@/components/site/article-list';
import { m } from '@/components/site/messages';
import { Slides } from '@/components/site/slides';
import { getColumnLatest, getHomeFeatures, getLatest, getMostRead } from '@/db/queries/articles';
import { columnSubtreeIds, getColumns, getSiteSettings } from '@/db/queries/site';
import { pageSeo } from '@/lib/seo';

export async function generateMetadata(): Promise<Metadata> {
  const s = await getSiteSettings();
  return {
    title: { absolute: s.siteName },
    description: s.slogan,
    ...(await pageSeo({ path: '/', title: s.siteName, description: s.slogan })),
  };
}

export default async function HomePage() {
  const [features, latest, mostRead, columns] = await Promise.all([getHomeFeatures(), getLatest(10), getMostRead(10), getColumns()]);
  const homeColumns = columns.filter((c) => c.showOnHome && c.parentId == null);
  const blocks = await Promise.all(homeColumns.map((c) => getColumnLatest(columnSubtreeIds(columns, c.id), 6)));
  const { headline } = features;

  return (
    <div className="space-y-4 md:space-y-6">
      {headline && (
        <section aria-label={m.headline} className="rounded bg-white px-4 py-5 text-center shadow-sm md:py-7">
          <h1 className="font-serif text-2xl leading-snug font-bold text-brand md:text-[2rem]">
            <a href={`/articles/${headline.id}`} className="hover:underline">
              {headline.title}
            </a>
          </h1>
          {headline.summary && <p className="mx-auto mt-3 max-w-3xl text-left text-sm text-muted md:text-center md:text-base">{headline.summary}</p>}
        </section>
      )}

      <div className="grid grid-cols-1 gap-4 md:grid-cols-12 md:gap-6">
        <div className="md:col-span-7">
          <Slides items={features.slides} label={m.slides} />
        </div>
        <Section title={features.recommended.length ? m.recommended : m.latest} className="md:col-span-5">
          <TitleList items={features.recommended.length ? features.recommended : latest.slice(0, 8)} />
        </Section>
      </div>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-12 md:gap-6">
        <Section title={m.latest} className="md:col-span-8">
          <TitleList items={latest} />
        </Section>
        <MostReadAside items={mostRead} />
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 md:gap-6 lg:grid-cols-3">
        {homeColumns.map((c, i) => (
          <Section key={c.id} title={c.name} href={`/columns/${c.slug}`}>
            {blocks[i]!.length ? <TitleList items={blocks[i]!} /> : <p className="py-3 text-sm text-muted">{m.noArticles}</p>}
          </Section>
        ))}
      </div>
    </div>
  );
}
