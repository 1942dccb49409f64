import { expect, loginAs, test, DEMO_PASSWORD } from './fixtures';

test('a signed-out visitor is sent to the login page and comes back to where they were going', async ({ page }) => {
  await page.goto('/dashboard/notifications');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole('heading', { name: '编辑部登录' })).toBeVisible();
  await page.getByLabel('用户名或手机号').fill('13800000002'); // by phone number
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/dashboard\/notifications$/);
  await expect(page.getByTestId('current-user')).toContainText('李编辑');
});

test('a wrong password gets a clear message and keeps the username', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill('reporter2');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form [role="alert"]')).toHaveText('用户名或密码不正确。');
  await expect(page.getByLabel('用户名或手机号')).toHaveValue('reporter2');
  await expect(page).toHaveURL(/\/login/);
});

test('scripts sign in through Auth.js endpoints and /api/auth/session reports name and role', async ({ request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, username: 'chief', password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBe(true);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { name: string; role: string } };
  expect(session.user).toMatchObject({ name: '周总编', role: 'chief_editor' });
  expect(JSON.stringify(session)).not.toContain('passwordHash');
});

test('"sign out everywhere" ends the session on another device at its next request', async ({ browser }) => {
  const phone = await browser.newContext();
  const desk = await browser.newContext();
  const a = await phone.newPage();
  const b = await desk.newPage();
  await loginAs(a, 'admin');
  await loginAs(b, 'admin');
  a.on('dialog', (d) => void d.accept());
  await a.getByRole('button', { name: '退出所有设备' }).click();
  await expect(a).toHaveURL(/\/login\?signedOut=all/);
  await b.goto('/dashboard');
  await expect(b).toHaveURL(/\/login/);
  await phone.close();
  await desk.close();
});
