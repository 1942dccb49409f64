/**
 * Cache tags of public reads. The service that changes data revalidates exactly the tags
 * it touched; the readers below tag what they read.
 */
export const tags = {
  settings: 'settings',
  columns: 'columns',
  pages: 'pages',
  page: (slug: string) => `page:${slug}`,
  /** Every listing of articles (home, latest, most read, feeds). */
  articles: 'articles',
  article: (id: number) => `article:${id}`,
  column: (id: number) => `column:${id}`,
  home: 'home',
} as const;

/** Tags a change to one article must revalidate: the article, its column(s), home and lists. */
export function articleTags(articleId: number, columnIds: number[]): string[] {
  return [tags.article(articleId), ...columnIds.map(tags.column), tags.home, tags.articles];
}
