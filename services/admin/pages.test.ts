import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages, siteSettings } from '@/db/schema';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { rt } from '@/domain/rich-text';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { expectRefusedUnchanged, fieldMessage, lastEvent as lastEventOf } from '@/test/refusal';
import { createPage, updatePage } from './pages';

let t: TestDb;
let admin: Principal, chief: Principal, editor: Principal;

beforeAll(async () => {
  t = await createTestDb('seeded');
  admin = await principalOf(t.db, 'admin');
  chief = await principalOf(t.db, 'chief');
  editor = await principalOf(t.db, 'editor');
});
afterAll(() => t.close());

const page = async (id: number) => (await t.db.select().from(pages).where(eq(pages.id, id)))[0]!;
const footerLinks = async () => (await t.db.select({ l: siteSettings.footerLinks }).from(siteSettings))[0]!.l;
const lastEvent = (action: string) => lastEventOf(t.db, action);

const refused = (call: () => Promise<unknown>) => expectRefusedUnchanged(t.db, call);

const body = rt.doc(rt.h2('服务指南'), rt.p('本站为读者提供以下服务。'));
const input = (extra: Record<string, unknown> = {}) => ({ slug: 'fuwu', title: '读者服务', body, sort: 9, showInFooter: false, ...extra });

describe('createPage', () => {
  it('stores the sanitised body, writes page.create and refreshes the page lists and the page', async () => {
    const withBadLink = rt.doc({ type: 'paragraph', content: [{ type: 'text', text: '点这里', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] });
    const r = await createPage(admin, input({ slug: 'anquan', body: withBadLink }));
    expect((await page(r.id)).body).toEqual(rt.doc(rt.p('点这里')));
    expect(r.tags).toEqual(['pages', 'page:anquan']);
    expect(await lastEvent('page.create')).toMatchObject({ actorId: admin.id, data: { pageId: r.id, after: { slug: 'anquan', title: '读者服务', showInFooter: false }, footerLink: null } });
  });

  it('「在页脚显示」 adds the page to the footer links (and refreshes the settings)', async () => {
    const r = await createPage(admin, input({ slug: 'fuwu', showInFooter: true }));
    expect(await footerLinks()).toContainEqual({ label: '读者服务', href: '/pages/fuwu' });
    expect(r.tags).toContain('settings');
  });

  it('refuses a bad or taken slug, a body outside the schema, and non-admins, changing nothing', async () => {
    expect(fieldMessage(await refused(() => createPage(admin, input({ slug: 'About' }))), 'slug')).toMatch(/^网址名只能用小写英文字母/);
    expect(fieldMessage(await refused(() => createPage(admin, input({ slug: 'about' }))), 'slug')).toBe('网址名「about」已被其他页面使用,请换一个');
    await refused(() => createPage(admin, input({ slug: 'html', body: { type: 'doc', content: [{ type: 'html', value: '<script>' }] } })));
    expect(fieldMessage(await refused(() => createPage(admin, input({ slug: 'x', title: ' ' }))), 'title')).toBe('请填写标题');
    for (const who of [editor, chief]) expect(((await refused(() => createPage(who, input({ slug: 'yuequan' })))) as AppError).code).toBe('FORBIDDEN');
  });
});

describe('updatePage', () => {
  it('renames the slug: refreshes the old and new page, moves its footer link and keeps its place', async () => {
    const [about] = await t.db.select().from(pages).where(eq(pages.slug, 'about'));
    const before = await footerLinks();
    const at = before.findIndex((l) => l.href === '/pages/about');
    expect(at).toBeGreaterThanOrEqual(0);
    const r = await updatePage(admin, {
      id: about!.id,
      updatedAt: about!.updatedAt.toISOString(),
      slug: 'guanyu',
      title: '关于我们',
      body: rt.doc(rt.p('新的介绍。')),
      sort: about!.sort,
      showInFooter: true,
    });
    expect(r.tags).toEqual(['pages', 'page:about', 'page:guanyu', 'settings']);
    expect((await footerLinks())[at]).toEqual({ label: '关于我们', href: '/pages/guanyu' });
    expect((await page(about!.id)).updatedBy).toBe(admin.id);
    const ev = await lastEvent('page.update');
    expect(ev!.data).toEqual({
      pageId: about!.id,
      before: { slug: 'about', title: '关于本站' },
      after: { slug: 'guanyu', title: '关于我们' },
      bodyChanged: true,
      footerLink: 'updated',
    });
  });

  it('unticking 「在页脚显示」 removes the link', async () => {
    const [ads] = await t.db.select().from(pages).where(eq(pages.slug, 'ads'));
    await updatePage(admin, { id: ads!.id, slug: 'ads', title: ads!.title, body: ads!.body, sort: ads!.sort, showInFooter: false });
    expect((await footerLinks()).some((l) => l.href === '/pages/ads')).toBe(false);
    expect(await lastEvent('page.update')).toMatchObject({ data: { after: { showInFooter: false }, bodyChanged: false, footerLink: 'removed' } });
  });

  it('refuses a save over someone else’s newer one, and writes nothing when nothing changed', async () => {
    const [legal] = await t.db.select().from(pages).where(eq(pages.slug, 'legal-aid'));
    const same = { id: legal!.id, slug: legal!.slug, title: legal!.title, body: legal!.body, sort: legal!.sort, showInFooter: legal!.showInFooter };
    const fp = await databaseFingerprint(t.db);
    expect(await updatePage(admin, { ...same, updatedAt: legal!.updatedAt.toISOString() })).toMatchObject({ changed: false, tags: [] });
    expect(await databaseFingerprint(t.db)).toBe(fp);
    const e = await refused(() => updatePage(admin, { ...same, title: '改', updatedAt: new Date(0).toISOString() }));
    expect((e as AppError).code).toBe('CONFLICT');
    expect((e as AppError).message).toMatch(/^这个页面刚被其他管理员修改过/);
  });

  it('is for admins only', async () => {
    const [legal] = await t.db.select().from(pages).where(eq(pages.slug, 'legal-aid'));
    for (const who of [editor, chief]) {
      expect(((await refused(() => updatePage(who, { id: legal!.id, slug: 'legal-aid', title: '越权', body, sort: 0, showInFooter: true }))) as AppError).code).toBe('FORBIDDEN');
    }
  });
});
