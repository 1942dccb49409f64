import crypto from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { formToken } from '../domain/form-token';
import { expect, expectNoHorizontalScroll, loginAs, manifest, test } from './fixtures';

// Readers write to the newsroom (信息举报 / 联系我们 / 挑错) and the newsroom answers in 读者来信.
// Every reader gets a context of their own with its own X-Forwarded-For (TRUST_PROXY is off,
// so its first value is the client the server limits), so tests never share a rate limit.
// The server's minimum fill time is its default, READER_FORM_MIN_SECONDS = 3.

const FILL_TIME_MS = 3_500;

// Several readers, a login and a few seconds of fill time each: more than the default minute
// on this shared machine.
test.describe.configure({ timeout: 180_000 });
const RECEIPT = /^RM[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

const uniq = (label: string) => `${label} ${crypto.randomBytes(4).toString('hex')}`;

async function readerContext(browser: Browser, options: BrowserContextOptions = {}) {
  const hex = crypto.randomBytes(8).toString('hex').match(/.{4}/g)!.join(':');
  return browser.newContext({ ...options, extraHTTPHeaders: { 'X-Forwarded-For': `2001:db8:${hex}::1` } });
}

interface Fields {
  name?: string;
  contact?: string;
  subject?: [label: string, value: string];
  body: [label: string, value: string];
}

async function fill(page: Page, f: Fields) {
  if (f.name !== undefined) await page.getByLabel('姓名').fill(f.name);
  if (f.contact !== undefined) await page.getByLabel('联系方式').fill(f.contact);
  if (f.subject) await page.getByLabel(f.subject[0]).fill(f.subject[1]);
  await page.getByLabel(f.body[0]).fill(f.body[1]);
}

async function expectKept(page: Page, f: Fields) {
  if (f.name !== undefined) await expect(page.getByLabel('姓名')).toHaveValue(f.name);
  if (f.contact !== undefined) await expect(page.getByLabel('联系方式')).toHaveValue(f.contact);
  if (f.subject) await expect(page.getByLabel(f.subject[0])).toHaveValue(f.subject[1]);
  await expect(page.getByLabel(f.body[0])).toHaveValue(f.body[1]);
}

const submit = (page: Page) => page.getByRole('button', { name: '提交', exact: true }).click();

async function expectReceipt(page: Page): Promise<string> {
  const code = page.getByTestId('receipt-code');
  await expect(code).toHaveText(RECEIPT);
  await expect(page.getByText('请记下或截图保存这个回执号')).toBeVisible();
  return (await code.textContent())!.trim();
}

/** Sends a tip from /report as a new reader and returns the receipt number. */
async function sendTip(browser: Browser, f: Fields): Promise<string> {
  const ctx = await readerContext(browser);
  const page = await ctx.newPage();
  await page.goto('/report');
  await fill(page, f);
  await page.waitForTimeout(FILL_TIME_MS);
  await submit(page);
  const code = await expectReceipt(page);
  await ctx.close();
  return code;
}

/** As a signed-in editor: how many messages the inbox finds for a receipt code or subject words. */
async function expectInboxCount(page: Page, q: string, n: number) {
  await page.goto(`/dashboard/messages?q=${encodeURIComponent(q)}`);
  await expect(page.getByTestId('message-total')).toHaveText(`共 ${n} 封`);
}

const tipBody = (subject: string) => `${subject}。\n村里的水渠从上周开始漏水,\n好几户的麦田都淹了。`;

test('a reader sends a tip from 信息举报 and gets a receipt number to keep', { tag: '@phone' }, async ({ browser }) => {
  const ctx = await readerContext(browser);
  const page = await ctx.newPage();
  await page.goto('/');
  await page.locator('footer').getByRole('link', { name: '信息举报' }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByRole('heading', { level: 1, name: '信息举报' })).toBeVisible();
  // The hints say what each field is for, its limits, and who sees the contact details.
  await expect(page.getByText('只有总编辑和系统管理员能看到')).toBeVisible();
  await expect(page.getByText('10–5000 字')).toBeVisible();
  await expectNoHorizontalScroll(page);

  const subject = uniq('路灯坏了');
  await fill(page, { contact: '13912340000', subject: ['标题', subject], body: ['举报内容', tipBody(subject)] });
  await page.waitForTimeout(FILL_TIME_MS);
  await submit(page);
  await expectReceipt(page);
  await expect(page.getByTestId('reader-receipt')).toBeFocused();
  await expectNoHorizontalScroll(page);
  // Each visit is rendered afresh (its signed token has the visit's time): never cached.
  const res = await page.request.get('/report');
  expect(res.headers()['cache-control']).toMatch(/no-store/);
  await ctx.close();
});

test('an editor handles a tip in 读者来信; the contact stays hidden from them and a chief’s reading is audited', { tag: '@desktop' }, async ({ browser, page }) => {
  const subject = uniq('水渠漏水');
  const code = await sendTip(browser, { name: '马大姐', contact: '13912345678', subject: ['标题', subject], body: ['举报内容', tipBody(subject)] });

  await loginAs(page, 'editor');
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '读者来信' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '读者来信' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByLabel('回执号或标题').fill(code);
  await page.getByRole('button', { name: '查找' }).click();
  const rows = page.getByTestId('message-rows').getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(code);
  await expect(rows.first().locator('[data-message-status]')).toHaveText('新');
  await rows.first().getByRole('link', { name: subject }).click();

  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByTestId('message-receipt')).toHaveText(code);
  // Plain text with its line breaks.
  expect(await page.getByTestId('message-body').textContent()).toBe(tipBody(subject));
  // An editor sees that there are details and who may see them; they are not in the page.
  await expect(page.getByTestId('message-contact')).toContainText('只有总编辑和系统管理员可以查看');
  await expect(page.getByRole('button', { name: '查看联系方式' })).toHaveCount(0);
  expect(await page.content()).not.toContain('13912345678');
  expect(await page.content()).not.toContain('马大姐');
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: '分派给我' }).click();
  await expect(page.getByTestId('message-status')).toHaveText('已分派');
  await expect(page.getByTestId('message-assignee')).toHaveText('李编辑');
  await expect(page.getByTestId('message-history')).toContainText('李编辑 分派 给 李编辑');

  // The note is required.
  await page.getByRole('button', { name: '标记为已处理' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写处理说明' })).toBeVisible();
  await page.getByLabel('处理说明').fill('已联系水管站,明天上午派人维修。');
  await page.getByRole('button', { name: '标记为已处理' }).click();
  await expect(page.getByTestId('message-status')).toHaveText('已处理');
  await expect(page.getByTestId('message-handled')).toContainText('已联系水管站,明天上午派人维修。');
  await expect(page.getByTestId('message-history')).toContainText('李编辑 标记为已处理');
  const url = page.url();

  await page.goto(`/dashboard/messages?status=handled&q=${encodeURIComponent(subject)}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('[data-message-status]')).toHaveText('已处理');
  await expect(rows.first()).toContainText('处理人:李编辑');

  // A chief editor may read the details: each reading is one audit event in the history.
  const chiefCtx = await browser.newContext();
  const chief = await chiefCtx.newPage();
  await loginAs(chief, 'chief');
  await chief.goto(url);
  expect(await chief.content()).not.toContain('13912345678');
  await chief.getByRole('button', { name: '查看联系方式' }).click();
  await expect(chief.getByTestId('contact-details')).toContainText('马大姐');
  await expect(chief.getByTestId('contact-details')).toContainText('13912345678');
  await chief.reload();
  await expect(chief.getByTestId('message-history').getByRole('listitem').filter({ hasText: '查看了联系方式' })).toHaveCount(1);
  await expect(chief.getByTestId('message-history')).toContainText('周总编 查看了联系方式');
  await chiefCtx.close();
});

test('a filled honeypot is refused with a neutral message; the text stays and nothing is stored', { tag: '@phone' }, async ({ browser, page }) => {
  const ctx = await readerContext(browser);
  const reader = await ctx.newPage();
  await reader.goto('/report');
  const subject = uniq('蜜罐测试');
  const f: Fields = { name: '机器人', subject: ['标题', subject], body: ['举报内容', tipBody(subject)] };
  await fill(reader, f);
  // What a form-filling program does: fill every input, the hidden ones too.
  const honeypot = reader.locator('input[name="website"]');
  await expect(honeypot).not.toBeInViewport();
  await expect(honeypot).toHaveAttribute('tabindex', '-1');
  await expect(honeypot).toHaveAttribute('autocomplete', 'off');
  await expect(reader.locator('[aria-hidden="true"]').filter({ has: honeypot })).toHaveCount(1);
  await honeypot.fill('http://spam.example', { force: true });
  await reader.waitForTimeout(FILL_TIME_MS);
  await submit(reader);
  await expect(reader.getByTestId('reader-refusal')).toContainText('这次提交没有成功');
  await expect(reader.getByTestId('reader-refusal')).toContainText('您填写的内容都还在');
  await expectKept(reader, f);
  await expect(reader.getByTestId('receipt-code')).toHaveCount(0);
  // The honeypot itself is not sent back, so a person whose browser filled it can send again.
  await expect(honeypot).toHaveValue('');
  await submit(reader);
  await expectReceipt(reader);
  await ctx.close();

  // Exactly one message with this subject: the refused attempt stored nothing.
  await loginAs(page, 'editor');
  await expectInboxCount(page, subject, 1);
});

test('a form sent too fast is refused with how long to wait; the text stays and nothing is stored', { tag: '@phone' }, async ({ browser, page }) => {
  const ctx = await readerContext(browser);
  const reader = await ctx.newPage();
  await reader.goto('/contact');
  await expect(reader.getByRole('heading', { level: 1, name: '联系我们' })).toBeVisible();
  const subject = uniq('太快了');
  const f: Fields = { name: '张女士', contact: 'zhang@example.cn', subject: ['主题', subject], body: ['留言内容', `${subject},想咨询转载手续。`] };
  await fill(reader, f);
  // A program posts the moment it has the form. Filling fields on a busy machine can take a
  // person's 3 seconds, so the post carries a token signed (with the server's secret) as if
  // the page had been shown 20 seconds from now: too fast however slow this machine is.
  const token = reader.locator('input[name="token"]');
  const shown = await token.inputValue();
  const early = formToken(process.env.AUTH_SECRET!, 'contact', Date.now() + 20_000);
  await token.evaluate((el: HTMLInputElement, v) => (el.value = v), early);
  await submit(reader);
  await expect(reader.getByTestId('reader-refusal')).toContainText(/请稍候 \d+ 秒再点“提交”/);
  await expectKept(reader, f);
  await expect(reader.getByTestId('receipt-code')).toHaveCount(0);
  await expectNoHorizontalScroll(reader);
  // With the page's own token, shown more than a few seconds ago, the same form goes through.
  await reader.waitForTimeout(FILL_TIME_MS);
  await token.evaluate((el: HTMLInputElement, v) => (el.value = v), shown);
  await submit(reader);
  await expectReceipt(reader);
  await ctx.close();

  await loginAs(page, 'editor');
  await expectInboxCount(page, subject, 1);
});

test('a sixth message from one client within 10 minutes is refused with how long to wait; nothing is stored', { tag: '@phone' }, async ({ browser, page }) => {
  const ctx = await readerContext(browser);
  const base = uniq('频率测试');
  const readers = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(async (i) => {
      const p = await ctx.newPage();
      await p.goto('/report');
      await fill(p, { subject: ['标题', `${base} 第${i}封`], body: ['举报内容', tipBody(`${base} 第${i}封`)] });
      return p;
    }),
  );
  await readers[0]!.waitForTimeout(FILL_TIME_MS);
  for (const p of readers.slice(0, 5)) {
    await submit(p);
    await expectReceipt(p);
  }
  const last = readers[5]!;
  await submit(last);
  await expect(last.getByTestId('reader-refusal')).toContainText(/提交的次数太多了,请 \d+ 分钟后再试/);
  await expectKept(last, { subject: ['标题', `${base} 第6封`], body: ['举报内容', tipBody(`${base} 第6封`)] });
  await expect(last.getByTestId('receipt-code')).toHaveCount(0);
  await ctx.close();

  await loginAs(page, 'editor');
  await expectInboxCount(page, base, 5);
  await expectInboxCount(page, `${base} 第6封`, 0);
});

test('挑错 on an article opens the form about that article, and the newsroom sees which article', { tag: '@phone' }, async ({ browser, page }) => {
  const id = manifest().withTeam;
  const ctx = await readerContext(browser);
  const reader = await ctx.newPage();
  await reader.goto(`/articles/${id}`);
  const title = (await reader.getByRole('heading', { level: 1 }).textContent())!.trim();
  await reader.getByRole('link', { name: /^挑错/ }).click();
  await expect(reader).toHaveURL(new RegExp(`/report\\?article=${id}$`));
  await expect(reader.getByRole('heading', { level: 1, name: '挑错' })).toBeVisible();
  await expect(reader.getByTestId('reader-article')).toContainText(`《${title}》`);
  await expectNoHorizontalScroll(reader);
  const body = uniq('第二段的日期写错了,应为3月25日');
  // The summary line is optional for a correction.
  await fill(reader, { body: ['错误之处', body] });
  await reader.waitForTimeout(FILL_TIME_MS);
  await submit(reader);
  const code = await expectReceipt(reader);
  await expect(reader.getByRole('link', { name: '返回文章' })).toHaveAttribute('href', `/articles/${id}`);

  // An address with an id that is not a public article still shows a working form, and says why.
  await reader.goto('/report?article=999999999');
  await expect(reader.getByRole('heading', { level: 1, name: '信息举报' })).toBeVisible();
  await expect(reader.getByRole('note')).toContainText('链接中的文章不存在或尚未公开');
  await expect(reader.getByTestId('reader-article')).toHaveCount(0);
  await ctx.close();

  await loginAs(page, 'editor');
  await page.goto(`/dashboard/messages?kind=correction&q=${code}`);
  const row = page.getByTestId('message-rows').getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`关于《${title}》`);
  await row.getByRole('link', { name: `挑错:${title}` }).click();
  const attached = page.getByTestId('message-article');
  await expect(attached).toContainText(title);
  await expect(attached.getByRole('link', { name: '查看网站上的文章' })).toHaveAttribute('href', `/articles/${id}`);
  await expect(attached.getByRole('link', { name: '修改文章' })).toHaveAttribute('href', `/dashboard/articles/${id}/edit`);
  await expect(attached.getByRole('link', { name: '在编辑部打开' })).toHaveAttribute('href', `/dashboard/articles/${id}`);
  await expect(page.getByTestId('message-body')).toHaveText(body);
});

test('the 联系我们 form works without JavaScript, keeping what was typed on a refusal', { tag: '@phone' }, async ({ browser, page }) => {
  const ctx = await readerContext(browser, { javaScriptEnabled: false });
  const reader = await ctx.newPage();
  await reader.goto('/contact');
  const subject = uniq('无脚本留言');
  const f: Fields = { name: '李先生', contact: '0991-1234567', subject: ['主题', subject], body: ['留言内容', '太短'] };
  await fill(reader, f);
  await reader.waitForTimeout(FILL_TIME_MS);
  const [refusal] = await Promise.all([reader.waitForResponse((r) => r.request().method() === 'POST'), submit(reader)]);
  expect(refusal.headers()['cache-control']).toMatch(/no-store/);
  await expect(reader.getByText('留言内容至少需要 10 个字')).toBeVisible();
  await expectKept(reader, f);
  await reader.getByLabel('留言内容').fill(`${subject}:网站能否增加老年人大字版?`);
  await submit(reader);
  const code = await expectReceipt(reader);
  await ctx.close();

  await loginAs(page, 'editor');
  await expectInboxCount(page, code, 1);
});
