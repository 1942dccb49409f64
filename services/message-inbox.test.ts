import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, notifications, readerMessages } from '@/db/schema';
import { countInboxByStatus, getInboxMessage, getMessageEvents, listInbox, messageHandlers } from '@/db/queries/reader-messages';
import { AppError } from '@/domain/errors';
import type { MessageKind } from '@/domain/messages';
import type { Principal } from '@/domain/permissions';
import { receiptCode } from '@/domain/receipt';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { assignMessage, handleMessage, reopenMessage, revealMessageContact } from './message-inbox';

let t: TestDb;
let reporter1: Principal, editor: Principal, chief: Principal, admin: Principal;

beforeAll(async () => {
  t = await createTestDb('seeded');
  reporter1 = await principalOf(t.db, 'reporter1');
  editor = await principalOf(t.db, 'editor');
  chief = await principalOf(t.db, 'chief');
  admin = await principalOf(t.db, 'admin');
});
afterAll(() => t.close());

async function message(values: { kind?: MessageKind; articleId?: number | null; subject?: string } = {}) {
  const [row] = await t.db
    .insert(readerMessages)
    .values({
      kind: values.kind ?? 'tip',
      articleId: values.articleId ?? null,
      name: '王先生',
      contact: '13900000000',
      subject: values.subject ?? `测试来信 ${crypto.randomBytes(4).toString('hex')}`,
      body: '第一行\n第二行:村里的水渠漏水了。',
      receiptCode: receiptCode('RM'),
    })
    .returning();
  return row!;
}

const row = async (id: number) => (await t.db.select().from(readerMessages).where(eq(readerMessages.id, id)))[0]!;
const eventsOf = (id: number, action?: string) =>
  t.db
    .select()
    .from(events)
    .where(and(sql`${events.data}->>'messageId' = ${String(id)}`, action ? eq(events.action, action) : undefined))
    .orderBy(desc(events.id));

/** The call fails with this error and leaves every table as it was. */
async function refusedUnchanged(call: () => Promise<unknown>, expected: string | typeof ZodError) {
  const before = await databaseFingerprint(t.db);
  const e = await call().then(
    () => null,
    (err: unknown) => err,
  );
  if (typeof expected === 'string') {
    expect(e, String(e)).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(expected);
  } else {
    expect(e).toBeInstanceOf(expected);
  }
  expect(await databaseFingerprint(t.db)).toBe(before);
}

describe('assignMessage', () => {
  it('assigns to oneself with an event and no notification', async () => {
    const m = await message();
    expect(await assignMessage(editor, { id: m.id, assigneeId: editor.id })).toMatchObject({ status: 'assigned', assigneeId: editor.id });
    expect(await row(m.id)).toMatchObject({ status: 'assigned', assignedTo: editor.id });
    const [e] = await eventsOf(m.id, 'message.assign');
    expect(e).toMatchObject({ actorId: editor.id, articleId: null, data: { messageId: m.id, assigneeId: editor.id, previousAssigneeId: null } });
    expect(await t.db.select().from(notifications).where(and(eq(notifications.userId, editor.id), eq(notifications.kind, 'message.assign')))).toHaveLength(0);
  });

  it('assigns to a colleague, who is notified; the attached article is on the event', async () => {
    const article = seedManifest().withTeam;
    const m = await message({ kind: 'correction', articleId: article });
    await assignMessage(editor, { id: m.id, assigneeId: chief.id });
    const [e] = await eventsOf(m.id, 'message.assign');
    expect(e).toMatchObject({ articleId: article, actorId: editor.id, data: { messageId: m.id, assigneeId: chief.id } });
    const [n] = await t.db.select().from(notifications).where(eq(notifications.userId, chief.id)).orderBy(desc(notifications.id)).limit(1);
    expect(n).toMatchObject({ kind: 'message.assign' });
    expect(n!.message).toContain(m.receiptCode);
    expect(n!.message).toContain('李编辑');
  });

  it('refuses people without message.handle, assignees who cannot handle messages, and handled messages', async () => {
    const m = await message();
    await refusedUnchanged(() => assignMessage(reporter1, { id: m.id, assigneeId: reporter1.id }), 'FORBIDDEN');
    await refusedUnchanged(() => assignMessage(null, { id: m.id, assigneeId: editor.id }), 'UNAUTHENTICATED');
    await refusedUnchanged(() => assignMessage(editor, { id: m.id, assigneeId: reporter1.id }), 'VALIDATION');
    await refusedUnchanged(() => assignMessage(editor, { id: m.id, assigneeId: 99_999_999 }), 'VALIDATION');
    await refusedUnchanged(() => assignMessage(editor, { id: 99_999_999, assigneeId: editor.id }), 'NOT_FOUND');
    await refusedUnchanged(() => assignMessage(editor, { id: m.id }), ZodError);
    await handleMessage(editor, { id: m.id, note: '已核实' });
    await refusedUnchanged(() => assignMessage(editor, { id: m.id, assigneeId: editor.id }), 'INVALID_TRANSITION');
  });
});

describe('handleMessage and reopenMessage', () => {
  it('marks handled with the note, who and when; reopening returns it to its assignee', async () => {
    const article = seedManifest().withTeam;
    const m = await message({ kind: 'correction', articleId: article });
    await assignMessage(editor, { id: m.id, assigneeId: editor.id });
    const before = Date.now();
    expect(await handleMessage(editor, { id: m.id, note: '  已更正第二段的数字。\r\n谢谢读者。 ' })).toMatchObject({ status: 'handled' });
    const h = await row(m.id);
    expect(h).toMatchObject({ status: 'handled', handledBy: editor.id, handledNote: '已更正第二段的数字。\n谢谢读者。' });
    expect(h.handledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [e] = await eventsOf(m.id, 'message.handle');
    expect(e).toMatchObject({ actorId: editor.id, articleId: article, reason: '已更正第二段的数字。\n谢谢读者。', data: { messageId: m.id } });

    expect(await reopenMessage(chief, { id: m.id })).toMatchObject({ status: 'assigned' });
    expect(await row(m.id)).toMatchObject({ status: 'assigned', assignedTo: editor.id, handledBy: null, handledAt: null, handledNote: '' });
    const [r] = await eventsOf(m.id, 'message.reopen');
    expect(r).toMatchObject({ actorId: chief.id, articleId: article, data: { messageId: m.id, previousNote: '已更正第二段的数字。\n谢谢读者。', previousHandledBy: editor.id } });
  });

  it('a message handled without an assignee reopens as new', async () => {
    const m = await message();
    await handleMessage(admin, { id: m.id, note: '广告,不予处理' });
    expect(await reopenMessage(editor, { id: m.id })).toMatchObject({ status: 'new' });
    expect(await row(m.id)).toMatchObject({ status: 'new', assignedTo: null });
  });

  it('refuses a missing note, the wrong state and the wrong people', async () => {
    const m = await message();
    await refusedUnchanged(() => handleMessage(editor, { id: m.id, note: '   ' }), ZodError);
    await refusedUnchanged(() => handleMessage(editor, { id: m.id }), ZodError);
    await refusedUnchanged(() => handleMessage(editor, { id: m.id, note: '长'.repeat(1001) }), ZodError);
    await refusedUnchanged(() => handleMessage(reporter1, { id: m.id, note: '已处理' }), 'FORBIDDEN');
    await refusedUnchanged(() => reopenMessage(editor, { id: m.id }), 'INVALID_TRANSITION');
    await refusedUnchanged(() => reopenMessage(reporter1, { id: m.id }), 'FORBIDDEN');
    await handleMessage(editor, { id: m.id, note: '已处理' });
    await refusedUnchanged(() => handleMessage(chief, { id: m.id, note: '再处理一次' }), 'INVALID_TRANSITION');
  });
});

describe('revealMessageContact', () => {
  it('refuses an editor (and contributors, and anonymous callers) with nothing written', async () => {
    const m = await message();
    await refusedUnchanged(() => revealMessageContact(editor, { id: m.id }), 'FORBIDDEN');
    await refusedUnchanged(() => revealMessageContact(reporter1, { id: m.id }), 'FORBIDDEN');
    await refusedUnchanged(() => revealMessageContact(null, { id: m.id }), 'UNAUTHENTICATED');
    await refusedUnchanged(() => revealMessageContact(chief, { id: 99_999_999 }), 'NOT_FOUND');
    expect(await eventsOf(m.id)).toHaveLength(0);
  });

  it('gives a chief editor the contact and writes exactly one audit event per view', async () => {
    const article = seedManifest().withTeam;
    const m = await message({ kind: 'correction', articleId: article });
    expect(await revealMessageContact(chief, { id: m.id })).toEqual({ name: '王先生', contact: '13900000000', tags: [] });
    expect(await eventsOf(m.id, 'message.view_contact')).toHaveLength(1);
    await revealMessageContact(chief, { id: m.id });
    await revealMessageContact(admin, { id: m.id });
    const views = await eventsOf(m.id, 'message.view_contact');
    expect(views).toHaveLength(3);
    expect(views.map((v) => v.actorId).sort()).toEqual([chief.id, chief.id, admin.id].sort());
    expect(views[0]).toMatchObject({ articleId: article, data: { messageId: m.id } });
  });
});

describe('inbox reads', () => {
  it('lists newest first with filters and counts, without the sender’s contact details', async () => {
    const subject = `筛选测试 ${crypto.randomBytes(3).toString('hex')}`;
    const a = await message({ kind: 'contact', subject });
    const b = await message({ kind: 'contact', subject: `${subject} 之二` });
    await assignMessage(editor, { id: b.id, assigneeId: chief.id });
    const all = await listInbox(editor, { q: subject });
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(all.rows[0]).toMatchObject({ status: 'assigned', assigneeName: '周总编', kind: 'contact' });
    expect(JSON.stringify(all)).not.toContain('13900000000');
    expect((await listInbox(editor, { q: subject, status: 'new' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await listInbox(editor, { q: subject, kind: 'tip' })).total).toBe(0);
    expect(await countInboxByStatus(editor, { q: subject })).toEqual({ new: 1, assigned: 1, handled: 0 });
    // By receipt code, any case.
    expect((await listInbox(editor, { q: a.receiptCode.toLowerCase() })).rows.map((r) => r.id)).toEqual([a.id]);
    // A search for % is a search for the character, not everything.
    expect((await listInbox(editor, { q: '%' })).total).toBe(0);
  });

  it('shows one message with its article and history, never its contact details', async () => {
    const article = seedManifest().withTeam;
    const m = await message({ kind: 'correction', articleId: article });
    await assignMessage(editor, { id: m.id, assigneeId: editor.id });
    await revealMessageContact(chief, { id: m.id });
    await handleMessage(editor, { id: m.id, note: '已更正' });
    const dto = await getInboxMessage(editor, m.id);
    expect(dto).toMatchObject({ id: m.id, status: 'handled', hasContact: true, article: { id: article, isPublic: true }, assignee: { id: editor.id, name: '李编辑' }, handled: { byName: '李编辑', note: '已更正' } });
    expect(dto).not.toHaveProperty('name');
    expect(dto).not.toHaveProperty('contact');
    expect(JSON.stringify(dto)).not.toContain('13900000000');
    expect((await getMessageEvents(editor, m.id)).map((e) => e.action)).toEqual(['message.assign', 'message.view_contact', 'message.handle']);
    expect((await getMessageEvents(editor, m.id))[0]).toMatchObject({ actorName: '李编辑', assigneeName: '李编辑' });
  });

  it('gives nothing to people without message.view', async () => {
    const m = await message();
    expect(await listInbox(reporter1, {})).toMatchObject({ rows: [], total: 0 });
    expect(await getInboxMessage(reporter1, m.id)).toBeNull();
    expect(await getMessageEvents(reporter1, m.id)).toEqual([]);
    expect(await messageHandlers(reporter1)).toEqual([]);
    const handlers = await messageHandlers(editor);
    expect(handlers.map((h) => h.id)).toEqual(expect.arrayContaining([editor.id, chief.id, admin.id]));
    expect(handlers.map((h) => h.id)).not.toContain(reporter1.id);
  });
});
