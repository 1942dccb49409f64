import { describe, expect, it } from 'vitest';
import { checkFormAge, formToken, parseFormToken } from './form-token';
import { cleanLine, cleanText, isContact, readerFieldIssues, readerMessageSchema } from './reader-message';

describe('reader message text', () => {
  it('keeps text as typed: trimmed, line breaks kept in the body, no control characters', () => {
    expect(cleanText('  第一行\r\n第二行\r第三行\u0000\u0007  ')).toBe('第一行\n第二行\n第三行');
    expect(cleanLine(' 张\n三\t先生 ')).toBe('张 三 先生');
    expect(cleanText('<b>加粗</b> & "引号"')).toBe('<b>加粗</b> & "引号"');
  });

  it('takes a phone number or an email address as a contact', () => {
    for (const ok of ['13800138000', '+86 138-0013-8000', '(0991) 1234567', 'a.b@example.cn']) expect(isContact(ok), ok).toBe(true);
    for (const bad of ['随便', '12345', 'abc@', '1'.repeat(25), '138 0013 8000 转 123']) expect(isContact(bad), bad).toBe(false);
  });

  it('names each field’s problem with a code', () => {
    const r = readerMessageSchema.safeParse({ kind: 'contact', name: '', contact: 'x', subject: '题'.repeat(101), body: '短' });
    expect(r.success).toBe(false);
    expect(readerFieldIssues(r.error!)).toEqual({ name: 'required', contact: 'contact_format', subject: 'too_long', body: 'too_short' });
  });
});

describe('form token', () => {
  it('lays out kind and issue time, and parses back only what it makes', () => {
    const t = formToken('s'.repeat(32), 'tip', 1_700_000_000_000);
    expect(parseFormToken(t)).toMatchObject({ kind: 'tip', issuedAt: 1_700_000_000_000 });
    expect(parseFormToken(t.replace('tip', 'spam'))).toBeNull();
    expect(parseFormToken('v1.tip.123.abc')).toBeNull();
    expect(formToken('another-secret-0123456789', 'tip', 1_700_000_000_000)).not.toBe(t);
  });

  it('accepts a form between the minimum fill time and a day', () => {
    const t0 = 1_700_000_000_000;
    expect(checkFormAge(t0, t0 + 2_999, 3)).toEqual({ ok: false, reason: 'too_fast', waitSeconds: 1 });
    expect(checkFormAge(t0, t0 + 500, 3)).toEqual({ ok: false, reason: 'too_fast', waitSeconds: 3 });
    expect(checkFormAge(t0, t0 + 3_000, 3)).toEqual({ ok: true });
    expect(checkFormAge(t0, t0 + 24 * 3600_000, 3)).toEqual({ ok: true });
    expect(checkFormAge(t0, t0 + 24 * 3600_000 + 1, 3)).toEqual({ ok: false, reason: 'expired' });
    // A little clock skew between instances is waiting time; a token from far ahead is not ours.
    expect(checkFormAge(t0 + 10_000, t0, 3)).toEqual({ ok: false, reason: 'too_fast', waitSeconds: 13 });
    expect(checkFormAge(t0 + 61_000, t0, 3)).toEqual({ ok: false, reason: 'expired' });
  });
});
