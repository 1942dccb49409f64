import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { SeedManifest } from '../db/seed';

/** Ids of seeded articles in known states, written by `db:seed --manifest` for this run. */
export function manifest(): SeedManifest {
  const file = process.env.E2E_MANIFEST;
  if (!file) throw new Error('E2E_MANIFEST is not set: run the end-to-end tests through `npm test`.');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedManifest;
}

/** Fails when the page scrolls sideways (the mobile-first rule). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page must not scroll horizontally').toBeLessThanOrEqual(clientWidth);
}

export const test = base;
export { expect };

export const DEMO_PASSWORD = 'minsheng-demo';

/** Signs in through the real login form and waits for the dashboard. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId('current-user')).toBeVisible();
}
