import { expect, manifest, test } from './fixtures';

test('an old-site address answers 301 and lands on the article; an unknown one is a Chinese 404', async ({ page, request }) => {
  const { withTeam: id, legacyUrl } = manifest();
  const r = await request.get(legacyUrl, { maxRedirects: 0 });
  expect(r.status()).toBe(301);
  expect(r.headers()['location']).toMatch(new RegExp(`/articles/${id}$`));

  await page.goto(legacyUrl);
  await expect(page).toHaveURL(new RegExp(`/articles/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const missing = await request.get('/html/xxzl/2019/0125/99999.html', { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('首页');
});
