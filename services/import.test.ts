import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { NextConfig } from 'next';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { prepareDestination } from 'next/dist/shared/lib/router/utils/prepare-destination';
import { parseUrl } from 'next/dist/shared/lib/router/utils/parse-url';
import { formatUrl } from 'next/dist/shared/lib/router/utils/format-url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/legacy/route';
import { getPublicArticle } from '@/db/queries/articles';
import { searchArticles } from '@/db/queries/search';
import { articleStats, articles, columns, events, regions, revisions, teams } from '@/db/schema';
import { AppError } from '@/domain/errors';
import { decodeLegacyBytes, parseLegacyPage, type LegacyPage } from '@/domain/legacy-page';
import { rt } from '@/domain/rich-text';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { databaseFingerprint } from '@/test/principals';
import { columnSlugFor, importLegacyPage, IMPORT_ACTION } from './import';

const repoRoot = path.resolve(import.meta.dirname, '..');
const REFERENCE = path.resolve(repoRoot, '../shared/reference/legacy-article-page.txt');
const TEAM = '自治区党委办公厅驻英吉沙县色提力乡帕其英也尔村工作队';
const URL_PATH = '/html/xxzl/2019/0125/12345.html';

function pageOf(text: string): LegacyPage {
  const r = parseLegacyPage(text);
  if (!r.ok) throw new Error(r.reason);
  return r.page;
}
const fixtureText = (name: string) => decodeLegacyBytes(fs.readFileSync(path.join(repoRoot, 'test/fixtures/legacy', name)));
const reference = () => ({ ...pageOf(fs.readFileSync(REFERENCE, 'utf8')), legacyUrl: URL_PATH });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const articleRow = async (id: number) => (await t.db.select().from(articles).where(eq(articles.id, id)))[0]!;
const countOf = async (table: PgTable) => (await t.db.select({ n: count() }).from(table))[0]!.n;
const eventsOf = (id: number) => t.db.select().from(events).where(eq(events.articleId, id)).orderBy(events.id);
const revisionsOf = (id: number) => t.db.select().from(revisions).where(eq(revisions.articleId, id)).orderBy(revisions.version);
const viewsOf = async (id: number) => (await t.db.select().from(articleStats).where(eq(articleStats.articleId, id)))[0]?.views;

describe('importing the reference page', () => {
  let id: number;

  it('publishes it in the existing column 下乡专栏 with every field stored', async () => {
    const [xiaxiang] = await t.db.select().from(columns).where(eq(columns.name, '下乡专栏'));
    const columnsBefore = await countOf(columns);
    const before = Date.now();
    const result = await importLegacyPage(t.db, reference());
    expect(result.action).toBe('created');
    id = result.id;
    expect(await countOf(columns)).toBe(columnsBefore);

    const a = await articleRow(id);
    expect(a).toMatchObject({
      columnId: xiaxiang!.id,
      title: '“冬季攻势”聚民心 脱贫攻坚有力量',
      author: '',
      source: '',
      reporters: [{ name: '谢新宇', role: 'reporter' }],
      // No team has this name yet: the credit is kept as text.
      teamId: null,
      creditText: TEAM,
      editorName: '',
      status: 'published',
      legacyUrl: URL_PATH,
      version: 1,
      summary: '',
      coverMediaId: null,
    });
    expect(a.receiptCode).toMatch(/^MS[2-9A-HJKMNP-Z]{8}$/);
    // The page prints no date: published at the time of the import.
    expect(a.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(a.body).toEqual(reference().body);
    expect(a.body.content.filter((b) => b.type === 'heading')).toHaveLength(4);
    expect(await viewsOf(id)).toBe(0);

    const [rev] = await revisionsOf(id);
    expect(rev).toMatchObject({ version: 1, note: '导入', title: a.title, authorId: null });
    expect(rev!.meta).toMatchObject({ columnId: xiaxiang!.id, reporters: a.reporters });
    const [ev] = await eventsOf(id);
    expect(ev).toMatchObject({ action: IMPORT_ACTION, fromStatus: null, toStatus: 'published', actorId: null });
    expect(ev!.data).toMatchObject({ result: 'created', legacyUrl: URL_PATH, prevTitle: '国家统计局新疆调查总队到帮扶村开展春节慰问活动', nextTitle: '我参与 我奉献 我快乐' });
  });

  it('is publicly visible like any published article', async () => {
    const pub = await getPublicArticle(id);
    expect(pub).toMatchObject({ id, title: '“冬季攻势”聚民心 脱贫攻坚有力量', creditText: TEAM, legacyUrl: URL_PATH });
  });

  it('is found by search, by a phrase of its body and by its reporter', async () => {
    expect((await searchArticles({ q: '农民夜校' })).hits.map((h) => h.id)).toContain(id);
    expect((await searchArticles({ q: '谢新宇' })).hits.map((h) => h.id)).toEqual([id]);
  });

  it('importing it again changes nothing', async () => {
    const [nArticles, nRevisions, nEvents] = [await countOf(articles), await countOf(revisions), await countOf(events)];
    expect(await importLegacyPage(t.db, reference())).toEqual({ action: 'unchanged', id });
    expect([await countOf(articles), await countOf(revisions), await countOf(events)]).toEqual([nArticles, nRevisions, nEvents]);
  });

  it('links the credit to the team once a team of that name exists', async () => {
    const [region] = await t.db.select({ id: regions.id }).from(regions).limit(1);
    const [team] = await t.db.insert(teams).values({ name: TEAM, shortName: '党办驻帕其英也尔村工作队', regionId: region!.id }).returning();
    expect(await importLegacyPage(t.db, reference())).toEqual({ action: 'updated', id });
    const a = await articleRow(id);
    expect(a).toMatchObject({ teamId: team!.id, creditText: '', version: 2 });
    expect((await getPublicArticle(id))?.teamName).toBe(TEAM);
  });

  it('a changed page updates the same article: new version, revision and event, no duplicate', async () => {
    const changed = { ...reference(), title: '“冬季攻势”聚民心(修订)', body: rt.doc(rt.p('修订后的正文。')), views: 321 };
    const nArticles = await countOf(articles);
    expect(await importLegacyPage(t.db, changed)).toEqual({ action: 'updated', id });
    expect(await countOf(articles)).toBe(nArticles);
    expect(await t.db.select({ n: count() }).from(articles).where(eq(articles.legacyUrl, URL_PATH))).toEqual([{ n: 1 }]);
    const a = await articleRow(id);
    expect(a).toMatchObject({ title: '“冬季攻势”聚民心(修订)', body: rt.doc(rt.p('修订后的正文。')), version: 3 });
    expect((await revisionsOf(id)).map((r) => [r.version, r.note])).toEqual([
      [1, '导入'],
      [2, '重新导入'],
      [3, '重新导入'],
    ]);
    const last = (await eventsOf(id)).at(-1)!;
    expect(last).toMatchObject({ action: IMPORT_ACTION, fromStatus: 'published', toStatus: 'published' });
    expect(last.data).toMatchObject({ result: 'updated', version: 3 });
    expect(await viewsOf(id)).toBe(321);
    // The search tokens follow the new text.
    expect((await searchArticles({ q: '修订后的正文' })).hits.map((h) => h.id)).toEqual([id]);
    expect((await searchArticles({ q: '谢新宇 农民夜校' })).hits).toEqual([]);
  });

  it('keeps the larger view count: views counted since the import are not lost', async () => {
    await t.db.update(articleStats).set({ views: 5000 }).where(eq(articleStats.articleId, id));
    expect((await importLegacyPage(t.db, { ...reference(), title: '“冬季攻势”聚民心(修订)', body: rt.doc(rt.p('修订后的正文。')), views: 321 })).action).toBe('unchanged');
    expect(await viewsOf(id)).toBe(5000);
  });
});

describe('columns, credits and matching', () => {
  it('creates a column the site does not have yet, hidden from navigation, and reuses it', async () => {
    const text = fixtureText('no-author-line.txt').replace('首页 >>乡村振兴 >>', '首页 >>旧站档案 >>');
    const before = await countOf(columns);
    const first = await importLegacyPage(t.db, pageOf(text));
    expect(await countOf(columns)).toBe(before + 1);
    const [col] = await t.db.select().from(columns).where(eq(columns.name, '旧站档案'));
    expect(col).toMatchObject({ slug: columnSlugFor('旧站档案'), showInNav: false, showOnHome: false, reviewStages: 1 });
    expect(col!.slug).toMatch(/^col-[0-9a-f]{8}$/);
    expect((await articleRow(first.id)).columnId).toBe(col!.id);
    expect((await eventsOf(first.id))[0]!.data).toMatchObject({ columnCreated: true });

    const second = await importLegacyPage(t.db, pageOf(text.replaceAll('小菜园里种出好日子', '大棚里的冬天')));
    expect(second.action).toBe('created');
    expect(await countOf(columns)).toBe(before + 1);
    expect((await articleRow(second.id)).columnId).toBe(col!.id);
  });

  it('stores 作者, 来源, 发布时间 and 点击; 责任编辑 becomes the editor name', async () => {
    const { id } = await importLegacyPage(t.db, pageOf(fixtureText('full-meta.txt')));
    expect(await articleRow(id)).toMatchObject({
      author: '王晓东',
      source: '新疆民生网',
      publishedAt: new Date('2019-03-08T09:30:00+08:00'),
      editorName: '周小川',
      teamId: null,
      creditText: '',
      legacyUrl: '/html/msrd/2019/0308/20001.html',
    });
    expect(await viewsOf(id)).toBe(1024);
  });

  it('matches a page without a URL by column, title and date', async () => {
    const page = { ...pageOf(fixtureText('gbk.txt')) };
    const first = await importLegacyPage(t.db, page);
    expect(first.action).toBe('created');
    const again = await importLegacyPage(t.db, { ...page, body: rt.doc(rt.p('桥通车后,村民赶集方便多了。')) });
    expect(again).toEqual({ action: 'updated', id: first.id });
    // Imported later with its address (--url-prefix): the same article, now with the URL.
    const withUrl = await importLegacyPage(t.db, { ...page, legacyUrl: '/html/msrd/2018/1120/999.html' });
    expect(withUrl).toEqual({ action: 'updated', id: first.id });
    expect((await articleRow(first.id)).legacyUrl).toBe('/html/msrd/2018/1120/999.html');
  });

  it('never overwrites a newsroom article that shares column, title and date', async () => {
    const [own] = await t.db.select().from(articles).where(eq(articles.id, seedManifest().withTeam));
    const [col] = await t.db.select().from(columns).where(eq(columns.id, own!.columnId));
    const page = { ...pageOf(fixtureText('full-meta.txt')), columnName: col!.name, title: own!.title, publishedAt: own!.publishedAt, legacyUrl: null };
    const result = await importLegacyPage(t.db, page);
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(own!.id);
    expect(await articleRow(own!.id)).toEqual(own);
  });

  it('keeps the status an editor gave an imported article', async () => {
    const page = pageOf(fixtureText('reporters-byline.txt'));
    const { id } = await importLegacyPage(t.db, page);
    await t.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id));
    await importLegacyPage(t.db, { ...page, body: rt.doc(rt.p('夜校今年新开了电脑课。')) });
    expect((await articleRow(id)).status).toBe('unpublished');
  });
});

describe('a page that fails leaves no trace', () => {
  it('refused before the transaction: too long a title', async () => {
    const before = await databaseFingerprint(t.db);
    const err = await importLegacyPage(t.db, { ...reference(), title: '长'.repeat(201) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toContain('标题超过 200 字');
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('refused by the database half-way (after creating its column): everything is rolled back', async () => {
    const counts = async () => Promise.all([countOf(columns), countOf(articles), countOf(revisions), countOf(events)]);
    const before = [await databaseFingerprint(t.db), await counts()];
    // PostgreSQL text cannot hold NUL; the parser never yields one, a broken caller might.
    const broken = { ...reference(), columnName: '从未有过的栏目', title: '坏\u0000标题', legacyUrl: '/html/broken/1.html' };
    await expect(importLegacyPage(t.db, broken)).rejects.toThrow();
    expect([await databaseFingerprint(t.db), await counts()]).toEqual(before);
    expect(await t.db.select().from(columns).where(eq(columns.name, '从未有过的栏目'))).toEqual([]);
  });
});

describe('legacy URL redirect (app/api/legacy)', () => {
  let id: number;
  beforeAll(async () => {
    id = (await importLegacyPage(t.db, { ...pageOf(fixtureText('captions.txt')), legacyUrl: '/html/下乡/2019/0410/30008.html' })).id;
    await importLegacyPage(t.db, pageOf(fixtureText('editor-credit.txt'))); // /plus/view.php?aid=3021
  });
  const get = (url: string) => GET(new Request(url));

  it('answers 301 to the article for a known legacy URL, in any spelling', async () => {
    for (const url of [
      `http://localhost/api/legacy?legacyPath=${encodeURIComponent('html/%E4%B8%8B%E4%B9%A1/2019/0410/30008.html')}`,
      // GBK-escaped, as old Chinese sites often linked it
      `http://localhost/api/legacy?legacyPath=${encodeURIComponent('html/%CF%C2%CF%E7/2019/0410/30008.html')}`,
      'http://localhost/html/%E4%B8%8B%E4%B9%A1/2019/0410/30008.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(301);
      expect(res.headers.get('location')).toBe(`/articles/${id}`);
    }
  });

  it('keeps the query of dynamic legacy pages', async () => {
    const [a] = await t.db.select({ id: articles.id }).from(articles).where(eq(articles.legacyUrl, '/plus/view.php?aid=3021'));
    const res = await get('http://localhost/api/legacy?aid=3021&legacyPath=plus%2Fview.php');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/articles/${a!.id}`);
    expect((await get('http://localhost/api/legacy?aid=3022&legacyPath=plus%2Fview.php')).status).toBe(404);
  });

  it('answers 404 with a short Chinese page for an unknown URL', async () => {
    for (const url of ['http://localhost/api/legacy?legacyPath=html%2Fnope.html', 'http://localhost/api/legacy', 'http://localhost/api/legacy?legacyPath=%25E4%25B8%2F%25ZZ.php']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('页面不存在');
      expect(html).toMatch(/<a href="\/">返回首页<\/a>/);
    }
  });

  it('answers 404 once the article is no longer public', async () => {
    await t.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id));
    expect((await get('http://localhost/html/%E4%B8%8B%E4%B9%A1/2019/0410/30008.html')).status).toBe(404);
    await t.db.update(articles).set({ status: 'published', unpublishAt: new Date(Date.now() - 60_000) }).where(eq(articles.id, id));
    expect((await get('http://localhost/html/%E4%B8%8B%E4%B9%A1/2019/0410/30008.html')).status).toBe(404);
    await t.db.update(articles).set({ unpublishAt: null }).where(eq(articles.id, id));
  });

  it('next.config.mjs sends old-site paths, and only those, to the route with path and query', async () => {
    const config = ((await import(/* @vite-ignore */ path.join(repoRoot, 'next.config.mjs'))) as { default: NextConfig }).default;
    const rewrites = await config.rewrites!();
    const fallback = Array.isArray(rewrites) ? [] : (rewrites.fallback ?? []);
    expect(fallback).toHaveLength(1);
    const rule = fallback[0]!;
    const match = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true });
    // The same steps Next's router takes for a rewrite (server/lib/router-utils/resolve-routes).
    const rewritten = (url: string) => {
      const parsed = parseUrl(url);
      const params = match(parsed.pathname);
      if (!params) return null;
      const { parsedDestination } = prepareDestination({ appendParamsToQuery: true, destination: rule.destination, params, query: parsed.query });
      return `http://localhost${formatUrl(parsedDestination)}`;
    };
    for (const url of ['/articles/12', '/columns/xiaxiang', '/media/a/b.webp', '/', '/feed.xml', '/x.htmlx']) expect(rewritten(url), url).toBeNull();
    const res = await GET(new Request(rewritten('/plus/view.php?aid=3021')!));
    expect(res.status).toBe(301);
    const gbk = await GET(new Request(rewritten('/html/%CF%C2%CF%E7/2019/0410/30008.html')!));
    expect(gbk.headers.get('location')).toBe(`/articles/${id}`);
    for (const url of ['/a/1.htm', '/a/1.shtml', '/index.asp?id=1', '/a.aspx', '/b.jsp', '/C.HTML']) expect(rewritten(url), url).toMatch(/^http:\/\/localhost\/api\/legacy\?/);
  });
});
