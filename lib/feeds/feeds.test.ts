import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as columnFeed } from '@/app/(site)/columns/[slug]/feed.xml/route';
import { GET as siteFeed } from '@/app/feed.xml/route';
import robots from '@/app/robots';
import { GET as newsSitemap } from '@/app/sitemap-news.xml/route';
import { GET as sitemapIndex } from '@/app/sitemap.xml/route';
import { GET as sitemapFile } from '@/app/sitemaps/[file]/route';
import { articles, columns, media, pages, siteSettings } from '@/db/schema';
import { FEED_SIZE, SITEMAP_BLOCK } from '@/db/queries/feeds';
import { isPubliclyVisible } from '@/domain/visibility';
import { rt } from '@/domain/rich-text';
import { env } from '@/lib/env';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { parseXml } from '@/test/xml';

let t: TestDb;
const manifest = seedManifest();
const SITE = env().SITE_URL.replace(/\/$/, '');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

let seq = 0;
async function addArticle(columnId: number, fields: Partial<typeof articles.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(articles)
    .values({
      columnId,
      title: `订阅测试 ${++seq}`,
      body: rt.doc(rt.p('正文')),
      status: 'published',
      publishedAt: minutesAgo(seq),
      publishAt: minutesAgo(seq),
      receiptCode: `FEED${seq}X${Math.random().toString(36).slice(2, 8)}`,
      ...fields,
    })
    .returning({ id: articles.id });
  return row!.id;
}

const ids = {} as Record<
  'parentCover' | 'childAuthor' | 'childScheduledPast' | 'other' | 'draft' | 'future' | 'unpublished' | 'expired' | 'oldNews' | 'tricky',
  number
>;
let parent: { id: number; slug: string };
let cover: typeof media.$inferSelect;

beforeAll(async () => {
  t = await createTestDb('seeded');
  const [p] = await t.db.insert(columns).values({ slug: 'feed-parent', name: '订阅父栏目', description: '父栏目说明' }).returning();
  const [c] = await t.db.insert(columns).values({ slug: 'feed-child', name: '订阅子栏目', parentId: p!.id }).returning();
  const [o] = await t.db.insert(columns).values({ slug: 'feed-other', name: '订阅其他栏目' }).returning();
  parent = p!;
  cover = (await t.db.select().from(media).limit(1))[0]!;

  // Newest first: these are the newest public articles of the whole site.
  ids.parentCover = await addArticle(p!.id, {
    summary: '父栏目稿件的导语',
    coverMediaId: cover!.id,
    reporters: [
      { name: '马晓燕', role: 'reporter' },
      { name: '陈思远', role: 'correspondent' },
    ],
  });
  ids.childAuthor = await addArticle(c!.id, { author: '本网记者 丁', body: rt.doc(rt.h2('小标题'), rt.p('没有导语时,描述取正文开头。'.repeat(20))) });
  ids.childScheduledPast = await addArticle(c!.id, { status: 'scheduled' });
  ids.other = await addArticle(o!.id);
  ids.tricky = await addArticle(o!.id, { title: '标题 <b>&amp; "引号" \u0008&nbsp;</b>' });
  // Never public.
  ids.draft = await addArticle(p!.id, { status: 'draft', publishedAt: null, publishAt: null });
  ids.future = await addArticle(p!.id, { status: 'scheduled', publishAt: new Date(Date.now() + 86_400_000), publishedAt: new Date(Date.now() + 86_400_000) });
  ids.unpublished = await addArticle(p!.id, { status: 'unpublished' });
  ids.expired = await addArticle(p!.id, { unpublishAt: minutesAgo(1) });
  // Public, but too old for the news sitemap.
  ids.oldNews = await addArticle(p!.id, { publishedAt: new Date(Date.now() - 3 * 86_400_000), publishAt: new Date(Date.now() - 3 * 86_400_000) });
});
afterAll(() => t.close());

const hidden = () => [ids.draft, ids.future, ids.unpublished, ids.expired, ...Object.values(manifest.byState), manifest.expired];
const articleUrl = (id: number) => `${SITE}/articles/${id}`;
const idOf = (url: string) => Number(/\/articles\/(\d+)$/.exec(url)?.[1]);

async function read(res: Response, type: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  return parseXml(await res.text());
}

/** Every article id the visibility rule (the TypeScript one) lets readers see. */
async function publicIds(): Promise<Set<number>> {
  const rows = await t.db.select({ id: articles.id, status: articles.status, publishAt: articles.publishAt, unpublishAt: articles.unpublishAt }).from(articles);
  return new Set(rows.filter((r) => isPubliclyVisible(r)).map((r) => r.id));
}

describe('site RSS feed', () => {
  it('is RSS 2.0 with the channel fields from the site settings', async () => {
    const [settings] = await t.db.select().from(siteSettings);
    const { rss } = await read(await siteFeed(), 'application/rss+xml');
    expect(rss['@version']).toBe('2.0');
    const ch = rss.channel;
    expect(ch.title).toBe(settings!.siteName);
    expect(ch.description).toBe(settings!.slogan);
    expect(ch.link).toBe(`${SITE}/`);
    expect(ch.language).toBe('zh-CN');
    expect(ch.lastBuildDate).toMatch(RFC822);
    expect(ch['atom:link']).toMatchObject({ '@href': `${SITE}/feed.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
  });

  it('lists the 50 newest public articles, newest first, with absolute links and RFC 822 dates', async () => {
    const items = (await read(await siteFeed(), 'application/rss+xml')).rss.channel.item;
    expect(items).toHaveLength(FEED_SIZE);
    const visible = await publicIds();
    const listed = items.map((i: { link: string }) => idOf(i.link));
    for (const id of listed) expect(visible.has(id)).toBe(true);
    for (const id of hidden()) expect(listed).not.toContain(id);
    expect(listed.slice(0, 5)).toEqual([ids.parentCover, ids.childAuthor, ids.childScheduledPast, ids.other, ids.tricky]);

    const dates = items.map((i: { pubDate: string }) => i.pubDate);
    for (const d of dates) expect(d).toMatch(RFC822);
    const times = dates.map((d: string) => Date.parse(d));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const i of items) {
      expect(i.link).toMatch(new RegExp(`^${SITE}/articles/\\d+$`));
      expect(i.guid).toEqual({ '#text': i.link, '@isPermaLink': 'true' });
    }
  });

  it('gives each item its description, people, column and cover', async () => {
    const items = (await read(await siteFeed(), 'application/rss+xml')).rss.channel.item;
    const byId = new Map(items.map((i: { link: string }) => [idOf(i.link), i]));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const withCover = byId.get(ids.parentCover) as any;
    expect(withCover.description).toBe('父栏目稿件的导语');
    expect(withCover['dc:creator']).toEqual(['马晓燕', '陈思远']);
    expect(withCover.category).toEqual(['订阅父栏目']);
    expect(withCover.enclosure).toEqual({ '@url': `${SITE}/media/${cover.storageKey}`, '@length': String(cover.bytes), '@type': cover.mime });
    expect(withCover['media:content']).toMatchObject({ '@url': `${SITE}/media/${cover.storageKey}`, '@medium': 'image', '@width': String(cover.width) });
    expect(new Date(withCover.pubDate).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const noSummary = byId.get(ids.childAuthor) as any;
    expect(noSummary['dc:creator']).toEqual(['本网记者 丁']);
    expect(noSummary.description.startsWith('小标题 没有导语时,描述取正文开头。')).toBe(true);
    expect(Array.from(noSummary.description as string)).toHaveLength(201); // 200 characters and the ellipsis
    expect(noSummary.enclosure).toBeUndefined();
    expect(noSummary.category).toEqual(['订阅子栏目']);
  });

  it('escapes markup in titles and drops characters XML cannot carry', async () => {
    const items = (await read(await siteFeed(), 'application/rss+xml')).rss.channel.item;
    const tricky = items.find((i: { link: string }) => idOf(i.link) === ids.tricky);
    expect(tricky.title).toBe('标题 <b>&amp; "引号" &nbsp;</b>');
  });
});

describe('column RSS feed', () => {
  const get = (slug: string) => columnFeed(new Request(`${SITE}/columns/${slug}/feed.xml`), { params: Promise.resolve({ slug }) });

  it("lists only the column's and its sub-columns' public articles", async () => {
    const { rss } = await read(await get(parent.slug), 'application/rss+xml');
    expect(rss.channel.title).toBe('订阅父栏目 - 民生网');
    expect(rss.channel.description).toBe('父栏目说明');
    expect(rss.channel.link).toBe(`${SITE}/columns/feed-parent`);
    expect(rss.channel['atom:link']['@href']).toBe(`${SITE}/columns/feed-parent/feed.xml`);
    const listed = rss.channel.item.map((i: { link: string }) => idOf(i.link));
    expect(listed).toEqual([ids.parentCover, ids.childAuthor, ids.childScheduledPast, ids.oldNews]);
  });

  it('is 404 for an unknown column', async () => {
    expect((await get('no-such-column')).status).toBe(404);
  });

  it('reads a seeded column with sub-columns the same way its page does', async () => {
    const items = (await read(await get('xiangcun'), 'application/rss+xml')).rss.channel.item;
    const cols = await t.db.select({ id: columns.id, slug: columns.slug }).from(columns);
    const allowed = new Set(cols.filter((c) => c.slug.startsWith('xiangcun')).map((c) => c.id));
    const rows = await t.db.select({ id: articles.id, columnId: articles.columnId }).from(articles);
    const columnOf = new Map(rows.map((r) => [r.id, r.columnId]));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(allowed.has(columnOf.get(idOf(i.link))!)).toBe(true);
    expect(new Set(items.map((i: { category: string[] }) => i.category[0]))).toContain('产业发展');
  });
});

describe('sitemaps', () => {
  const file = (name: string) => sitemapFile(new Request(`${SITE}/sitemaps/${name}`), { params: Promise.resolve({ file: name }) });

  it('index lists the site sitemap, each non-empty block of article ids and the news sitemap', async () => {
    // An article far beyond the first block: block 3 appears, the empty block 2 does not.
    await t.db.execute(sql`select setval(pg_get_serial_sequence('articles', 'id'), ${2 * SITEMAP_BLOCK + 4}::int)`);
    const far = await addArticle(parent.id, { title: '远处的稿件' });
    expect(far).toBeGreaterThan(2 * SITEMAP_BLOCK);

    const { sitemapindex } = await read(await sitemapIndex(), 'application/xml');
    expect(sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toEqual([`${SITE}/sitemaps/site.xml`, `${SITE}/sitemaps/articles-1.xml`, `${SITE}/sitemaps/articles-3.xml`, `${SITE}/sitemap-news.xml`]);
    for (const s of sitemapindex.sitemap) expect(Number.isNaN(Date.parse(s.lastmod))).toBe(false);

    // Together the article sitemaps list exactly the public articles, each once.
    const listed: number[] = [];
    for (const loc of locs.filter((l: string) => l.includes('/sitemaps/articles-'))) {
      const { urlset } = await read(await file(loc.split('/').pop()!), 'application/xml');
      expect(urlset.url.length).toBeLessThanOrEqual(50_000);
      for (const u of urlset.url) {
        expect(u.loc).toMatch(new RegExp(`^${SITE}/articles/\\d+$`));
        listed.push(idOf(u.loc));
      }
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(await publicIds());
    for (const id of hidden()) expect(listed).not.toContain(id);
    expect(listed).toContain(far);

    expect((await file('articles-2.xml')).status).toBe(404);
    expect((await file('articles-0.xml')).status).toBe(404);
    expect((await file('../etc/passwd')).status).toBe(404);
  });

  it("gives an article its last change as lastmod (a scheduled one's is when it went public)", async () => {
    const { urlset } = await read(await file('articles-1.xml'), 'application/xml');
    const [row] = await t.db.select().from(articles).where(eq(articles.id, ids.parentCover));
    const entry = urlset.url.find((u: { loc: string }) => u.loc === articleUrl(ids.parentCover));
    const expected = Math.max(row!.updatedAt.getTime(), row!.publishedAt!.getTime());
    expect(Date.parse(entry.lastmod)).toBe(Math.floor(expected / 1000) * 1000);
  });

  it('site sitemap lists home, every column and every static page', async () => {
    const { urlset } = await read(await file('site.xml'), 'application/xml');
    const locs: string[] = urlset.url.map((u: { loc: string }) => u.loc);
    const cols = await t.db.select({ slug: columns.slug }).from(columns);
    const pgs = await t.db.select({ slug: pages.slug }).from(pages);
    expect(new Set(locs)).toEqual(new Set([`${SITE}/`, ...cols.map((c) => `${SITE}/columns/${c.slug}`), ...pgs.map((p) => `${SITE}/pages/${p.slug}`)]));
    expect(locs[0]).toBe(`${SITE}/`);
    // A parent column changes when its sub-column does.
    const parentEntry = urlset.url.find((u: { loc: string }) => u.loc === `${SITE}/columns/feed-parent`);
    const childEntry = urlset.url.find((u: { loc: string }) => u.loc === `${SITE}/columns/feed-child`);
    expect(Date.parse(parentEntry.lastmod)).toBeGreaterThanOrEqual(Date.parse(childEntry.lastmod));
  });

  it('news sitemap has only the public articles of the last two days, in the news namespace', async () => {
    const { urlset } = await read(await newsSitemap(), 'application/xml');
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const listed = urlset.url.map((u: { loc: string }) => idOf(u.loc));
    expect(listed).toEqual(expect.arrayContaining([ids.parentCover, ids.childAuthor, ids.childScheduledPast, ids.other, manifest.scheduledPast]));
    expect(listed).not.toContain(ids.oldNews);
    for (const id of hidden()) expect(listed).not.toContain(id);
    const visible = await publicIds();
    const titles = new Map((await t.db.select({ id: articles.id, title: articles.title }).from(articles)).map((r) => [r.id, r.title]));
    for (const u of urlset.url) {
      const news = u['news:news'];
      expect(news['news:publication']).toEqual({ 'news:name': '民生网', 'news:language': 'zh-cn' });
      const published = Date.parse(news['news:publication_date']);
      expect(published).toBeGreaterThan(Date.now() - 48 * 3_600_000);
      expect(published).toBeLessThanOrEqual(Date.now());
      expect(visible.has(idOf(u.loc))).toBe(true);
      expect(news['news:title']).toBe(titles.get(idOf(u.loc))!.replace('\u0008', ''));
    }
  });
});

describe('robots.txt', () => {
  it('keeps crawlers out of the newsroom and points them at the sitemaps', () => {
    const r = robots();
    const rules = Array.isArray(r.rules) ? r.rules : [r.rules];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.userAgent).toBe('*');
    expect(rules[0]!.allow).toBe('/');
    expect(rules[0]!.disallow).toEqual(expect.arrayContaining(['/dashboard', '/api/', '/login', '/preview/', '/serwist/']));
    expect(r.sitemap).toEqual([`${SITE}/sitemap.xml`, `${SITE}/sitemap-news.xml`]);
  });
});
