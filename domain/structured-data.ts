import type { Creator } from './byline';

/**
 * schema.org structured data (JSON-LD) for article pages: a NewsArticle and the page's
 * BreadcrumbList. Every URL given here must already be absolute.
 */

type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify alone lets a
 * title such as `</script><script>…` end the element; `<`, `>` and `&` only ever occur
 * inside JSON strings, so escaping them as \u003c, \u003e, \u0026 keeps the JSON equal.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export interface OrganizationInput {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  /** Absolute image URLs (the cover); empty when the article has none. */
  images: string[];
  section?: string | null;
  creators: Creator[];
  publisher: OrganizationInput;
  inLanguage: string;
}

function organization(o: OrganizationInput): JsonLd {
  return {
    '@type': 'Organization',
    name: o.name,
    url: o.url,
    logo: { '@type': 'ImageObject', url: o.logo.url, width: o.logo.width, height: o.logo.height },
  };
}

export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  // No reporter, author line or team known: the site itself is the author.
  const author = a.creators.length
    ? a.creators.map((c) => ({ '@type': c.kind === 'person' ? 'Person' : 'Organization', name: c.name }))
    : [{ '@type': 'Organization', name: a.publisher.name, url: a.publisher.url }];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    ...(a.description ? { description: a.description } : {}),
    ...(a.images.length ? { image: a.images } : {}),
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    author,
    publisher: organization(a.publisher),
    ...(a.section ? { articleSection: a.section } : {}),
    inLanguage: a.inLanguage,
  };
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, item: it.url })),
  };
}
