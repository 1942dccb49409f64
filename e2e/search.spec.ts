import { expect, expectNoHorizontalScroll, loginAs, test } from './fixtures';

test('a reader searches from the header, sees highlighted results, narrows them and opens one', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search', { name: '全站搜索' }).getByRole('searchbox');
  await box.fill('节水灌溉');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E8%8A%82%E6%B0%B4%E7%81%8C%E6%BA%89/);
  await expect(page).toHaveTitle(/搜索:节水灌溉/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  const results = page.getByRole('list', { name: '搜索结果' });
  await expect(page.getByRole('status').filter({ hasText: '找到' })).toContainText(/找到 \d+ 篇相关文章/);
  const first = results.getByRole('listitem').first();
  // The words are marked in the title or the snippet of every result.
  for (const item of await results.getByRole('listitem').all()) {
    await expect(item.locator('mark').first()).toHaveText('节水灌溉');
  }
  await expectNoHorizontalScroll(page);

  // Narrow by column: the form keeps the words, and results carry the column's name.
  await page.getByRole('main').getByRole('combobox', { name: '栏目' }).selectOption({ label: '下乡专栏' });
  await page.getByRole('main').getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/column=xiaxiang/);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('节水灌溉');
  for (const item of await results.getByRole('listitem').all()) await expect(item).toContainText('下乡专栏');

  const title = (await first.getByRole('link').textContent())!.trim();
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('article')).toContainText('节水灌溉');
});

test('a search with no results says so and suggests what to try', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('量子计算机'));
  await expect(page.getByRole('main')).toContainText('没有找到与“量子计算机”相关的文章。');
  await expect(page.getByRole('main')).toContainText('检查是否有错别字');
  await expect(page.getByRole('region', { name: '最新文章' }).getByRole('link').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('bad filters are explained, not an error page, and mixed Latin and digits are found', async ({ page }) => {
  await page.goto('/search?q=5G&from=2024-13-45&to=x');
  await expect(page.getByRole('main')).toContainText('日期格式不正确,已忽略该日期。');
  await expect(page.getByRole('list', { name: '搜索结果' }).locator('mark').first()).toHaveText('5G');
});

test('an editor finds a report in the dashboard by a word of its body', async ({ page }) => {
  await loginAs(page, 'editor');
  const filters = page.getByRole('form', { name: '筛选' }).or(page.locator('form[action="/dashboard"]'));
  // 助餐 is in the body of this report, not in its title.
  await filters.getByRole('searchbox').fill('助餐');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('link', { name: '家门口的“幸福食堂”让老人吃上热乎饭', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '托格拉克勒克村3.2公里通村路全线贯通' })).toHaveCount(0);
});
