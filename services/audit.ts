import { z } from 'zod';
import { getDb } from '@/db';
import type { Principal } from '@/domain/permissions';
import { requireRole } from './articles/shared';
import { writeEvent } from './events';

const exportSchema = z.object({
  filters: z
    .object({
      actorId: z.number().int().positive().optional(),
      action: z.string().max(60).optional(),
      article: z.string().max(40).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
    })
    .strict(),
  rows: z.number().int().min(0),
  truncated: z.boolean(),
});

/**
 * Records that someone took a copy of the audit log away: the filters and how many rows.
 * Reading the log on screen is not logged (it would log itself on every page view), but
 * a CSV leaves the system with names and reasons in it, so who took what is kept. The
 * export route calls this before it answers: an export that cannot be recorded fails.
 */
export async function recordAuditExport(p: Principal | null, raw: unknown): Promise<void> {
  const user = requireRole(p, 'audit.view');
  const input = exportSchema.parse(raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await writeEvent(tx, {
      actorId: user.id,
      action: 'audit.export',
      data: { filters: input.filters, rows: input.rows, truncated: input.truncated },
    });
  });
}
