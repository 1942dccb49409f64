import { ArticlePage } from './pages/article-page';
import { expect, expectNoHorizontalScroll, manifest, test } from './fixtures';

test('an article page carries all its furniture', async ({ page }) => {
  const m = manifest();
  const article = new ArticlePage(page);
  const res = await article.goto(m.withTeam);
  expect(res?.status()).toBe(200);
  await expect(article.title).toBeVisible();
  await expect(article.meta).toContainText('作者:');
  await expect(article.meta).toContainText('发布时间:');
  await expect(article.meta).toContainText(/点击:\d+/);
  await expect(article.body.locator('p').first().locator('strong').first()).toHaveText(/^民生网讯/);
  await expect(page.getByText(/^\(供稿:.+工作队\)$/)).toBeVisible();
  await expect(page.getByText(/^\(责任编辑:.+\)$/)).toBeVisible();
  await expect(article.body.locator('figure img').first()).toBeVisible();
  await expect(article.body.locator('figcaption').first()).not.toBeEmpty();
  await expect(article.prevNext).toContainText('上一篇:');
  await expect(article.prevNext).toContainText('下一篇:');
  await expect(article.share.getByRole('img', { name: /手机扫码阅读/ })).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect(article.share).toContainText(`/articles/${m.withTeam}`);
  await expect(page.getByRole('region', { name: '相关阅读' }).locator('li').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('the font-size switch enlarges the body text', async ({ page }) => {
  const article = new ArticlePage(page);
  await article.goto(manifest().withTeam);
  const size = () => article.body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const medium = await size();
  await page.locator('label[for="fs-large"]').click();
  expect(await size()).toBeGreaterThan(medium);
  await page.locator('label[for="fs-small"]').click();
  expect(await size()).toBeLessThan(medium);
});

test('the print stylesheet hides navigation and sharing', async ({ page }) => {
  const article = new ArticlePage(page);
  await article.goto(manifest().withTeam);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '栏目导航' })).toBeHidden();
  await expect(article.share).toBeHidden();
  await expect(article.title).toBeVisible();
  await expect(article.body).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('home, column and article pages are readable', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: '头条' }).locator('h1')).toBeVisible();
    await expect(page.getByRole('region', { name: '图片聚焦' }).locator('img').first()).toBeVisible();
    await page.goto('/columns/minsheng');
    await expect(page.locator('main h3 a').first()).toBeVisible();
    const article = new ArticlePage(page);
    await article.goto(manifest().withTeam);
    await expect(article.body.locator('p').first()).toBeVisible();
    await page.locator('label[for="fs-large"]').click();
    expect(await article.body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(18);
  });
});
