import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, columns, media } from '@/db/schema';
import { rt } from '@/domain/rich-text';
import type { Principal } from '@/domain/permissions';
import { createArticle } from '@/services/articles/create';
import { saveArticle } from '@/services/articles/save';
import { transitionArticle } from '@/services/articles/transition';
import { createTestDb, type TestDb } from '@/test/db';
import { principalOf } from '@/test/principals';
import { bodyUsesMedia, getMediaFor, listMedia, mediaUsage } from './media';

let t: TestDb;
let reporter1: Principal, reporter2: Principal, editor: Principal, admin: Principal;
let column: number;

/** A library row without stored files (these reads never open them). */
async function addMedia(uploadedBy: number | null, caption: string, alt: string, createdAt: Date) {
  const stem = `test/${crypto.randomBytes(8).toString('hex')}`;
  const [row] = await t.db
    .insert(media)
    .values({
      storageKey: `${stem}.jpg`,
      mime: 'image/jpeg',
      width: 1600,
      height: 900,
      bytes: 123_456,
      sha256: crypto.randomBytes(32).toString('hex'),
      variants: [{ width: 480, height: 270, key: `${stem}-480.webp`, format: 'webp', bytes: 9_000 }],
      caption,
      alt,
      uploadedBy,
      createdAt,
    })
    .returning();
  return row!;
}

const image = (m: { id: number; storageKey: string }) =>
  rt.image({ src: `/media/${m.storageKey}`, mediaId: m.id, width: 1600, height: 900, caption: '说明', alt: null });

async function article(by: Principal, title: string, body = rt.doc(rt.p('正文。'))) {
  const { id } = await createArticle(by, { columnId: column, title });
  await saveArticle(by, { id, version: 1, title, body, columnId: column });
  return id;
}

let teamA: Awaited<ReturnType<typeof addMedia>>;
let teamB: Awaited<ReturnType<typeof addMedia>>;

beforeAll(async () => {
  t = await createTestDb('seeded');
  reporter1 = await principalOf(t.db, 'reporter1');
  reporter2 = await principalOf(t.db, 'reporter2');
  editor = await principalOf(t.db, 'editor');
  admin = await principalOf(t.db, 'admin');
  const [col] = await t.db.select({ id: columns.id }).from(columns).where(eq(columns.slug, 'tongzhi'));
  column = col!.id;
  // In the future, so they list before the seeded photos.
  const later = Date.now() + 3_600_000;
  teamA = await addMedia(reporter1.id, '村东头新修的水渠', '水渠里流着清水', new Date(later));
  teamB = await addMedia(reporter2.id, '果园里挂满了苹果', '苹果树', new Date(later + 1000));
});
afterAll(() => t.close());

describe('listMedia', () => {
  it('shows a team only the photos its own members uploaded', async () => {
    const a = await listMedia(reporter1, {});
    expect(a.items.map((m) => m.id)).toEqual([teamA.id]);
    expect(a.total).toBe(1);
    const b = await listMedia(reporter2, {});
    expect(b.items.map((m) => m.id)).toEqual([teamB.id]);
    const teamless = await listMedia({ ...reporter1, teamId: null }, {});
    expect(teamless).toMatchObject({ items: [], total: 0 });
  });

  it('shows staff every photo, newest first, with the 480-wide WebP as thumbnail', async () => {
    const seeded = await t.db.select({ n: sql<number>`count(*)::int` }).from(media);
    const all = await listMedia(editor, {});
    expect(all.total).toBe(seeded[0]!.n);
    expect(all.items.slice(0, 2).map((m) => m.id)).toEqual([teamB.id, teamA.id]);
    expect(all.items[1]).toMatchObject({ src: `/media/${teamA.storageKey}`, thumbSrc: `/media/${teamA.storageKey.replace('.jpg', '-480.webp')}`, bytes: 123_456 });
    const stamps = all.items.map((m) => m.createdAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
  });

  it('searches a substring of the caption or the alt text, with a total, page by page', async () => {
    expect((await listMedia(editor, { q: '水渠' })).items.map((m) => m.id)).toEqual([teamA.id]);
    expect((await listMedia(editor, { q: '苹果树' })).items.map((m) => m.id)).toEqual([teamB.id]);
    expect((await listMedia(editor, { q: ' 挂满 ' })).total).toBe(1);
    // LIKE wildcards are plain characters.
    expect((await listMedia(editor, { q: '%' })).total).toBe(0);
    expect((await listMedia(editor, { q: '_' })).total).toBe(0);
    // A team's search never reaches another team's photos.
    expect((await listMedia(reporter1, { q: '苹果' })).total).toBe(0);
    const beyond = await listMedia(editor, { q: '水渠', page: 5 });
    expect(beyond).toMatchObject({ items: [], total: 1, page: 5 });
  });
});

describe('getMediaFor', () => {
  it('returns a visible photo with its uploader, and null for a foreign or missing one', async () => {
    expect(await getMediaFor(reporter1, teamA.id)).toMatchObject({ id: teamA.id, uploaderName: reporter1.name, ref: { uploaderTeamId: reporter1.teamId } });
    expect(await getMediaFor(editor, teamA.id)).toMatchObject({ id: teamA.id });
    expect(await getMediaFor(reporter2, teamA.id)).toBeNull();
    expect(await getMediaFor(editor, 99_999_999)).toBeNull();
  });
});

describe('mediaUsage', () => {
  let teamDraft: number, teamSubmittedCover: number, editorsDraft: number;

  beforeAll(async () => {
    // Team A's draft with the photo in its body only (cover cleared).
    teamDraft = await article(reporter1, '水渠通水(草稿)', rt.doc(rt.p('正文。'), image(teamA)));
    await t.db.update(articles).set({ coverMediaId: null }).where(eq(articles.id, teamDraft));
    // Team A's submitted report with the photo only as its cover.
    teamSubmittedCover = await article(reporter1, '水渠通水(已提交)');
    await t.db.update(articles).set({ coverMediaId: teamA.id }).where(eq(articles.id, teamSubmittedCover));
    await transitionArticle(reporter1, { id: teamSubmittedCover, action: 'submit', expectedStatus: 'draft' });
    // An editor's own draft using it in the body, after other blocks.
    editorsDraft = await article(editor, '编辑部稿件', rt.doc(rt.p('导语。'), rt.p('正文。'), image(teamA)));
  });

  it('finds the articles with the photo in the body or as cover', async () => {
    const ids = (await mediaUsage(admin, teamA.id)).map((a) => a.id).sort();
    expect(ids).toEqual([teamDraft, teamSubmittedCover, editorsDraft].sort());
    const one = (await mediaUsage(admin, teamA.id)).find((a) => a.id === teamSubmittedCover);
    expect(one).toMatchObject({ title: '水渠通水(已提交)', status: 'submitted' });
  });

  it('hides the articles the caller may not see', async () => {
    // Staff do not see a team's draft; the team does not see an editor's draft.
    expect((await mediaUsage(editor, teamA.id)).map((a) => a.id).sort()).toEqual([teamSubmittedCover, editorsDraft].sort());
    expect((await mediaUsage(reporter1, teamA.id)).map((a) => a.id).sort()).toEqual([teamDraft, teamSubmittedCover].sort());
    expect(await mediaUsage(reporter2, teamA.id)).toEqual([]);
  });

  it('says an unused photo is used nowhere (a media id is not matched as a number elsewhere)', async () => {
    expect(await mediaUsage(admin, teamB.id)).toEqual([]);
  });

  it('can use the GIN expression index of migration 0003 for the body lookup', async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const q = tx.select({ id: articles.id }).from(articles).where(bodyUsesMedia(teamA.id));
      const res = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${q}`);
      const rows = Array.isArray(res) ? res : (res as unknown as { rows: { 'QUERY PLAN': string }[] }).rows;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('articles_body_media_idx');
  });
});
