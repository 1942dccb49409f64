import { expect, manifest, test } from './fixtures';

test('only published articles are visible; everything else is a real 404 in the site style', async ({ page, request }) => {
  const m = manifest();
  for (const [state, id] of Object.entries(m.byState)) {
    const res = await request.get(`/articles/${id}`);
    expect(res.status(), `${state} article ${id}`).toBe(404);
  }
  expect((await request.get(`/articles/${m.expired}`)).status(), 'expired article').toBe(404);
  expect((await request.get(`/articles/${m.scheduledPast}`)).status(), 'scheduled article whose time has come').toBe(200);
  expect((await request.get('/articles/not-a-number')).status()).toBe(404);
  expect((await request.get('/columns/no-such-column')).status()).toBe(404);

  const res = await page.goto(`/articles/${m.byState.draft}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '栏目导航' })).toBeVisible();

  const unknown = await page.goto('/no/such/page');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.locator('footer')).toContainText('新ICP备');
});

test('static pages and the legally required footer', async ({ page }) => {
  await page.goto('/');
  const footer = page.locator('footer');
  for (const label of ['关于本站', '版权声明', '广告服务', '法律援助', '联系我们']) {
    await expect(footer.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(footer.getByRole('link', { name: /新ICP备/ })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expect(footer.getByRole('link', { name: /新公网安备/ })).toHaveAttribute('href', /beian\.mps\.gov\.cn.*code=\d+/);
  await footer.getByRole('link', { name: '关于本站' }).click();
  await expect(page).toHaveURL(/\/pages\/about$/);
  await expect(page.getByRole('heading', { level: 1, name: '关于本站' })).toBeVisible();
  await expect(page.locator('article .prose-zh p').first()).not.toBeEmpty();
});
