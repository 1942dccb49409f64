import { expect, loginAs, test } from './fixtures';

// Site settings are one row: this spec runs in the desktop project only (playwright.config.ts),
// because a phone run at the same moment would race this one's checks.
const ADMIN = 'admin2';
const uniq = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

test.beforeEach(() => test.slow());

test('an admin changes the ICP number and adds a footer link; the public footer shows them at once', async ({ page }) => {
  const icp = `新ICP备${Math.floor(10_000_000 + Math.random() * 89_999_999)}号-2`;
  const label = `e2e${uniq()}`.slice(0, 20);
  const href = `/search?q=${label}`;
  // The public footer is cached before the change.
  await page.goto('/');
  await expect(page.locator('footer')).toContainText('新ICP备');

  await loginAs(page, ADMIN);
  await page.goto('/dashboard/admin/settings');
  const form = page.getByRole('form', { name: '站点设置' });
  await form.getByLabel('ICP 备案号').fill(icp);
  await form.getByRole('button', { name: '添加链接' }).click();
  const row = form.getByTestId('footer-link-rows').getByRole('listitem').last();
  await row.getByLabel('链接文字').fill(label);
  // Only site paths and http(s) addresses: a script address is refused on its row.
  await row.getByLabel('链接地址').fill('javascript:alert(1)');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(row.getByText(/^链接地址应为本站路径/)).toBeVisible();
  await expect(form.getByLabel('ICP 备案号')).toHaveValue(icp);
  await row.getByLabel('链接地址').fill(href);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('form-status')).toHaveText('已保存,网站页眉页脚已更新。');

  await page.goto('/');
  const footer = page.locator('footer');
  await expect(footer.getByRole('link', { name: icp })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expect(footer.getByRole('link', { name: label })).toHaveAttribute('href', href);
  await expect(footer.getByRole('link', { name: '关于本站' })).toBeVisible();
});
