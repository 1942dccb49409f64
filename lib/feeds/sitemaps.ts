import 'server-only';
import {
  getArticleSitemapBlock,
  getArticleSitemapBlocks,
  getColumnsLastModified,
  getNewsSitemapItems,
  getPageEntries,
} from '@/db/queries/feeds';
import { columnSubtreeIds, getColumns, getSiteSettings } from '@/db/queries/site';
import {
  absoluteUrl,
  articlePath,
  articleSitemapPath,
  columnPath,
  NEWS_SITEMAP_PATH,
  pagePath,
  SITE_SITEMAP_PATH,
} from '@/lib/urls';
import { notFoundResponse, w3cDate, XML_TYPE, xmlResponse, type XmlElement } from './xml';

/**
 * Sitemaps as route handlers rather than Next's `sitemap.ts` + `generateSitemaps`: that
 * convention serves numbered files but no index at /sitemap.xml, and it evaluates
 * `generateSitemaps` at build time, when this project has no database. Here /sitemap.xml
 * is an index of /sitemaps/site.xml (home, columns, static pages), one
 * /sitemaps/articles-<n>.xml per block of article ids, and the Google News sitemap.
 */

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

interface Entry {
  loc: string;
  lastmod?: string;
}

const latest = (dates: (string | undefined)[]) => dates.reduce<string | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);

const entry = (e: Entry): XmlElement => ({ loc: e.loc, lastmod: e.lastmod ? w3cDate(e.lastmod) : undefined });

function urlset(entries: Entry[]): XmlElement {
  return { urlset: { '@xmlns': SITEMAP_NS, url: entries.map(entry) } };
}

async function siteEntries(): Promise<Entry[]> {
  const [columns, columnDates, pages] = await Promise.all([getColumns(), getColumnsLastModified(), getPageEntries()]);
  // A column page lists its sub-columns' articles too: it changes when any of them does.
  const columnEntries = columns.map((c) => ({
    loc: absoluteUrl(columnPath(c.slug)),
    lastmod: latest(columnSubtreeIds(columns, c.id).map((id) => columnDates[id])),
  }));
  return [
    { loc: absoluteUrl('/'), lastmod: latest(Object.values(columnDates)) },
    ...columnEntries,
    ...pages.map((p) => ({ loc: absoluteUrl(pagePath(p.slug)), lastmod: p.updatedAt })),
  ];
}

export async function sitemapIndexResponse(): Promise<Response> {
  const [site, blocks, news] = await Promise.all([siteEntries(), getArticleSitemapBlocks(), getNewsSitemapItems()]);
  const children: Entry[] = [
    { loc: absoluteUrl(SITE_SITEMAP_PATH), lastmod: latest(site.map((e) => e.lastmod)) },
    ...blocks.map((b) => ({ loc: absoluteUrl(articleSitemapPath(b.block)), lastmod: b.lastModified })),
    { loc: absoluteUrl(NEWS_SITEMAP_PATH), lastmod: news[0]?.publishedAt },
  ];
  return xmlResponse({ sitemapindex: { '@xmlns': SITEMAP_NS, sitemap: children.map(entry) } }, XML_TYPE);
}

/** `site.xml` or `articles-<n>.xml`; anything else, or a block without public articles, is 404. */
export async function sitemapFileResponse(file: string): Promise<Response> {
  if (file === 'site.xml') return xmlResponse(urlset(await siteEntries()), XML_TYPE);
  const match = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
  if (!match) return notFoundResponse();
  const rows = await getArticleSitemapBlock(Number(match[1]));
  if (!rows.length) return notFoundResponse();
  return xmlResponse(urlset(rows.map((r) => ({ loc: absoluteUrl(articlePath(r.id)), lastmod: r.lastModified }))), XML_TYPE);
}

/**
 * Google News sitemap: articles published in the last two days. Google asks for
 * `zh-cn` (not `zh`) as the language of a publication in simplified Chinese.
 */
export async function newsSitemapResponse(): Promise<Response> {
  const [settings, items] = await Promise.all([getSiteSettings(), getNewsSitemapItems()]);
  const url = items.map((it) => ({
    loc: absoluteUrl(articlePath(it.id)),
    'news:news': {
      'news:publication': { 'news:name': settings.siteName, 'news:language': 'zh-cn' },
      'news:publication_date': w3cDate(it.publishedAt),
      'news:title': it.title,
    },
  }));
  return xmlResponse({ urlset: { '@xmlns': SITEMAP_NS, '@xmlns:news': NEWS_NS, url } }, XML_TYPE);
}
