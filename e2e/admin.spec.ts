import { expect, expectNoHorizontalScroll, loginAs, test } from './fixtures';

// Administration flows, signed in as the seeded `admin2` (auth.spec ends all of `admin`'s
// sessions). Each run makes its own users, columns and pages, so the phone and desktop
// projects never meet.
const ADMIN = 'admin2';
const uniq = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

// Each test is a whole flow across several pages and two browsers: allow it the slow timeout.
test.beforeEach(() => test.slow());

test('disabling a user ends their open session at the next request; enabling lets them sign in again', async ({ page: admin, browser }, info) => {
  const username = `e2e-${info.project.name}-${uniq()}`;
  const password = 'field-team-2026';
  await loginAs(admin, ADMIN);
  await admin.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '系统管理' }).click();
  await admin.getByRole('navigation', { name: '系统管理导航' }).getByRole('link', { name: '用户' }).click();
  await admin.getByRole('link', { name: '新建用户' }).click();
  await expectNoHorizontalScroll(admin);

  const form = admin.getByRole('form', { name: '新建用户' });
  await form.getByLabel('用户名', { exact: true }).fill(username);
  await form.getByLabel('姓名', { exact: true }).fill('测试队员');
  await expect(form.getByLabel('角色', { exact: true })).toHaveValue('contributor');
  // A contributor without a team is refused next to the field, and nothing typed is lost.
  await form.getByLabel('初始密码(选填)').fill(password);
  await form.getByRole('button', { name: '创建' }).click();
  await expect(form.getByLabel('工作队', { exact: true })).toHaveAccessibleDescription(/驻村工作队队员必须属于一个工作队$/);
  await expect(form.getByTestId('form-error')).toHaveText('驻村工作队队员必须属于一个工作队');
  await expect(form.getByLabel('用户名', { exact: true })).toHaveValue(username);
  await form.getByLabel('工作队', { exact: true }).selectOption({ label: '人社厅驻库木巴格村工作队' });
  await form.getByRole('button', { name: '创建' }).click();
  await expect(admin).toHaveURL(/\/dashboard\/admin\/users\/\d+\?created=1$/);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('测试队员');
  await expectNoHorizontalScroll(admin);

  // The new member signs in on their own device.
  const device = await browser.newContext();
  const member = await device.newPage();
  await loginAs(member, username, password);
  await expect(member.getByTestId('current-user')).toContainText('测试队员');

  admin.once('dialog', (d) => void d.accept());
  await admin.getByRole('button', { name: '停用账号' }).click();
  await expect(admin.getByTestId('account-status')).toHaveText('已停用');

  // Their very next request is refused: they land on the login page and cannot sign back in.
  await member.goto('/dashboard');
  await expect(member).toHaveURL(/\/login/);
  await member.getByLabel('用户名或手机号').fill(username);
  await member.getByLabel('密码').fill(password);
  await member.getByRole('button', { name: '登录' }).click();
  await expect(member.locator('form [role="alert"]')).toHaveText('该账号已停用,请联系编辑部管理员。');

  await admin.getByRole('button', { name: '启用账号' }).click();
  await expect(admin.getByTestId('account-status')).toHaveText('在用');
  await loginAs(member, username, password);
  await device.close();
});

test('an admin creates a column and writes a static page in the rich-text editor; the public site shows both at once', async ({ page }, info) => {
  const key = `${info.project.name}-${uniq()}`;
  const columnName = `测试栏目${key.slice(-4)}`;
  await loginAs(page, ADMIN);

  await page.goto('/dashboard/admin/columns');
  await expect(page.getByTestId('column-rows')).toContainText('乡村振兴');
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: '新建栏目' }).click();
  const column = page.getByRole('form', { name: '新建栏目' });
  await column.getByLabel('栏目名称').fill(columnName);
  await column.getByLabel('网址名').fill('Ce Shi');
  await column.getByLabel('上级栏目').selectOption({ label: '乡村振兴' });
  await column.getByRole('checkbox', { name: '在首页显示栏目区块' }).uncheck();
  await column.getByRole('radio', { name: /三审/ }).check();
  await column.getByRole('button', { name: '创建' }).click();
  await expect(column.getByLabel('网址名')).toHaveAccessibleDescription(/网址名只能用小写英文字母、数字和连字符\(-\),连字符不能在开头/);
  await expect(column.getByLabel('网址名')).toHaveValue('Ce Shi');
  await column.getByLabel('网址名').fill(`e2e-${key}`);
  await column.getByRole('button', { name: '创建' }).click();
  await expect(page).toHaveURL(/\/dashboard\/admin\/columns\/\d+\?created=1$/);
  await expectNoHorizontalScroll(page);

  await page.goto(`/columns/e2e-${key}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(columnName);
  await page.goto('/columns/xiangcun');
  await expect(page.getByRole('navigation', { name: '子栏目' }).getByRole('link', { name: columnName })).toBeVisible();

  // A static page, written with the articles' editor.
  const slug = `e2e-page-${key}`;
  await page.goto('/dashboard/admin/pages/new');
  const form = page.getByRole('form', { name: '新建页面' });
  await form.getByLabel('标题', { exact: true }).fill(`办事指南${key.slice(-4)}`);
  await form.getByLabel('网址名').fill(slug);
  await form.getByTestId('rich-text-editor').click();
  await page.keyboard.type('第一版:办事请带身份证。');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page).toHaveURL(/\/dashboard\/admin\/pages\/\d+\?created=1$/);
  const editUrl = page.url();
  await expectNoHorizontalScroll(page);

  await page.goto(`/pages/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`办事指南${key.slice(-4)}`);
  await expect(page.locator('article')).toContainText('第一版:办事请带身份证。');

  await page.goto(editUrl);
  const edit = page.getByRole('form', { name: '编辑页面' });
  await edit.getByTestId('rich-text-editor').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('第二段:周末也可办理。');
  await edit.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '小标题' }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByTestId('form-status')).toHaveText('已保存');

  await page.goto(`/pages/${slug}`);
  await expect(page.getByRole('heading', { level: 2, name: '第二段:周末也可办理。' })).toBeVisible();
  await expect(page.locator('article')).toContainText('第一版:办事请带身份证。');
});
