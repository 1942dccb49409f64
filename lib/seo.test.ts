import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateMetadata as articleMetadata } from '@/app/(site)/articles/[id]/page';
import { generateMetadata as columnMetadata } from '@/app/(site)/columns/[slug]/page';
import { generateMetadata as layoutMetadata } from '@/app/(site)/layout';
import { generateMetadata as homeMetadata } from '@/app/(site)/page';
import { generateMetadata as staticPageMetadata } from '@/app/(site)/pages/[slug]/page';
import { articles, media, pages } from '@/db/schema';
import { env } from '@/lib/env';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';

// Layouts mark themselves per-request with connection(), which needs a request scope; these
// tests call the metadata functions directly.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => undefined }));

let t: TestDb;
const manifest = seedManifest();
const SITE = env().SITE_URL.replace(/\/$/, '');
const FEED = { title: '民生网', url: `${SITE}/feed.xml` };

beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const rssLinks = (m: Metadata) => m.alternates?.types?.['application/rss+xml'];
// Next's types allow many shapes; these pages always give the object forms.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const og = (m: Metadata) => m.openGraph as any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const tw = (m: Metadata) => m.twitter as any;

describe('canonical URLs and feed links', () => {
  it('every public page announces the site feed through the (site) layout', async () => {
    const m = await layoutMetadata();
    expect(rssLinks(m)).toEqual([FEED]);
    expect(og(m)).toMatchObject({ siteName: '民生网', locale: 'zh_CN', type: 'website' });
  });

  it('home: canonical /, site feed, website card', async () => {
    const m = await homeMetadata();
    expect(m.alternates?.canonical).toBe(`${SITE}/`);
    expect(rssLinks(m)).toEqual([FEED]);
    expect(og(m)).toMatchObject({ type: 'website', url: `${SITE}/`, siteName: '民生网', locale: 'zh_CN', title: '民生网' });
    expect(og(m).images[0].url).toBe(`${SITE}/icons/field-512.png`);
    expect(tw(m).card).toBe('summary');
  });

  it('column: page 1 without ?page, page N with it; its own feed first', async () => {
    const props = (page?: string) => ({ params: Promise.resolve({ slug: 'xiangcun' }), searchParams: Promise.resolve(page ? { page } : {}) });
    const first = await columnMetadata(props());
    expect(first.alternates?.canonical).toBe(`${SITE}/columns/xiangcun`);
    expect((await columnMetadata(props('1'))).alternates?.canonical).toBe(`${SITE}/columns/xiangcun`);
    const third = await columnMetadata(props('3'));
    expect(third.alternates?.canonical).toBe(`${SITE}/columns/xiangcun?page=3`);
    expect(og(third).url).toBe(`${SITE}/columns/xiangcun?page=3`);
    expect(third.title).toBe('乡村振兴(第3页)');
    expect(rssLinks(first)).toEqual([{ title: '乡村振兴 - 民生网', url: `${SITE}/columns/xiangcun/feed.xml` }, FEED]);
    expect(og(first)).toMatchObject({ type: 'website', title: '乡村振兴', siteName: '民生网', locale: 'zh_CN' });
    expect(await columnMetadata({ params: Promise.resolve({ slug: 'nope' }), searchParams: Promise.resolve({}) })).toEqual({});
  });

  it('static page: canonical /pages/<slug> and a description from its text', async () => {
    const [page] = await t.db.select().from(pages).limit(1);
    const m = await staticPageMetadata({ params: Promise.resolve({ slug: page!.slug }) });
    expect(m.alternates?.canonical).toBe(`${SITE}/pages/${page!.slug}`);
    expect(m.description).toBeTruthy();
    expect(rssLinks(m)).toEqual([FEED]);
  });
});

describe('article link previews', () => {
  it('an article with a cover: og:type article, absolute image with size and alt, large Twitter card', async () => {
    const id = manifest.withTeam;
    const [a] = await t.db.select().from(articles).where(eq(articles.id, id));
    const [cover] = await t.db.select().from(media).where(eq(media.id, a!.coverMediaId!));
    const m = await articleMetadata({ params: Promise.resolve({ id: String(id) }) });
    const url = `${SITE}/articles/${id}`;
    expect(m.alternates?.canonical).toBe(url);
    expect(og(m)).toMatchObject({
      type: 'article',
      title: a!.title,
      url,
      siteName: '民生网',
      locale: 'zh_CN',
      publishedTime: a!.publishedAt!.toISOString(),
      section: expect.any(String),
    });
    expect(og(m).description).toBe(m.description);
    expect(Date.parse(og(m).modifiedTime)).toBeGreaterThanOrEqual(a!.publishedAt!.getTime());
    expect(og(m).images).toEqual([{ url: `${SITE}/media/${cover!.storageKey}`, width: cover!.width, height: cover!.height, alt: expect.any(String) }]);
    expect(og(m).images[0].alt).not.toBe('');
    expect(tw(m)).toMatchObject({ card: 'summary_large_image', title: a!.title });
    expect(tw(m).images[0].url).toBe(`${SITE}/media/${cover!.storageKey}`);
  });

  it('an article without a cover gets the small card and the site logo', async () => {
    await t.db.update(articles).set({ coverMediaId: null }).where(eq(articles.id, manifest.published[3]!));
    const m = await articleMetadata({ params: Promise.resolve({ id: String(manifest.published[3]) }) });
    expect(tw(m).card).toBe('summary');
    expect(og(m).images[0].url).toBe(`${SITE}/icons/field-512.png`);
  });

  it('a draft has no metadata (its page is a 404)', async () => {
    expect(await articleMetadata({ params: Promise.resolve({ id: String(manifest.byState.draft) }) })).toEqual({});
  });
});
