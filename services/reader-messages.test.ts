import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, readerMessages } from '@/db/schema';
import type { MessageKind } from '@/domain/messages';
import { READER_RECEIPT_PATTERN } from '@/domain/reader-message';
import { hashClient, issueFormToken } from '@/lib/form-token';
import { createTestDb, seedManifest, type TestDb } from '@/test/db';
import { databaseFingerprint } from '@/test/principals';
import { clientKey, SITE_KEY, submitReaderMessage, type SubmitContext, type SubmitResult } from './reader-messages';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb('seeded');
});
afterAll(() => t.close());

const NOW = new Date();
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

/** What the form posts: a token shown `shownSecondsAgo` before `now`, and the fields. */
function form(kind: MessageKind, fields: Record<string, unknown> = {}, opts: { now?: Date; shownSecondsAgo?: number } = {}) {
  const now = opts.now ?? NOW;
  return {
    kind,
    token: issueFormToken(kind, later(now, -(opts.shownSecondsAgo ?? 30))),
    website: '',
    name: '',
    contact: '',
    subject: '村口的路灯坏了',
    body: '村口到学校那段路的路灯坏了一个多月,晚上孩子放学很不安全。',
    ...fields,
  };
}

const lastMessage = async () => (await t.db.select().from(readerMessages).orderBy(desc(readerMessages.id)).limit(1))[0]!;

/** Refused for this reason, and no table changed at all (no message, no counter). */
async function refusedNothingStored(raw: unknown, ctx: SubmitContext, reason: string): Promise<SubmitResult> {
  const before = await databaseFingerprint(t.db);
  const r = await submitReaderMessage(raw, ctx);
  expect(r).toMatchObject({ ok: false, reason });
  expect(await databaseFingerprint(t.db)).toBe(before);
  return r;
}

describe('submitReaderMessage: accepted', () => {
  it('stores a tip as typed (trimmed, no HTML interpreted) with a receipt code and a hashed client', async () => {
    const r = await submitReaderMessage(
      form('tip', {
        name: '  热心读者 ',
        contact: ' 138 0013 8000 ',
        subject: '  <b>路灯</b>坏了\n',
        body: '  第一行<script>alert(1)</script>\r\n第二行 & "引号"  ',
      }),
      { client: '203.0.113.7', now: NOW },
    );
    expect(r).toMatchObject({ ok: true, kind: 'tip' });
    const code = (r as { receiptCode: string }).receiptCode;
    expect(code).toMatch(READER_RECEIPT_PATTERN);
    const row = await lastMessage();
    expect(row).toMatchObject({
      kind: 'tip',
      status: 'new',
      name: '热心读者',
      contact: '138 0013 8000',
      subject: '<b>路灯</b>坏了',
      body: '第一行<script>alert(1)</script>\n第二行 & "引号"',
      receiptCode: code,
      articleId: null,
      assignedTo: null,
    });
    // A keyed hash, never the address itself.
    expect(row.clientHash).toBe(hashClient('203.0.113.7'));
    expect(row.clientHash).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(row.clientHash).not.toContain('203.0.113');
    const counters = await t.db.select().from(rateLimits).where(eq(rateLimits.key, clientKey(row.clientHash)));
    expect(counters).toHaveLength(1);
    expect(counters[0]!.points).toBe(1);
  });

  it('accepts an anonymous tip: name and contact are optional', async () => {
    expect(await submitReaderMessage(form('tip'), { client: 'anon-1', now: NOW })).toMatchObject({ ok: true });
    expect(await lastMessage()).toMatchObject({ name: '', contact: '' });
  });

  it('attaches a public article to a correction and drops any other id', async () => {
    const m = seedManifest();
    const ok = await submitReaderMessage(form('correction', { articleId: String(m.withTeam), subject: '' }), { client: 'corr-1', now: NOW });
    expect(ok).toMatchObject({ ok: true, kind: 'correction' });
    expect(await lastMessage()).toMatchObject({ kind: 'correction', articleId: m.withTeam, subject: '' });
    for (const id of [m.byState.draft!, m.byState.unpublished!, m.expired, 99_999_999, 'abc']) {
      expect(await submitReaderMessage(form('correction', { articleId: String(id) }), { client: `corr-${id}`, now: NOW })).toMatchObject({ ok: true });
      expect((await lastMessage()).articleId).toBeNull();
    }
  });

  it('a contact message needs a name and a way to reply', async () => {
    const ok = await submitReaderMessage(form('contact', { name: '张女士', contact: 'zhang@example.cn' }), { client: 'contact-1', now: NOW });
    expect(ok).toMatchObject({ ok: true, kind: 'contact' });
    await refusedNothingStored(form('contact'), { client: 'contact-2', now: NOW }, 'invalid');
    const r = await submitReaderMessage(form('contact'), { client: 'contact-2', now: NOW });
    expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors: { name: 'required', contact: 'required' } });
  });
});

describe('submitReaderMessage: refused, nothing stored', () => {
  const ctx = (client: string): SubmitContext => ({ client, now: NOW });

  it('refuses a filled honeypot', async () => {
    await refusedNothingStored(form('tip', { website: 'http://spam.example' }), ctx('bot-1'), 'honeypot');
  });

  it('refuses a form sent sooner than the minimum fill time, saying how long to wait', async () => {
    const r = await refusedNothingStored(form('tip', {}, { shownSecondsAgo: 1 }), { ...ctx('fast-1'), limits: { minSeconds: 3 } }, 'too_fast');
    expect(r).toMatchObject({ retryAfterSeconds: 2 });
    // The same token works once the time has passed.
    const raw = form('tip', {}, { shownSecondsAgo: 1 });
    expect(await submitReaderMessage(raw, { client: 'fast-1', now: later(NOW, 5), limits: { minSeconds: 3 } })).toMatchObject({ ok: true });
  });

  it('refuses a forged token: bad signature, another kind, missing, or garbage', async () => {
    const good = form('tip').token;
    const flipped = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    await refusedNothingStored(form('tip', { token: flipped }), ctx('forge-1'), 'forged');
    // A token with a later issue time than signed (to skip the wait) fails the signature.
    const [v, k, , sig] = good.split('.');
    await refusedNothingStored(form('tip', { token: `${v}.${k}.${NOW.getTime() - 3_600_000}.${sig}` }), ctx('forge-2'), 'forged');
    await refusedNothingStored(form('contact', { token: good, name: '张', contact: '13800138000' }), ctx('forge-3'), 'forged');
    await refusedNothingStored(form('tip', { token: '' }), ctx('forge-4'), 'forged');
    await refusedNothingStored(form('tip', { token: 'v1.tip.x.y' }), ctx('forge-5'), 'forged');
    await refusedNothingStored(form('tip', { kind: 'spam' }), ctx('forge-6'), 'forged');
    await refusedNothingStored('not a form', ctx('forge-7'), 'forged');
  });

  it('refuses an expired token (a form left open for more than a day)', async () => {
    await refusedNothingStored(form('tip', {}, { shownSecondsAgo: 25 * 3600 }), ctx('old-1'), 'expired');
  });

  it('refuses empty and over-long fields, naming each field', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ body: '   ', subject: '' }, { subject: 'required', body: 'required' }],
      [{ body: '太短了' }, { body: 'too_short' }],
      [{ body: '长'.repeat(5001) }, { body: 'too_long' }],
      [{ name: '名'.repeat(51), contact: '1'.repeat(101), subject: '题'.repeat(101) }, { name: 'too_long', contact: 'too_long', subject: 'too_long' }],
      [{ contact: '随便写写' }, { contact: 'contact_format' }],
    ];
    for (const [fields, fieldErrors] of cases) {
      const r = await refusedNothingStored(form('tip', fields), ctx('long-1'), 'invalid');
      expect(r).toEqual({ ok: false, reason: 'invalid', fieldErrors });
    }
    // The limits are inclusive.
    const edge = { name: '名'.repeat(50), contact: 'a@b.cn', subject: '题'.repeat(100), body: '长'.repeat(5000) };
    expect(await submitReaderMessage(form('tip', edge), ctx('long-2'))).toMatchObject({ ok: true });
  });

  it('limits one client per 10 minutes, says how long to wait, and counts only accepted messages', async () => {
    const limits = { perClient: 3 };
    const c = { client: '198.51.100.20', now: NOW, limits };
    // Refusals before the limit do not count.
    await refusedNothingStored(form('tip', { body: '短' }), c, 'invalid');
    for (let i = 0; i < 3; i++) expect(await submitReaderMessage(form('tip'), { ...c, now: later(NOW, i) })).toMatchObject({ ok: true });
    const r = await refusedNothingStored(form('tip'), { ...c, now: later(NOW, 60) }, 'rate_limited');
    expect((r as { retryAfterSeconds: number }).retryAfterSeconds).toBe(540);
    // Another client is not affected; the same client may send again once the window is over.
    expect(await submitReaderMessage(form('tip'), { ...c, client: '198.51.100.21' })).toMatchObject({ ok: true });
    const after = later(NOW, 601);
    expect(await submitReaderMessage(form('tip', {}, { now: after }), { ...c, now: after })).toMatchObject({ ok: true });
  });

  it('holds the per-client limit under concurrent submissions (a row lock, not a read-then-write)', async () => {
    const c = { client: '198.51.100.30', now: NOW, limits: { perClient: 3 } };
    const results = await Promise.all(Array.from({ length: 8 }, () => submitReaderMessage(form('tip'), c)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(5);
    const stored = await t.db.select().from(readerMessages).where(eq(readerMessages.clientHash, hashClient(c.client)));
    expect(stored).toHaveLength(3);
  });

  it('stops the whole site at its hourly ceiling, whatever address a sender claims', async () => {
    // A fresh window an hour ahead, so earlier tests' messages do not count.
    const base = later(NOW, 2 * 3600);
    const [site] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, SITE_KEY));
    expect(site!.points).toBeGreaterThan(0);
    const limits = { sitePerHour: 2 };
    for (let i = 0; i < 2; i++) {
      expect(await submitReaderMessage(form('tip', {}, { now: base }), { client: `spoof-${i}`, now: base, limits })).toMatchObject({ ok: true });
    }
    const r = await refusedNothingStored(form('tip', {}, { now: base }), { client: 'spoof-9', now: later(base, 600), limits }, 'site_busy');
    expect((r as { retryAfterSeconds: number }).retryAfterSeconds).toBe(3000);
  });
});
