/**
 * Cache tags of public reads. The service that changes data revalidates exactly the tags
 * it touched; the readers below tag what they read.
 */
export const tags = {
  settings: 'settings',
  columns: 'columns',
  pages: 'pages',
  page: (slug: string) => `page:${slug}`,
  /** Site-wide listings (latest, most read, feeds); column listings use their column's tag. */
  articles: 'articles',
  article: (id: number) => `article:${id}`,
  column: (id: number) => `column:${id}`,
  home: 'home',
} as const;

/**
 * Tags a change to one public article must revalidate: its page, its column and that
 * column's ancestors (their pages list it), home and the site-wide lists.
 */
export function articleTags(articleId: number, columnIds: number[]): string[] {
  return [tags.article(articleId), ...columnIds.map(tags.column), tags.home, tags.articles];
}
