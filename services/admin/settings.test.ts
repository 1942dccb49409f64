import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pages, siteSettings } from '@/db/schema';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { expectRefusedUnchanged, fieldMessage } from '@/test/refusal';
import { updateSettings } from './settings';

let t: TestDb;
let admin: Principal, chief: Principal, editor: Principal;

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  chief = await principalOf(t.db, 'chief');
  editor = await principalOf(t.db, 'editor');
});
afterAll(() => t.close());

const row = async () => (await t.db.select().from(siteSettings))[0]!;
/** The form's values as loaded: the stored settings plus the version it was loaded at. */
async function loaded() {
  const s = await row();
  const { siteName, shortName, slogan, copyrightHolder, copyrightSince, icpNumber, psbNumber, footerLinks } = s;
  return { siteName, shortName, slogan, copyrightHolder, copyrightSince, icpNumber, psbNumber, footerLinks, updatedAt: s.updatedAt.toISOString() };
}

const refused = (call: () => Promise<unknown>) => expectRefusedUnchanged(t.db, call);

describe('updateSettings', () => {
  it('saves the filing numbers, writes settings.update with only what changed, and refreshes the settings tag', async () => {
    const form = await loaded();
    const r = await updateSettings(admin, { ...form, icpNumber: ' 新ICP备12345678号-2 ', psbNumber: '新公网安备 65010202000123号' });
    expect(r).toMatchObject({ changed: true, tags: ['settings'] });
    expect(await row()).toMatchObject({ icpNumber: '新ICP备12345678号-2', psbNumber: '新公网安备 65010202000123号', updatedBy: admin.id });
    const [ev] = await t.db.select().from(events).where(eq(events.action, 'settings.update')).orderBy(desc(events.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id });
    expect(ev!.data).toEqual({
      before: { icpNumber: form.icpNumber, psbNumber: form.psbNumber },
      after: { icpNumber: '新ICP备12345678号-2', psbNumber: '新公网安备 65010202000123号' },
    });
  });

  it('edits the footer links (add, remove, reorder) and keeps the pages’ 「在页脚显示」 in step', async () => {
    const form = await loaded();
    const withoutAbout = form.footerLinks.filter((l) => l.href !== '/pages/about');
    const links = [{ label: '民生服务', href: 'https://example.org/fuwu' }, ...withoutAbout.reverse()];
    await updateSettings(admin, { ...form, footerLinks: links });
    expect((await row()).footerLinks).toEqual(links);
    expect((await t.db.select({ show: pages.showInFooter }).from(pages).where(eq(pages.slug, 'about')))[0]!.show).toBe(false);
    expect((await t.db.select({ show: pages.showInFooter }).from(pages).where(eq(pages.slug, 'contact')))[0]!.show).toBe(true);
  });

  it('accepts site paths and http(s) addresses only as footer links, with a message on the row', async () => {
    const form = await loaded();
    for (const href of ['javascript:alert(1)', '//evil.example/x', 'mailto:a@b.cn', 'ftp://x.cn/', 'pages/about', 'https://', '/a b']) {
      const e = await refused(() => updateSettings(admin, { ...form, footerLinks: [...form.footerLinks, { label: '坏链接', href }] }));
      expect(fieldMessage(e, `footerLinks.${form.footerLinks.length}.href`), href).toMatch(/^链接地址应为本站路径/);
    }
    let e = await refused(() => updateSettings(admin, { ...form, footerLinks: [...form.footerLinks, { label: ' ', href: '/x' }] }));
    expect(fieldMessage(e, `footerLinks.${form.footerLinks.length}.label`)).toBe('请填写链接文字');
    e = await refused(() => updateSettings(admin, { ...form, footerLinks: [...form.footerLinks, { ...form.footerLinks[0]!, label: '重复' }] }));
    expect(fieldMessage(e, `footerLinks.${form.footerLinks.length}.href`)).toBe('这个链接地址已经有了,同一地址只能出现一次');
    e = await refused(() => updateSettings(admin, { ...form, siteName: '' }));
    expect(fieldMessage(e, 'siteName')).toBe('请填写网站名称');
    e = await refused(() => updateSettings(admin, { ...form, copyrightSince: new Date().getFullYear() + 1 }));
    expect(fieldMessage(e, 'copyrightSince')).toBe('起始年份不能晚于今年');
  });

  it('refuses a save over another admin’s newer one, keeping both apart', async () => {
    const stale = await loaded();
    await updateSettings(admin, { ...stale, slogan: '第一位管理员的标语' });
    const e = await refused(() => updateSettings(admin, { ...stale, slogan: '第二位管理员的标语' }));
    expect((e as AppError).code).toBe('CONFLICT');
    expect((await row()).slogan).toBe('第一位管理员的标语');
  });

  it('writes nothing when nothing changed', async () => {
    const before = await databaseFingerprint(t.db);
    expect(await updateSettings(admin, await loaded())).toMatchObject({ changed: false, tags: [] });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('is for admins only: editors and chief editors are FORBIDDEN, nothing changed', async () => {
    const form = await loaded();
    for (const who of [editor, chief]) expect(((await refused(() => updateSettings(who, { ...form, icpNumber: '越权' }))) as AppError).code).toBe('FORBIDDEN');
    expect(((await refused(() => updateSettings(null, form))) as AppError).code).toBe('UNAUTHENTICATED');
  });
});
