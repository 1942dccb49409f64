import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { SEED_TEAMS } from '../db/seed-content';
import { expect, expectNoHorizontalScroll, loginAs, manifest, test } from './fixtures';

// The chief editor checks the audit log and takes a copy; an editor prints an article's
// approval record and reads the teams' statistics.

test('the chief editor filters the audit log by action and downloads the same rows as CSV', async ({ page }) => {
  await loginAs(page, 'chief');
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '审核通过' });
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/action=approve/);

  const rows = page.getByTestId('audit-rows').getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const labels = await page.getByTestId('audit-action').allInnerTexts();
  expect(labels.length).toBeGreaterThan(5);
  expect(new Set(labels)).toEqual(new Set(['审核通过']));
  const firstTime = await rows.first().locator('time').innerText();
  await expectNoHorizontalScroll(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{12}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
  expect(csv.length).toBeGreaterThanOrEqual(labels.length);
  for (const r of csv) expect([r['操作代码'], r['操作']]).toEqual(['approve', '审核通过']);
  // Newest first, like the page.
  expect(csv[0]!['时间(北京时间)']).toBe(firstTime);
  expect(csv.some((r) => r['审核环节'] === '终审' && r['操作人'] === '周总编')).toBe(true);

  // The export itself is in the log now.
  await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '导出审计日志' });
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page.getByTestId('audit-rows').getByRole('listitem').first()).toContainText('周总编');
});

test('an editor opens an article’s approval record and prints it without the navigation', async ({ page }) => {
  await loginAs(page, 'editor');
  await page.goto(`/dashboard/articles/${manifest().withTeam}`);
  await page.getByRole('link', { name: '审核记录(可打印)' }).click();
  await expect(page.getByRole('heading', { name: '稿件审核记录' })).toBeVisible();

  // 下乡专栏 has two review stages: 李编辑 signs 初审, 周总编 终审 and publishes.
  const signatures = page.getByTestId('record-signatures');
  await expect(signatures.getByRole('row', { name: /初审通过/ })).toContainText('李编辑');
  await expect(signatures.getByRole('row', { name: /终审通过/ })).toContainText('周总编');
  await expect(signatures.getByRole('row', { name: /^发布/ })).toContainText('周总编');
  const steps = page.getByTestId('record-steps');
  for (const action of ['submit', 'claim', 'approve', 'publish']) await expect(steps.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
  await expect(steps.locator('tr[data-action="submit"]').first()).toContainText('提交');
  await expectNoHorizontalScroll(page);

  const nav = page.getByRole('navigation', { name: '工作台导航' });
  await expect(nav).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(nav).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByText('民生网', { exact: true })).toBeVisible();
  await expect(page.getByTestId('record-article-title')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(nav).toBeVisible();
});

test('an editor reads the teams’ statistics: a table with figures and a chart', async ({ page }) => {
  await loginAs(page, 'editor');
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '统计' }).click();
  await expect(page.getByRole('heading', { name: '工作队统计' })).toBeVisible();

  const team = SEED_TEAMS[0]!.shortName;
  const row = page.getByTestId('stats-units').getByRole('row', { name: new RegExp(team) });
  const cells = await row.getByRole('cell').allInnerTexts();
  const [submitted, published] = cells.map((c) => Number(c));
  expect(submitted).toBeGreaterThan(0);
  expect(published).toBeGreaterThan(0);
  expect(cells[3]).toMatch(/(小时|天|分钟)$/);
  await expect(page.getByRole('img', { name: /每月稿件数/ })).toBeVisible();
  await expect(page.getByTestId('stats-definitions')).toContainText('同一篇稿件退回两次计两次');
  await expectNoHorizontalScroll(page);

  // One team by month: the chart and the table follow the choice.
  await row.getByRole('link', { name: team }).click();
  await expect(page.getByRole('img', { name: new RegExp(`${team}每月稿件数`) })).toBeVisible();
  const total = page.getByTestId('stats-months').locator('tfoot').getByRole('cell');
  expect(Number((await total.allInnerTexts())[0])).toBe(submitted);
});
