import 'server-only';
import { getFeedItems, type FeedItem } from '@/db/queries/feeds';
import { columnSubtreeIds, getColumnBySlug, getColumns, getSiteSettings } from '@/db/queries/site';
import { absoluteUrl, articlePath, columnFeedPath, columnPath, SITE_FEED_PATH } from '@/lib/urls';
import { notFoundResponse, RSS_TYPE, rfc822, xmlResponse, type XmlElement } from './xml';

/** RSS 2.0 feeds: the whole site at /feed.xml, each column (with its sub-columns) under its page. */

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

export interface RssChannel {
  title: string;
  /** Absolute URL of the page the feed follows. */
  link: string;
  description: string;
  /** Absolute URL of the feed itself (atom:link rel=self). */
  self: string;
  items: FeedItem[];
  /** Column names by id, for each item's category. */
  columnNames: Map<number, string>;
}

/** A column feed's title (also the title of the column page's link to it). */
export const columnFeedTitle = (columnName: string, siteName: string) => `${columnName} - ${siteName}`;

export function renderRss(ch: RssChannel): XmlElement {
  // The newest change among the items, so an unchanged feed reads the same on every request.
  const newest = ch.items.reduce((max, it) => (it.modifiedAt > max ? it.modifiedAt : max), '');
  return {
    rss: {
      '@version': '2.0',
      '@xmlns:atom': NS.atom,
      '@xmlns:dc': NS.dc,
      '@xmlns:media': NS.media,
      channel: {
        title: ch.title,
        link: ch.link,
        description: ch.description || ch.title,
        language: 'zh-CN',
        lastBuildDate: rfc822(newest || new Date().toISOString()),
        'atom:link': { '@href': ch.self, '@rel': 'self', '@type': RSS_TYPE },
        item: ch.items.map((it) => rssItem(it, ch.columnNames.get(it.columnId))),
      },
    },
  };
}

function rssItem(it: FeedItem, category: string | undefined): XmlElement {
  const link = absoluteUrl(articlePath(it.id));
  const cover = it.cover && { ...it.cover, url: absoluteUrl(it.cover.src) };
  return {
    title: it.title,
    link,
    guid: { '@isPermaLink': 'true', '#text': link },
    pubDate: rfc822(it.publishedAt),
    description: it.description || undefined,
    // RSS's own <author> must be an e-mail address; dc:creator takes a name.
    'dc:creator': it.creators.map((c) => c.name),
    category,
    enclosure: cover ? { '@url': cover.url, '@length': String(cover.bytes), '@type': cover.mime } : undefined,
    'media:content': cover
      ? {
          '@url': cover.url,
          '@medium': 'image',
          '@type': cover.mime,
          '@width': String(cover.width),
          '@height': String(cover.height),
          'media:description': cover.alt,
        }
      : undefined,
  };
}

export async function siteFeedResponse(): Promise<Response> {
  const [settings, columns, items] = await Promise.all([getSiteSettings(), getColumns(), getFeedItems(null)]);
  return xmlResponse(
    renderRss({
      title: settings.siteName,
      link: absoluteUrl('/'),
      description: settings.slogan,
      self: absoluteUrl(SITE_FEED_PATH),
      items,
      columnNames: new Map(columns.map((c) => [c.id, c.name])),
    }),
    RSS_TYPE,
  );
}

export async function columnFeedResponse(slug: string): Promise<Response> {
  const col = await getColumnBySlug(slug);
  if (!col) return notFoundResponse();
  const [settings, columns] = await Promise.all([getSiteSettings(), getColumns()]);
  const items = await getFeedItems(columnSubtreeIds(columns, col.id));
  return xmlResponse(
    renderRss({
      title: columnFeedTitle(col.name, settings.siteName),
      link: absoluteUrl(columnPath(col.slug)),
      description: col.description || settings.slogan,
      self: absoluteUrl(columnFeedPath(col.slug)),
      items,
      columnNames: new Map(columns.map((c) => [c.id, c.name])),
    }),
    RSS_TYPE,
  );
}
