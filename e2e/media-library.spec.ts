import { expect, expectNoHorizontalScroll, loginAs, test } from './fixtures';

// The seed stores 12 photos captioned 示例图片 1…12 and uses them in its articles. Each
// project works on its own photos, so the phone and desktop runs do not meet.
const pick = (project: string, phone: number, desktop: number) => (project === 'phone' ? phone : desktop);

test('an editor finds a photo in 媒体库 by caption, describes it, and sees where it is used', async ({ page }, info) => {
  const n = pick(info.project.name, 3, 4);
  const caption = `水渠边的麦田(${info.project.name})`;
  const alt = `远处的山和近处金黄的麦田(${info.project.name})`;
  await loginAs(page, 'editor');
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '媒体库' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '媒体库' })).toBeVisible();
  await expect(page.getByTestId('media-grid').getByRole('link').first()).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The search is a plain GET form: the query is in the address, so it works without JS too.
  await page.getByLabel('搜索图片说明').fill(`示例图片 ${n}`);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/media\?q=/);
  await expect(page.getByTestId('media-total')).toHaveText('共 1 张');
  const card = page.getByTestId('media-grid').getByRole('link');
  await expect(card).toHaveCount(1);
  await expect(card.locator('img')).toHaveAttribute('src', /-480\.webp$/);
  await card.click();

  await expect(page).toHaveURL(/\/dashboard\/media\/\d+$/);
  const detailUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`示例图片 ${n}`);
  await expect(page.getByTestId('media-dimensions')).toHaveText('1600 × 900 像素');
  await expect(page.getByRole('region', { name: '图片信息' })).toContainText('李编辑');
  await expectNoHorizontalScroll(page);

  const form = page.getByRole('region', { name: '图片说明与替代文字' });
  await form.getByLabel('图片说明', { exact: true }).fill(`  ${caption}  `);
  await form.getByLabel('替代文字', { exact: true }).fill(alt);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存');
  await expect(form.getByLabel('图片说明', { exact: true })).toHaveValue(caption);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(caption);
  await expect(form.getByLabel('图片说明', { exact: true })).toHaveValue(caption);
  await expect(form.getByLabel('替代文字', { exact: true })).toHaveValue(alt);

  // A caption over 200 characters is refused with a Chinese message; the stored one stays.
  await form.getByLabel('图片说明', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.removeAttribute('maxlength'));
  await form.getByLabel('图片说明', { exact: true }).fill('长'.repeat(201));
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert').first()).toContainText('图片说明不能超过 200 字');
  await page.reload();
  await expect(form.getByLabel('图片说明', { exact: true })).toHaveValue(caption);

  // Where it is used: seeded articles carry these photos in their bodies.
  const uses = page.getByRole('region', { name: '用于以下稿件' });
  const first = uses.getByRole('link').first();
  await expect(first).toHaveAttribute('href', /^\/dashboard\/articles\/\d+$/);
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // The new caption is what the library search finds now.
  await page.goto(`/dashboard/media?q=${encodeURIComponent(caption)}`);
  await expect(page.getByTestId('media-grid').getByRole('link')).toHaveCount(1);
  await page.getByTestId('media-grid').getByRole('link').click();
  await expect(page).toHaveURL(detailUrl);
});

test('an editor inserts a photo from 媒体库 into an article body, with its caption and alt text', async ({ page }, info) => {
  const n = pick(info.project.name, 5, 6);
  const title = `媒体库插图测试(${info.project.name})${Date.now() % 100000}`;
  await loginAs(page, 'editor');
  await page.goto('/dashboard/articles/new');
  await page.getByRole('button', { name: '创建稿件' }).click();
  await expect(page).toHaveURL(/\/dashboard\/articles\/\d+\/edit$/);
  const articleId = Number(/articles\/(\d+)/.exec(page.url())![1]);
  await page.getByLabel('标题', { exact: true }).fill(title);
  const body = page.getByTestId('rich-text-editor');
  await body.click();
  await page.keyboard.type('村里的麦子熟了。');

  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '媒体库' }).click();
  const dialog = page.getByRole('dialog', { name: '从媒体库选择图片' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /示例图片/ }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await dialog.getByLabel('搜索图片说明').fill(`示例图片 ${n}`);
  await dialog.getByLabel('搜索图片说明').press('Enter');
  const choice = dialog.getByRole('button', { name: new RegExp(`示例图片 ${n}\\b`) });
  await expect(choice).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: /示例图片/ })).toHaveCount(1);
  await choice.click();
  await expect(dialog).toBeHidden();

  const img = body.locator('img[data-media-id]');
  await expect(img).toHaveAttribute('src', /^\/media\/.+\.jpg$/);
  await expect(img).toHaveAttribute('alt', `示例风景图片 ${n}`);
  await expect(img).toHaveAttribute('width', '1600');
  await expect(body.locator('figcaption')).toHaveText(`示例图片 ${n}`);
  const mediaId = await img.getAttribute('data-media-id');
  await expect(page.getByTestId('save-state')).toContainText('已保存', { timeout: 15_000 });

  await page.reload();
  await expect(page.getByTestId('rich-text-editor').locator(`img[data-media-id="${mediaId}"]`)).toBeVisible();

  // Escape closes the picker without inserting anything.
  await page.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '媒体库' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('rich-text-editor').locator('img')).toHaveCount(1);

  // The library now lists the new article among the photo's uses.
  await page.goto(`/dashboard/media/${mediaId}`);
  await expect(page.getByRole('region', { name: '用于以下稿件' }).getByRole('link', { name: title })).toHaveAttribute('href', `/dashboard/articles/${articleId}`);
});
