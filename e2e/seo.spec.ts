import type { APIRequestContext, Page } from '@playwright/test';
import { parseXml } from '../test/xml';
import { DashboardArticle } from './pages/dashboard';
import { expect, loginAs, manifest, test } from './fixtures';

/**
 * What search engines, feed readers and link previews get: structured data, meta tags and
 * canonical links of an article page, and the feeds, sitemaps and robots.txt — each read
 * with a real parser (JSON.parse; the browser's strict XML parser, then fast-xml-parser).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Parses with Chromium's XML parser (strict: undefined entities, bad characters fail), then into objects. */
async function fetchXml(page: Page, request: APIRequestContext, url: string, type: string): Promise<Json> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()['content-type']).toBe(`${type}; charset=utf-8`);
  const text = await res.text();
  const error = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
  }, text);
  expect(error, `${url} is well-formed XML`).toBeNull();
  return parseXml(text);
}

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');

test('an article page carries structured data, link-preview tags and its canonical URL', async ({ page, request, baseURL }) => {
  const id = manifest().withTeam;
  const url = `${baseURL}/articles/${id}`;
  expect((await page.goto(`/articles/${id}`))?.status()).toBe(200);
  const title = (await page.locator('article h1').textContent())!.trim();

  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(feeds).toHaveCount(1);
  await expect(feeds).toHaveAttribute('href', `${baseURL}/feed.xml`);

  const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t) as Json);
  const article = blocks.find((b) => b['@type'] === 'NewsArticle');
  const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
  expect(article, 'NewsArticle JSON-LD').toBeTruthy();
  expect(crumbs, 'BreadcrumbList JSON-LD').toBeTruthy();

  expect(article['@context']).toBe('https://schema.org');
  expect(article.headline).toBe(title);
  expect(article.description).toBeTruthy();
  expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
  expect(article.inLanguage).toBe('zh-CN');
  expect(Date.parse(article.dateModified)).toBeGreaterThanOrEqual(Date.parse(article.datePublished));
  expect(article.author.length).toBeGreaterThan(0);
  for (const a of article.author) {
    expect(['Person', 'Organization']).toContain(a['@type']);
    expect(a.name).toBeTruthy();
  }
  expect(article.publisher).toMatchObject({ '@type': 'Organization', name: '民生网' });
  expect(article.image.length).toBeGreaterThan(0);
  for (const src of [...article.image, article.publisher.logo.url]) {
    expect(src.startsWith(`${baseURL}/`), src).toBe(true);
    const img = await request.get(src);
    expect(img.status(), src).toBe(200);
    expect(img.headers()['content-type']).toMatch(/^image\//);
  }

  const trail = crumbs.itemListElement;
  expect(trail[0]).toMatchObject({ position: 1, name: '首页', item: `${baseURL}/` });
  expect(trail.at(-1)).toMatchObject({ position: trail.length, name: title, item: url });
  const columnCrumb = page.getByRole('navigation', { name: '当前位置' }).getByRole('link').last();
  expect(article.articleSection).toBe((await columnCrumb.textContent())!.trim());
  expect(trail.at(-2).item).toBe(new URL((await columnCrumb.getAttribute('href'))!, baseURL).toString());

  expect(await meta(page, 'og:type')).toBe('article');
  expect(await meta(page, 'og:title')).toBe(title);
  expect(await meta(page, 'og:description')).toBe(article.description);
  expect(await meta(page, 'og:url')).toBe(url);
  expect(await meta(page, 'og:site_name')).toBe('民生网');
  expect(await meta(page, 'og:locale')).toBe('zh_CN');
  expect(await meta(page, 'og:image')).toBe(article.image[0]);
  expect(Number(await meta(page, 'og:image:width'))).toBeGreaterThan(0);
  expect(Number(await meta(page, 'og:image:height'))).toBeGreaterThan(0);
  expect(await meta(page, 'og:image:alt')).toBeTruthy();
  expect(await meta(page, 'article:published_time')).toBe(article.datePublished);
  expect(await meta(page, 'article:modified_time')).toBe(article.dateModified);
  expect(await meta(page, 'article:section')).toBe(article.articleSection);
  expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
  expect(await meta(page, 'twitter:title')).toBe(title);
  expect(await meta(page, 'twitter:image')).toBe(article.image[0]);
});

test('column pages: canonical without ?page=1, with ?page=N deeper, and the column feed', async ({ page, baseURL }) => {
  await page.goto('/columns/xiangcun?page=1');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/columns/xiangcun`);
  const feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(feeds).toHaveCount(2);
  await expect(feeds.first()).toHaveAttribute('href', `${baseURL}/columns/xiangcun/feed.xml`);
  await expect(feeds.first()).toHaveAttribute('title', '乡村振兴 - 民生网');
  expect(await meta(page, 'og:type')).toBe('website');

  await page.goto('/columns/xiangcun?page=2');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/columns/xiangcun?page=2`);
  await page.goto('/');
  // Next writes the root URL without its slash: the same URL.
  expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).href).toBe(`${baseURL}/`);
});

test('feeds, sitemaps and robots.txt parse and list only public URLs', async ({ page, request, baseURL }) => {
  const m = manifest();
  const hidden = [...Object.values(m.byState), m.expired].map((id) => `${baseURL}/articles/${id}`);

  const { rss } = await fetchXml(page, request, '/feed.xml', 'application/rss+xml');
  expect(rss.channel.title).toBe('民生网');
  expect(rss.channel.language).toBe('zh-CN');
  expect(rss.channel['atom:link']['@href']).toBe(`${baseURL}/feed.xml`);
  const items = rss.channel.item;
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(50);
  for (const it of items) {
    expect(it.link.startsWith(`${baseURL}/articles/`)).toBe(true);
    expect(new Date(it.pubDate).toUTCString()).toBe(it.pubDate);
    expect(hidden).not.toContain(it.link);
  }
  expect((await request.get(items[0].link)).status()).toBe(200);

  const column = await fetchXml(page, request, '/columns/xiangcun/feed.xml', 'application/rss+xml');
  expect(column.rss.channel.title).toBe('乡村振兴 - 民生网');
  for (const it of column.rss.channel.item) expect(['乡村振兴', '产业发展', '人居环境']).toContain(it.category[0]);

  const { sitemapindex } = await fetchXml(page, request, '/sitemap.xml', 'application/xml');
  const children: string[] = sitemapindex.sitemap.map((s: Json) => s.loc);
  expect(children).toContain(`${baseURL}/sitemaps/site.xml`);
  expect(children).toContain(`${baseURL}/sitemap-news.xml`);
  const urls: string[] = [];
  for (const child of children.filter((c) => c !== `${baseURL}/sitemap-news.xml`)) {
    const { urlset } = await fetchXml(page, request, child, 'application/xml');
    urls.push(...urlset.url.map((u: Json) => u.loc));
  }
  expect(urls).toContain(`${baseURL}/`);
  expect(urls).toContain(`${baseURL}/columns/xiangcun`);
  expect(urls).toContain(`${baseURL}/pages/about`);
  expect(urls).toContain(`${baseURL}/articles/${m.withTeam}`);
  expect(urls).toContain(`${baseURL}/articles/${m.scheduledPast}`);
  for (const h of hidden) expect(urls).not.toContain(h);

  const news = await fetchXml(page, request, '/sitemap-news.xml', 'application/xml');
  expect(news.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  const newsUrls = news.urlset.url.map((u: Json) => u.loc);
  expect(newsUrls).toContain(`${baseURL}/articles/${m.scheduledPast}`);
  for (const h of hidden) expect(newsUrls).not.toContain(h);
  for (const u of news.urlset.url) {
    expect(u['news:news']['news:publication']['news:name']).toBe('民生网');
    expect(Date.parse(u['news:news']['news:publication_date'])).toBeGreaterThan(Date.now() - 48 * 3_600_000);
  }

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const lines = (await robots.text()).split('\n').map((l) => l.trim()).filter(Boolean);
  const field = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());
  expect(field('User-Agent')).toEqual(['*']);
  expect(field('Disallow')).toEqual(expect.arrayContaining(['/dashboard', '/api/', '/login', '/preview/', '/serwist/']));
  expect(field('Sitemap')).toEqual([`${baseURL}/sitemap.xml`, `${baseURL}/sitemap-news.xml`]);
});

test('unpublishing an article takes it out of its column feed and the sitemaps at once', async ({ page, request, baseURL }) => {
  const m = manifest();
  const feed = async () => (await fetchXml(page, request, '/columns/tongzhi/feed.xml', 'application/rss+xml')).rss.channel.item?.map((i: Json) => i.link) ?? [];
  const sitemapUrls = async () => {
    const { sitemapindex } = await fetchXml(page, request, '/sitemap.xml', 'application/xml');
    const urls: string[] = [];
    for (const s of sitemapindex.sitemap.filter((s: Json) => s.loc.includes('/sitemaps/articles-'))) {
      urls.push(...(await fetchXml(page, request, s.loc, 'application/xml')).urlset.url.map((u: Json) => u.loc));
    }
    return urls;
  };
  // The column's oldest listed article: no other test reads it. Both reads are now cached.
  const before = await feed();
  const url = before.at(-1)!;
  const id = Number(url.split('/').pop());
  expect([m.withTeam, m.scheduledPast, m.published[40], m.published[41]]).not.toContain(id);
  expect(await sitemapUrls()).toContain(url);

  await loginAs(page, 'editor');
  await page.goto(`/dashboard/articles/${id}`);
  const article = new DashboardArticle(page);
  await article.act('撤稿', '测试撤稿');
  await article.expectStatus('已撤稿');

  expect(await feed()).not.toContain(url);
  expect(await sitemapUrls()).not.toContain(url);
  expect((await request.get(`${baseURL}/articles/${id}`)).status()).toBe(404);
});
