import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { readerMessages, users } from '@/db/schema';
import { AppError } from '@/domain/errors';
import { ROLE_PERMISSIONS, type Principal } from '@/domain/permissions';
import { requireRole } from './articles/shared';
import { notify, writeEvent } from './events';

/**
 * The newsroom's side of reader messages: assign, mark handled, reopen, and reveal the
 * sender's contact details. Each is one transaction with its `events` row (articleId = the
 * attached article, so the article's record shows readers' corrections too).
 */

const MESSAGE_NOT_FOUND = '没有找到这封来信,可能已被删除。';
export const HANDLE_NOTE_MAX = 1000;

const idSchema = z.number({ error: '缺少来信编号' }).int().positive();
const assignSchema = z.object({ id: idSchema, assigneeId: z.number({ error: '请选择处理人' }).int().positive('请选择处理人') });
const handleSchema = z.object({
  id: idSchema,
  note: z
    .string({ error: '请填写处理说明' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, '请填写处理说明').max(HANDLE_NOTE_MAX, `处理说明不能超过 ${HANDLE_NOTE_MAX} 字`)),
});
const idOnly = z.object({ id: idSchema });

async function lockMessage(tx: Tx, id: number) {
  const [m] = await tx.select().from(readerMessages).where(eq(readerMessages.id, id)).for('update');
  if (!m) throw new AppError('NOT_FOUND', MESSAGE_NOT_FOUND);
  return m;
}

/** Gives the message to a staff member who may handle messages (the caller included). */
export async function assignMessage(p: Principal | null, raw: unknown): Promise<{ status: 'assigned'; assigneeId: number; tags: string[] }> {
  const user = requireRole(p, 'message.handle');
  const input = assignSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMessage(tx, input.id);
    if (m.status === 'handled') throw new AppError('INVALID_TRANSITION', '这封来信已处理;如需继续跟进,请先重新打开。');
    const [assignee] = await tx
      .select({ id: users.id, name: users.displayName, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, input.assigneeId));
    if (!assignee || !assignee.active || !ROLE_PERMISSIONS[assignee.role].has('message.handle')) {
      throw new AppError('VALIDATION', '只能分派给有权处理读者来信的编辑。');
    }
    if (m.status === 'assigned' && m.assignedTo === assignee.id) return { status: 'assigned' as const, assigneeId: assignee.id, tags: [] };
    await tx.update(readerMessages).set({ status: 'assigned', assignedTo: assignee.id }).where(eq(readerMessages.id, m.id));
    await writeEvent(tx, {
      articleId: m.articleId,
      actorId: user.id,
      action: 'message.assign',
      data: { messageId: m.id, assigneeId: assignee.id, previousAssigneeId: m.assignedTo },
    });
    if (assignee.id !== user.id) {
      const about = m.subject || m.body.slice(0, 30);
      await notify(tx, [assignee.id], { articleId: null, kind: 'message.assign', message: `${user.name}把读者来信(回执号 ${m.receiptCode})分派给您:${about}` });
    }
    return { status: 'assigned' as const, assigneeId: assignee.id, tags: [] };
  });
}

/** Closes the message with a note on what was done (the note is required). */
export async function handleMessage(p: Principal | null, raw: unknown): Promise<{ status: 'handled'; tags: string[] }> {
  const user = requireRole(p, 'message.handle');
  const input = handleSchema.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMessage(tx, input.id);
    if (m.status === 'handled') throw new AppError('INVALID_TRANSITION', '这封来信已经处理过了,请刷新页面。');
    await tx
      .update(readerMessages)
      .set({ status: 'handled', handledBy: user.id, handledNote: input.note, handledAt: new Date() })
      .where(eq(readerMessages.id, m.id));
    await writeEvent(tx, { articleId: m.articleId, actorId: user.id, action: 'message.handle', reason: input.note, data: { messageId: m.id } });
    return { status: 'handled' as const, tags: [] };
  });
}

/** Takes a handled message back into work (to its assignee, if it had one). */
export async function reopenMessage(p: Principal | null, raw: unknown): Promise<{ status: 'new' | 'assigned'; tags: string[] }> {
  const user = requireRole(p, 'message.handle');
  const input = idOnly.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const m = await lockMessage(tx, input.id);
    if (m.status !== 'handled') throw new AppError('INVALID_TRANSITION', '这封来信还没有处理完,无需重新打开。');
    const status = m.assignedTo != null ? ('assigned' as const) : ('new' as const);
    await tx.update(readerMessages).set({ status, handledBy: null, handledNote: '', handledAt: null }).where(eq(readerMessages.id, m.id));
    await writeEvent(tx, {
      articleId: m.articleId,
      actorId: user.id,
      action: 'message.reopen',
      data: { messageId: m.id, previousNote: m.handledNote, previousHandledBy: m.handledBy },
    });
    return { status, tags: [] };
  });
}

/**
 * The sender's name and contact details. They are never in the page: each reveal is read
 * here, in the same transaction as the audit event that records who looked.
 */
export async function revealMessageContact(p: Principal | null, raw: unknown): Promise<{ name: string; contact: string; tags: string[] }> {
  const user = requireRole(p, 'message.contact');
  const input = idOnly.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: readerMessages.id, articleId: readerMessages.articleId, name: readerMessages.name, contact: readerMessages.contact })
      .from(readerMessages)
      .where(eq(readerMessages.id, input.id));
    if (!m) throw new AppError('NOT_FOUND', MESSAGE_NOT_FOUND);
    await writeEvent(tx, { articleId: m.articleId, actorId: user.id, action: 'message.view_contact', data: { messageId: m.id } });
    return { name: m.name, contact: m.contact, tags: [] };
  });
}
