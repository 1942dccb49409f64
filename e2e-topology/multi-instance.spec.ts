import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { SeedManifest } from '../db/seed';
import { loginAs } from '../e2e/fixtures';
import { DashboardArticle } from '../e2e/pages/dashboard';

interface TopologyInfo {
  url: string;
  instances: string[];
  manifest: string;
}
const topo = (): TopologyInfo => JSON.parse(process.env.TOPOLOGY ?? 'null') ?? fail();
const fail = (): never => {
  throw new Error('TOPOLOGY is not set: run through playwright.topology.config.ts');
};
const manifest = (): SeedManifest => JSON.parse(fs.readFileSync(topo().manifest, 'utf8')) as SeedManifest;

test.use({ baseURL: topo().url });

/** Every way a reader reaches the site: each instance directly, and nginx with its micro-cache. */
const targets = () => [...topo().instances.map((u, i) => ({ name: `instance ${i + 1}`, base: u })), { name: 'nginx', base: topo().url }];

async function get(url: string) {
  const r = await fetch(url, { redirect: 'manual' });
  return { status: r.status, body: await r.text(), headers: r.headers };
}

/** Polls until `ok` holds; returns the milliseconds it took from `since`, or fails after 5 s. */
async function until(url: string, ok: (r: Awaited<ReturnType<typeof get>>) => boolean, since: number): Promise<number> {
  for (;;) {
    const r = await get(url);
    const elapsed = Date.now() - since;
    if (ok(r)) return elapsed;
    if (elapsed > 5000) throw new Error(`${url} still shows the old state after 5 s (status ${r.status})`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

test('publishing on one instance shows the article on every instance and through nginx within a second', async ({ page }) => {
  const id = manifest().byState.approved!;
  const path = `/articles/${id}`;
  // Every reader path has the "not found" page and the home page cached before the publish.
  for (const t of targets()) {
    expect((await get(t.base + path)).status, t.name).toBe(404);
    expect((await get(t.base + path)).status, t.name).toBe(404);
    expect((await get(`${t.base}/`)).status, t.name).toBe(200);
  }

  await loginAs(page, 'chief');
  await page.goto(`/dashboard/articles/${id}`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const article = new DashboardArticle(page);
  await article.act('发布');
  await article.confirm('发布');
  await article.expectStatus('已发布');
  const published = Date.now();

  const delays = await Promise.all(
    targets().flatMap((t) => [
      until(t.base + path, (r) => r.status === 200 && r.body.includes(title), published),
      until(`${t.base}/`, (r) => r.status === 200 && r.body.includes(`href="${path}"`), published),
    ]),
  );
  for (const d of delays) expect(d).toBeLessThanOrEqual(1000);
});

test('unpublishing takes the article off every instance and nginx within a second', async ({ page }) => {
  const id = manifest().published[60]!;
  const path = `/articles/${id}`;
  for (const t of targets()) {
    expect((await get(t.base + path)).status, t.name).toBe(200);
    expect((await get(t.base + path)).status, t.name).toBe(200);
  }

  await loginAs(page, 'chief');
  await page.goto(`/dashboard/articles/${id}`);
  const article = new DashboardArticle(page);
  await article.act('撤稿', '多实例测试撤稿');
  await article.expectStatus('已撤稿');
  const unpublished = Date.now();

  const delays = await Promise.all(targets().map((t) => until(t.base + path, (r) => r.status === 404, unpublished)));
  for (const d of delays) expect(d).toBeLessThanOrEqual(1000);
});

test('nginx caches public pages briefly, never the newsroom or a signed-in visit, and serves assets for a year', async ({ page }) => {
  const { url } = topo();
  const path = `/articles/${manifest().published[1]}`;
  await get(url + path);
  const again = await get(url + path);
  expect(again.headers.get('x-micro-cache')).toBe('HIT');
  expect(again.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

  // The dashboard is never cached here, and a signed-in visitor skips the cache.
  const login = await get(`${url}/login`);
  expect(login.headers.get('x-micro-cache')).toBeNull();
  await loginAs(page, 'editor');
  const signedIn = await page.request.get(path);
  expect(signedIn.headers()['x-micro-cache']).toBe('BYPASS');

  // Build assets: from disk, immutable for a year, gzip for browsers that ask.
  const html = (await get(url + path)).body;
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)![0];
  const r = await fetch(url + asset, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(r.status).toBe(200);
  expect(r.headers.get('cache-control')).toContain('immutable');
  expect(r.headers.get('content-encoding')).toBe('gzip');
});
