import { expect, loginAs, manifest, test } from './fixtures';

// Each project works on its own article, so the phone and desktop runs do not meet.
const pick = (project: string, phone: number, desktop: number) => (project === 'phone' ? phone : desktop);

test('two editors: the second save of a stale version is refused, keeps the text and shows what changed', async ({ browser }, info) => {
  const m = manifest();
  const id = pick(info.project.name, m.byState.submitted!, m.byState.in_review!);
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await loginAs(a, 'editor');
  await loginAs(b, 'chief');
  await a.goto(`/dashboard/articles/${id}/edit`);
  await expect(a.getByTestId('rich-text-editor')).toBeVisible();
  await b.goto(`/dashboard/articles/${id}/edit`);
  await expect(b.getByTestId('presence')).toContainText('李编辑 也在编辑这篇稿件');

  const titleA = a.getByLabel('标题', { exact: true });
  await titleA.fill('编辑甲改过的标题');
  await expect(a.getByTestId('save-state')).toContainText('已保存', { timeout: 15_000 });

  const titleB = b.getByLabel('标题', { exact: true });
  await titleB.fill('总编乙改过的标题');
  const conflict = b.getByTestId('conflict');
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText('李编辑已在您之后保存了这篇稿件');
  await expect(conflict.locator('ins, del').first()).toBeVisible();
  await expect(conflict).toContainText('编辑甲改过的标题');
  await expect(titleB).toHaveValue('总编乙改过的标题'); // nothing the chief typed is lost

  await conflict.getByRole('button', { name: '仍用我的内容保存' }).click();
  await expect(b.getByTestId('save-state')).toContainText('已保存', { timeout: 15_000 });
  await b.goto(`/dashboard/articles/${id}`);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('总编乙改过的标题');

  // Every save is a revision: compare the last two and restore the editor's version.
  await b.getByRole('link', { name: '修订记录' }).click();
  const diff = b.getByTestId('revision-diff');
  await expect(diff.locator('del').first()).toBeVisible();
  await expect(diff).toContainText('编辑甲改过的标题');
  await expect(diff).toContainText('总编乙改过的标题');
  b.on('dialog', (d) => void d.accept());
  const editorsRow = b.locator('li', { hasText: '李编辑' }).filter({ has: b.getByRole('button', { name: '恢复此版本' }) }).first();
  // Wait for the restore to be answered before leaving the page (leaving would cancel it).
  const restored = b.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/revisions'));
  await editorsRow.getByRole('button', { name: '恢复此版本' }).click();
  expect((await restored).ok()).toBe(true);
  await b.goto(`/dashboard/articles/${id}`);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('编辑甲改过的标题');
  await Promise.all([ctxA.close(), ctxB.close()]);
});

test('an editor puts a published story into 推荐阅读 and readers see it at once', async ({ page }, info) => {
  const m = manifest();
  const id = pick(info.project.name, m.published[40]!, m.published[41]!);
  await page.goto(`/articles/${id}`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.goto('/');
  await expect(page.getByRole('region', { name: '推荐阅读' }).getByRole('link', { name: title })).toHaveCount(0);

  await loginAs(page, 'editor');
  await page.goto(`/dashboard/articles/${id}`);
  const curation = page.getByRole('region', { name: '首页、置顶与下线' });
  await curation.getByLabel('推荐', { exact: true }).check();
  await curation.getByRole('button', { name: '保存' }).click();
  await expect(curation.getByRole('status')).toHaveText('已保存');

  await page.goto('/');
  await expect(page.getByRole('region', { name: '推荐阅读' }).getByRole('link', { name: title })).toBeVisible();
});

test('a team member cannot open another team’s report, and the dashboard lists only their team', async ({ page }) => {
  const m = manifest();
  // byState.draft belongs to team 0 (sample(0)); reporter2 is in team 1.
  await loginAs(page, 'reporter2');
  await page.goto(`/dashboard/articles/${m.byState.draft}`);
  await expect(page.getByText('这篇稿件不存在,或者您没有查看它的权限。')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本队稿件');
});
