import type { Locator, Page } from '@playwright/test';

/** The public article page's furniture. */
export class ArticlePage {
  readonly title: Locator;
  readonly breadcrumb: Locator;
  readonly meta: Locator;
  readonly body: Locator;
  readonly prevNext: Locator;
  readonly share: Locator;

  constructor(readonly page: Page) {
    this.title = page.locator('article h1');
    this.breadcrumb = page.getByRole('navigation', { name: '当前位置' });
    this.meta = page.locator('article header p').last();
    this.body = page.locator('article .prose-zh');
    this.prevNext = page.getByRole('navigation', { name: '上一篇/下一篇' });
    this.share = page.getByRole('region', { name: '分享' });
  }

  goto(id: number) {
    return this.page.goto(`/articles/${id}`);
  }

  prevLink() {
    return this.prevNext.locator('p').first();
  }
  nextLink() {
    return this.prevNext.locator('p').last();
  }
}
