import { ArticlePage } from './pages/article-page';
import { expect, expectNoHorizontalScroll, test } from './fixtures';

test('a reader goes home → column → article → next → back to the column by the breadcrumb', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('民生网');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('region', { name: '头条' }).locator('h1 a')).toBeVisible();
  await expect(page.getByRole('region', { name: '图片聚焦' }).locator('img').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '点击排行' }).locator('li')).toHaveCount(10);
  await expectNoHorizontalScroll(page);

  const nav = page.getByRole('navigation', { name: '栏目导航' });
  const columnLink = nav.getByRole('link', { name: '下乡专栏' });
  await columnLink.scrollIntoViewIfNeeded();
  await columnLink.click();
  await expect(page).toHaveURL(/\/columns\/xiaxiang$/);
  await expect(page.getByRole('heading', { level: 1, name: '下乡专栏' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  const first = page.getByRole('list', { name: '文章列表' }).locator('h3 a').first();
  const firstTitle = (await first.textContent())!.trim();
  await first.click();
  const article = new ArticlePage(page);
  await expect(article.title).toHaveText(firstTitle);
  await expect(article.breadcrumb).toContainText('首页');
  await expect(article.breadcrumb).toContainText('下乡专栏');
  await expect(article.breadcrumb).toContainText(firstTitle);
  await expectNoHorizontalScroll(page);

  // The newest article of the column has no 下一篇; 上一篇 is an older one of the same column.
  await expect(article.nextLink()).toContainText('没有了');
  const prev = article.prevLink().getByRole('link');
  const prevTitle = (await prev.textContent())!.trim();
  await prev.click();
  await expect(article.title).toHaveText(prevTitle);
  await expect(article.nextLink().getByRole('link')).toHaveText(firstTitle);
  await expectNoHorizontalScroll(page);

  await article.breadcrumb.getByRole('link', { name: '下乡专栏' }).click();
  await expect(page).toHaveURL(/\/columns\/xiaxiang$/);
  await expect(page.getByRole('heading', { level: 1, name: '下乡专栏' })).toBeVisible();
});

test('column pages link to deeper pages and every page stays within the screen', async ({ page }) => {
  await page.goto('/columns/xiaxiang');
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager).toContainText('第 1 /');
  const listing = page.getByRole('list', { name: '文章列表' });
  const firstPageTitles = await listing.locator('h3 a').allTextContents();
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pager).toContainText('第 2 /');
  const secondPageTitles = await listing.locator('h3 a').allTextContents();
  expect(secondPageTitles.length).toBeGreaterThan(0);
  expect(secondPageTitles.filter((t) => firstPageTitles.includes(t))).toEqual([]);
  await expectNoHorizontalScroll(page);
});
