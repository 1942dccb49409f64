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
