import crypto from 'node:crypto';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, events, media } from '@/db/schema';
import { AppError } from '@/domain/errors';
import type { Principal } from '@/domain/permissions';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { updateMediaDetails } from './media';

let t: TestDb;
let reporter1: Principal, reporter2: Principal, editor: Principal;
let teamAPhoto: number;

beforeAll(async () => {
  t = await createTestDb('seeded');
  reporter1 = await principalOf(t.db, 'reporter1');
  reporter2 = await principalOf(t.db, 'reporter2');
  editor = await principalOf(t.db, 'editor');
  const [row] = await t.db
    .insert(media)
    .values({
      storageKey: `test/${crypto.randomBytes(8).toString('hex')}.jpg`,
      mime: 'image/jpeg',
      width: 800,
      height: 600,
      bytes: 50_000,
      sha256: crypto.randomBytes(32).toString('hex'),
      caption: '原来的说明',
      alt: '原来的替代文字',
      uploadedBy: reporter1.id,
    })
    .returning({ id: media.id });
  teamAPhoto = row!.id;
});
afterAll(() => t.close());

const row = async (id: number) => (await t.db.select().from(media).where(eq(media.id, id)))[0]!;
const lastMediaEvent = async () =>
  (await t.db.select().from(events).where(eq(events.action, 'media.update')).orderBy(desc(events.id)).limit(1))[0];

/** The call fails with this error and leaves every table as it was. */
async function refusedUnchanged(call: () => Promise<unknown>, expected: string | typeof ZodError) {
  const before = await databaseFingerprint(t.db);
  const e = await call().then(
    () => null,
    (err: unknown) => err,
  );
  if (typeof expected === 'string') {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(expected);
  } else {
    expect(e).toBeInstanceOf(expected);
  }
  expect(await databaseFingerprint(t.db)).toBe(before);
}

describe('updateMediaDetails', () => {
  it('saves trimmed one-line text and writes the audit event', async () => {
    const r = await updateMediaDetails(editor, { id: teamAPhoto, caption: '  新修的水渠\n 通水了  ', alt: '\t渠水 清清 ' });
    expect(r).toMatchObject({ id: teamAPhoto, caption: '新修的水渠 通水了', alt: '渠水 清清', tags: [] });
    expect(await row(teamAPhoto)).toMatchObject({ caption: '新修的水渠 通水了', alt: '渠水 清清' });
    expect(await lastMediaEvent()).toMatchObject({
      articleId: null,
      actorId: editor.id,
      data: { mediaId: teamAPhoto, before: { caption: '原来的说明', alt: '原来的替代文字' }, after: { caption: '新修的水渠 通水了', alt: '渠水 清清' } },
    });
  });

  it('lets a team member describe a photo their team uploaded', async () => {
    await updateMediaDetails(reporter1, { id: teamAPhoto, caption: '工作队拍的水渠', alt: '' });
    expect(await row(teamAPhoto)).toMatchObject({ caption: '工作队拍的水渠', alt: '' });
    expect(await lastMediaEvent()).toMatchObject({ actorId: reporter1.id });
  });

  it('writes nothing when nothing changed', async () => {
    const before = await databaseFingerprint(t.db);
    expect(await updateMediaDetails(reporter1, { id: teamAPhoto, caption: ' 工作队拍的水渠 ', alt: '' })).toMatchObject({ tags: [] });
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('refuses another team, staff photos for a team, the signed-out and missing photos, changing nothing', async () => {
    await refusedUnchanged(() => updateMediaDetails(reporter2, { id: teamAPhoto, caption: '别队改的', alt: '' }), 'NOT_FOUND');
    const [staffPhoto] = await t.db.select({ id: media.id }).from(media).where(sql`${media.uploadedBy} = ${editor.id}`).limit(1);
    await refusedUnchanged(() => updateMediaDetails(reporter1, { id: staffPhoto!.id, caption: '队员改的', alt: '' }), 'NOT_FOUND');
    await refusedUnchanged(() => updateMediaDetails(null, { id: teamAPhoto, caption: '匿名', alt: '' }), 'UNAUTHENTICATED');
    await refusedUnchanged(() => updateMediaDetails({ ...reporter1, teamId: null }, { id: teamAPhoto, caption: '无队', alt: '' }), 'NOT_FOUND');
    await refusedUnchanged(() => updateMediaDetails(editor, { id: 99_999_999, caption: '没有这张', alt: '' }), 'NOT_FOUND');
  });

  it('refuses text over 200 characters and malformed input, changing nothing', async () => {
    await refusedUnchanged(() => updateMediaDetails(editor, { id: teamAPhoto, caption: '水'.repeat(201), alt: '' }), ZodError);
    await refusedUnchanged(() => updateMediaDetails(editor, { id: teamAPhoto, caption: '', alt: '图'.repeat(201) }), ZodError);
    await refusedUnchanged(() => updateMediaDetails(editor, { id: '1', caption: '', alt: '' }), ZodError);
    await refusedUnchanged(() => updateMediaDetails(editor, { id: teamAPhoto, caption: 3, alt: '' }), ZodError);
    await refusedUnchanged(() => updateMediaDetails(editor, { id: teamAPhoto }), ZodError);
    // 200 after trimming is fine.
    await updateMediaDetails(editor, { id: teamAPhoto, caption: ` ${'水'.repeat(200)} `, alt: '' });
    expect((await row(teamAPhoto)).caption).toHaveLength(200);
    const e = await updateMediaDetails(editor, { id: teamAPhoto, caption: '水'.repeat(201), alt: '' }).catch((x: unknown) => x);
    expect((e as ZodError).issues[0]?.message).toBe('图片说明不能超过 200 字');
  });

  it('refreshes the public pages that show the photo as a cover', async () => {
    const [cover] = await t.db
      .select({ id: articles.id, mediaId: articles.coverMediaId, columnId: articles.columnId })
      .from(articles)
      .where(and(eq(articles.status, 'published'), isNotNull(articles.coverMediaId)))
      .limit(1);
    const r = await updateMediaDetails(editor, { id: cover!.mediaId!, caption: '封面图片', alt: '封面替代文字' });
    expect(r.tags).toEqual(expect.arrayContaining([`article:${cover!.id}`, `column:${cover!.columnId}`, 'home', 'articles']));
  });
});
