import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { articles, rateLimits, readerMessages } from '@/db/schema';
import { publicVisibility } from '@/db/queries/visibility';
import { MESSAGE_KINDS, type MessageKind } from '@/domain/messages';
import { receiptCode } from '@/domain/receipt';
import { READER_RECEIPT_PREFIX, readerFieldIssues, readerMessageSchema, type ReaderField, type ReaderIssue } from '@/domain/reader-message';
import { env } from '@/lib/env';
import { hashClient, verifyFormToken } from '@/lib/form-token';

/**
 * A reader's message to the newsroom (信息举报 / 联系我们 / 挑错). Readers are not signed in,
 * so instead of a permission check this verb runs the abuse guards first: honeypot, signed
 * fill time, plain-text limits, then a per-client and a site-wide limit kept in
 * `rate_limits` under a row lock, so every app instance counts the same. A refusal stores
 * nothing. Only accepted messages count towards the limits: a reader fixing a field is never
 * locked out, and the cheap refusals (honeypot, token) never touch the database.
 */

export const CLIENT_WINDOW_MS = 10 * 60_000;
export const SITE_WINDOW_MS = 60 * 60_000;
export const SITE_KEY = 'reader:site';
export const clientKey = (hash: string) => `reader:client:${hash}`;

export type RefusalReason = 'honeypot' | 'forged' | 'expired' | 'too_fast' | 'invalid' | 'rate_limited' | 'site_busy';

export type SubmitResult =
  | { ok: true; receiptCode: string; kind: MessageKind }
  | { ok: false; reason: 'too_fast' | 'rate_limited' | 'site_busy'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; fieldErrors: Partial<Record<ReaderField, ReaderIssue>> }
  | { ok: false; reason: 'honeypot' | 'forged' | 'expired' };

export interface SubmitContext {
  /** clientAddress() of the request; only its keyed hash is stored. */
  client: string;
  now?: Date;
  /** Defaults from lib/env.ts (tests pass their own). */
  limits?: Partial<{ minSeconds: number; perClient: number; sitePerHour: number }>;
}

const envelope = z.object({
  token: z.string().max(200).catch(''),
  /** The honeypot: people never see it, so anything in it was typed by a program. */
  website: z.string().catch(''),
  kind: z.string().catch(''),
});

class Refused extends Error {
  constructor(readonly result: SubmitResult) {
    super('refused');
  }
}

export async function submitReaderMessage(raw: unknown, ctx: SubmitContext): Promise<SubmitResult> {
  const now = ctx.now ?? new Date();
  const e = env();
  const limits = {
    minSeconds: ctx.limits?.minSeconds ?? e.READER_FORM_MIN_SECONDS,
    perClient: ctx.limits?.perClient ?? e.READER_FORM_PER_CLIENT,
    sitePerHour: ctx.limits?.sitePerHour ?? e.READER_FORM_SITE_PER_HOUR,
  };
  const parsedForm = envelope.safeParse(raw);
  if (!parsedForm.success) return { ok: false, reason: 'forged' };
  const form = parsedForm.data;
  if (form.website.trim() !== '') return { ok: false, reason: 'honeypot' };
  const kind = (MESSAGE_KINDS as readonly string[]).includes(form.kind) ? (form.kind as MessageKind) : null;
  if (!kind) return { ok: false, reason: 'forged' };
  const token = verifyFormToken(form.token, kind, now, limits.minSeconds);
  if (!token.ok && token.reason !== 'too_fast') return { ok: false, reason: token.reason };

  const parsed = readerMessageSchema.safeParse({ ...(raw as object), kind });
  if (!parsed.success) return { ok: false, reason: 'invalid', fieldErrors: readerFieldIssues(parsed.error) };
  // Checked after the fields, so a hurried reader who also left a field empty hears about both at once.
  if (!token.ok) return { ok: false, reason: 'too_fast', retryAfterSeconds: token.waitSeconds };
  const input = parsed.data;
  const clientHash = hashClient(ctx.client);

  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      // Always the site row first, then the client's: one lock order, no deadlocks.
      await take(tx, SITE_KEY, limits.sitePerHour, SITE_WINDOW_MS, now, 'site_busy');
      await take(tx, clientKey(clientHash), limits.perClient, CLIENT_WINDOW_MS, now, 'rate_limited');
      // Only a public article can be attached; any other id (missing, draft, withdrawn) is dropped.
      const articleId = input.articleId != null && (await isPublicArticle(tx, input.articleId)) ? input.articleId : null;
      const code = receiptCode(READER_RECEIPT_PREFIX);
      await tx.insert(readerMessages).values({
        kind: input.kind,
        articleId,
        name: input.name,
        contact: input.contact,
        subject: input.subject,
        body: input.body,
        receiptCode: code,
        clientHash,
        createdAt: now,
      });
      return { ok: true as const, receiptCode: code, kind: input.kind };
    });
  } catch (err) {
    // Thrown inside the transaction so the counter rows it touched roll back too.
    if (err instanceof Refused) return err.result;
    throw err;
  }
}

/** Counts one message against a fixed window, or refuses (throws) when the window is full. */
async function take(tx: Tx, key: string, limit: number, windowMs: number, now: Date, reason: 'rate_limited' | 'site_busy') {
  await tx.insert(rateLimits).values({ key, points: 0, expiresAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).for('update');
  const fresh = row!.expiresAt.getTime() <= now.getTime();
  const points = fresh ? 0 : row!.points;
  const expiresAt = fresh ? new Date(now.getTime() + windowMs) : row!.expiresAt;
  if (points >= limit) {
    throw new Refused({ ok: false, reason, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) });
  }
  await tx.update(rateLimits).set({ points: points + 1, expiresAt }).where(eq(rateLimits.key, key));
}

async function isPublicArticle(tx: Tx, id: number): Promise<boolean> {
  const [row] = await tx.select({ id: articles.id }).from(articles).where(and(eq(articles.id, id), publicVisibility())).limit(1);
  return Boolean(row);
}
