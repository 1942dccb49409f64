import { devices } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectNoHorizontalScroll, loginAs, manifest, test } from './fixtures';
import { openFromDashboard } from './pages/dashboard';

// The whole story with real logins: a team member on a phone files a report with a photo,
// the editor returns it, the team revises, 初审 and 终审 pass, the chief editor publishes,
// readers see it with the team's credit, and the team is notified.
test('a field report goes from a phone to the front page through two review stages', async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `村里新建冷库投入使用${Date.now() % 100000}`;
  const teamName = manifest().teams[0]!;

  const phoneCtx = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const editorCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const chiefCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const team = await phoneCtx.newPage();
  const editor = await editorCtx.newPage();
  const chief = await chiefCtx.newPage();

  // 1. The contributor writes on a phone, with a photo, and submits.
  await loginAs(team, 'reporter1');
  await team.getByRole('link', { name: '写稿' }).click();
  await team.getByLabel('选择栏目').selectOption({ label: '政策解读(2 级审核)' });
  await team.getByRole('button', { name: '创建稿件' }).click();
  await expect(team).toHaveURL(/\/dashboard\/articles\/\d+\/edit$/);
  const articleId = Number(/articles\/(\d+)/.exec(team.url())![1]);
  await team.getByLabel('标题', { exact: true }).fill(title);
  await team.getByLabel('记者(如:记者 张三 通讯员 李四)').fill('通讯员 阿依古丽');
  await expect(team.getByTestId('byline-preview')).toContainText('通讯员 阿依古丽');
  const editorBox = team.getByTestId('rich-text-editor');
  await editorBox.click();
  await team.keyboard.type('新建的冷库今天投入使用,可储存果蔬三百吨。');
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 60 } } }).jpeg().toBuffer();
  await team.locator('input[type="file"]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(editorBox.locator('img')).toHaveAttribute('src', /^\/media\//);
  await expect(team.getByTestId('save-state')).toContainText('已保存', { timeout: 15_000 });
  await expectNoHorizontalScroll(team);
  await team.getByRole('link', { name: '返回稿件页' }).click();
  await team.getByRole('button', { name: '提交', exact: true }).click();
  await expect(team.locator('[data-status]').first()).toHaveText('待初审');

  // 2. The editor returns it with a reason.
  await loginAs(editor, 'editor');
  await expect(editor.getByTestId('count-submitted')).toBeVisible();
  const e1 = await openFromDashboard(editor, title);
  await e1.act('领取审核');
  await e1.expectStatus('初审中');
  await e1.act('退回修改', '请补充冷库建设资金来源。');
  await e1.expectStatus('退回修改');

  // 3. The team sees the reason, revises and resubmits.
  await team.reload();
  await expect(team.getByTestId('feedback')).toContainText('请补充冷库建设资金来源。');
  await expect(team.getByTestId('notifications-link')).toContainText(/\d/);
  await team.getByRole('link', { name: '编辑', exact: true }).click();
  await team.getByTestId('rich-text-editor').click();
  await team.keyboard.press('End');
  await team.keyboard.type('冷库由县财政衔接资金建设。');
  await expect(team.getByTestId('save-state')).toContainText('已保存', { timeout: 15_000 });
  await team.getByRole('link', { name: '返回稿件页' }).click();
  await team.getByRole('button', { name: '重新提交' }).click();
  await expect(team.locator('[data-status]').first()).toHaveText('待初审');

  // 4. 初审 by the editor; the editor cannot publish a two-stage column.
  await editor.reload();
  await e1.act('领取审核');
  await e1.act('审核通过');
  await e1.expectStatus('待终审');
  await expect(editor.getByRole('button', { name: '发布', exact: true })).toHaveCount(0);

  // 5. 终审 and publication by the chief editor.
  await loginAs(chief, 'chief');
  const c = await openFromDashboard(chief, title);
  await c.act('领取审核');
  await c.expectStatus('终审中');
  await c.act('审核通过');
  await c.expectStatus('已通过');
  await c.act('发布');
  await c.confirm('发布');
  await c.expectStatus('已发布');
  await expect(chief.getByTestId('history')).toContainText('终审');

  // 6. Readers see it on the home page, the column page and the article page, credited to the team.
  const reader = await editorCtx.newPage();
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto('/columns/zhengce');
  await expect(reader.getByRole('link', { name: title }).first()).toBeVisible();
  await reader.goto(`/articles/${articleId}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.locator('article')).toContainText('通讯员 阿依古丽');
  await expect(reader.locator('article')).toContainText('冷库由县财政衔接资金建设。');
  await expect(reader.locator('article')).toContainText(`(供稿:${teamName})`);
  await expect(reader.locator('article')).toContainText('(责任编辑:周总编)');
  await expect(reader.locator('article img[src^="/media/"]')).toBeVisible();

  // 7. The team is told.
  await team.goto('/dashboard/notifications');
  await expect(team.getByTestId('notifications')).toContainText(`《${title}》已发布`);

  await Promise.all([phoneCtx.close(), editorCtx.close(), chiefCtx.close()]);
});
