import exifr from 'exifr';
import sharp from 'sharp';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';
import { NetProxy } from './net-proxy';

// The field app on a phone with a failing signal. Runs in the phone project only.
// A loopback proxy plays the signal, so "offline" fails the page's and the service
// worker's requests alike; setOffline also tells the page (navigator.onLine, events).

test.describe.configure({ mode: 'serial' });

let proxy: NetProxy;
let origin: string;

test.beforeEach(async () => {
  proxy = new NetProxy(Number(process.env.E2E_PORT));
  origin = await proxy.start();
});
test.afterEach(async () => {
  await proxy.stop();
});

async function signalLost(context: BrowserContext) {
  proxy.offline();
  await context.setOffline(true);
}

async function signalBack(context: BrowserContext) {
  proxy.online();
  await context.setOffline(false);
}

/** Signs in, opens the field app and waits until its service worker keeps the page for offline use. */
async function openFieldApp(page: Page) {
  await loginAs(page, 'reporter1');
  await page.goto(`${origin}/dashboard/field`);
  await expect(page.getByTestId('field-app')).toHaveAttribute('data-ready', 'true');
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration('/dashboard/field');
          if (!reg?.active) return false;
          return Boolean(await caches.match('/dashboard/field'));
        }),
      { timeout: 20_000, message: 'the service worker caches the field app' },
    )
    .toBe(true);
}

async function serverReports(page: Page) {
  const res = await page.request.get(`${origin}/api/field/drafts`);
  expect(res.ok()).toBe(true);
  const json = (await res.json()) as { data: { articles: { id: number; status: string; fields: { title: string; body: unknown } | null }[] } };
  return json.data.articles;
}

async function writeReport(page: Page, title: string, text: string) {
  await page.getByRole('button', { name: '写新稿件' }).click();
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByTestId('rich-text-editor').click();
  await page.keyboard.type(text);
  await expect(page.getByTestId('field-save-state')).toContainText('已保存在本机');
}

test('a report typed with no signal survives a reload and reaches the server when the signal returns', async ({ page, context }) => {
  const title = `离线写的稿件 ${Date.now()}`;
  await openFieldApp(page);
  await signalLost(context);

  // The app itself opens without a network.
  await page.reload();
  await expect(page.getByTestId('field-app')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('connection')).toHaveText('离线');

  await writeReport(page, title, '今天村里的光伏电站并网发电。');
  await page.reload();
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(title);
  await expect(page.getByTestId('rich-text-editor')).toContainText('今天村里的光伏电站并网发电。');
  await page.getByRole('button', { name: '← 我的稿件' }).click();
  const row = page.getByTestId('field-drafts').getByRole('button', { name: title });
  await expect(row.getByTestId('draft-sync')).toHaveText('仅在本机');

  await signalBack(context);
  await expect(row.getByTestId('draft-sync')).toHaveText('已同步', { timeout: 30_000 });
  const onServer = (await serverReports(page)).filter((a) => a.fields?.title === title);
  expect(onServer).toHaveLength(1);
  expect(JSON.stringify(onServer[0]!.fields!.body)).toContain('光伏电站并网发电');
  expect(onServer[0]!.status).toBe('draft');
});

test('a report submitted with no signal waits in the outbox and is delivered once when the signal returns', async ({ page, context }) => {
  const title = `离线提交 ${Date.now()}`;
  await openFieldApp(page);
  await signalLost(context);
  await page.reload();
  await writeReport(page, title, '合作社的牦牛肉产品今天上了县里的展销会。');
  await page.getByRole('button', { name: '提交审核' }).click();

  const item = page.getByTestId('outbox-item').filter({ hasText: title });
  await expect(item).toHaveAttribute('data-state', 'waiting');
  await expect(item.getByTestId('outbox-state')).toHaveText('等待发送');
  // Still waiting after a reload: the outbox lives on the phone.
  await page.reload();
  await expect(item.getByTestId('outbox-state')).toHaveText('等待发送');

  await signalBack(context);
  await expect(item.getByTestId('outbox-state')).toHaveText('已发送', { timeout: 30_000 });
  await expect(item).toContainText('回执号 MS');
  const onServer = (await serverReports(page)).filter((a) => a.status === 'submitted');
  const mine = [];
  for (const a of onServer) {
    const page2 = await page.request.get(`${origin}/dashboard/articles/${a.id}`);
    if ((await page2.text()).includes(title)) mine.push(a.id);
  }
  expect(mine).toHaveLength(1);
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a double tap, a lost answer and a replay make one report', async ({ page }) => {
    const title = `双击提交 ${Date.now()}`;
    await loginAs(page, 'reporter1');
    await page.goto(`${origin}/dashboard/field`);
    await expect(page.getByTestId('field-app')).toHaveAttribute('data-ready', 'true');
    await writeReport(page, title, '村卫生室新来了一位医生。');
    await expect(page.getByTestId('field-save-state')).toContainText('已同步到服务器', { timeout: 15_000 });

    // The first submission reaches the server but its answer is lost on the way back.
    const bodies: string[] = [];
    let first = true;
    await page.route('**/api/field/submit', async (route) => {
      bodies.push(route.request().postData() ?? '');
      if (first) {
        first = false;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.getByRole('button', { name: '提交审核' }).dblclick();
    const item = page.getByTestId('outbox-item').filter({ hasText: title });
    await expect(item).toHaveCount(1);
    // The phone tries again (here: at once, as when the signal comes back) with the same key.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(item.getByTestId('outbox-state')).toHaveText('已发送', { timeout: 30_000 });
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    const keys = new Set(bodies.map((b) => (JSON.parse(b) as { submissionKey: string }).submissionKey));
    expect(keys.size).toBe(1);

    // Replaying the request by hand changes nothing either.
    const replay = await page.request.post(`${origin}/api/field/submit`, { data: JSON.parse(bodies[0]!) as unknown });
    const answer = (await replay.json()) as { ok: boolean; data: { articleId: number; replay: boolean } };
    expect(answer).toMatchObject({ ok: true, data: { replay: true } });
    const withTitle = [];
    for (const a of await serverReports(page)) {
      const html = await (await page.request.get(`${origin}/dashboard/articles/${a.id}`)).text();
      if (html.includes(title)) withTitle.push(a);
    }
    expect(withTitle.map((a) => a.id)).toEqual([answer.data.articleId]);
    expect(withTitle[0]!.status).toBe('submitted');
  });
});

test('a photo upload cut midway resumes where it stopped; the stored photo is upright, 2000 px and carries no EXIF or GPS', async ({ page }) => {
  const noise = Buffer.alloc(3000 * 2000 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  // A camera photo taken with the phone turned (orientation 6) and a GPS position.
  const photo = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'FieldPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '91/1 7/1 0/1' } })
    .toBuffer();
  expect((await exifr.gps(photo))?.latitude).toBeGreaterThan(29);

  await openFieldApp(page);
  await writeReport(page, `带照片的稿件 ${Date.now()}`, '村口新装的路灯。');
  // Cut the second chunk (256 kB on) after 100 kB of it.
  proxy.cutUploadOnce(256 * 1024, 100_000);
  await page.locator('input[type="file"]').setInputFiles({ name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('upload-progress')).toBeVisible();
  const img = page.getByTestId('rich-text-editor').locator('img[src^="/media/"]');
  await expect(img).toHaveCount(1, { timeout: 45_000 });

  // Resumed, not restarted: after the cut the next PATCH continues at the cut chunk's offset.
  expect(proxy.cutAt).toEqual([256 * 1024]);
  const afterCut = proxy.patchOffsets.slice(proxy.patchOffsets.indexOf(256 * 1024) + 1);
  expect(afterCut[0]).toBe(256 * 1024);
  expect(afterCut).not.toContain(0);

  const src = (await img.getAttribute('src'))!;
  const stored = Buffer.from(await (await page.request.get(`${origin}${src}`)).body());
  const meta = await sharp(stored).metadata();
  expect([meta.width, meta.height]).toEqual([1333, 2000]);
  expect(await exifr.parse(stored, { tiff: true, exif: true, gps: true })).toBeUndefined();
});
