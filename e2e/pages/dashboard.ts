import { expect, type Page } from '@playwright/test';

/** The newsroom's article page: status, workflow buttons, feedback, history. */
export class DashboardArticle {
  constructor(readonly page: Page) {}

  status() {
    return this.page.locator('[data-status]').first();
  }

  async act(label: string, reason?: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    if (reason !== undefined) {
      await this.page.getByLabel(/理由/).fill(reason);
      await this.page.getByRole('button', { name: `确定${label}` }).click();
    }
  }

  async confirm(label: string) {
    await this.page.getByRole('button', { name: `确定${label}` }).click();
  }

  async expectStatus(text: string) {
    await expect(this.status()).toHaveText(text);
  }
}

/** Opens an article from the dashboard list by its title. */
export async function openFromDashboard(page: Page, title: string) {
  await page.goto('/dashboard');
  await page.getByTestId('article-rows').getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new DashboardArticle(page);
}
