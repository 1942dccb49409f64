import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import type { AppError } from '@/domain/errors';
import { createTestDb, type TestDb } from '@/test/db';
import { databaseFingerprint, principalOf } from '@/test/principals';
import { recordAuditExport } from './audit';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const input = { filters: { action: 'publish', from: '2026-04-01', to: '2026-04-30' }, rows: 12, truncated: false };

describe('recordAuditExport', () => {
  it('writes an audit.export event with the filters and the row count', async () => {
    const chief = await principalOf(t.db, 'chief');
    await recordAuditExport(chief, input);
    const [e] = await t.db.select().from(events).where(eq(events.action, 'audit.export')).orderBy(desc(events.id)).limit(1);
    expect(e).toMatchObject({ actorId: chief.id, articleId: null, action: 'audit.export', data: input });
  });

  it.each(['editor', 'reporter1', null] as const)('refuses %s and writes nothing', async (who) => {
    const p = who ? await principalOf(t.db, who) : null;
    const before = await databaseFingerprint(t.db);
    const err = (await recordAuditExport(p, input).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it('refuses filters it does not know', async () => {
    const admin = await principalOf(t.db, 'admin');
    await expect(recordAuditExport(admin, { ...input, filters: { ...input.filters, extra: 1 } })).rejects.toThrow();
  });
});
