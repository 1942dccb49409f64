import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, approvalRecord, auditActionLabel, auditActionOptions, auditFiltersOf, auditQuerySchema, summarizeEventData, type RecordEvent } from './audit';
import { WORKFLOW_ACTIONS } from './workflow';

/** `action: '…'` literals in the code that writes events. */
function writtenActions(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/action: '([a-z][a-z_.]*)'/g)) out.add(m[1]!);
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/_ACTION = '([a-z][a-z_.]*)'/g)) out.add(m[1]!);
      }
    }
  };
  for (const dir of ['services', 'scripts', 'app']) walk(path.join(process.cwd(), dir));
  for (const m of fs.readFileSync(path.join(process.cwd(), 'db/seed.ts'), 'utf8').matchAll(/action: '([a-z][a-z_.]*)'/g)) out.add(m[1]!);
  return out;
}

// Literals that share the `action:` key but are not events: import results and the field
// outbox's request-key kind.
const NOT_EVENTS = new Set(['created', 'updated', 'unchanged', 'field.submit']);

describe('audit action labels', () => {
  it('label every action the code writes, and every workflow action', () => {
    const written = writtenActions();
    expect([...written]).toEqual(expect.arrayContaining(['session.revoke_all', 'article.import', 'media.update', 'correct', 'audit.export']));
    const missing = [...written, ...WORKFLOW_ACTIONS].filter((a) => !NOT_EVENTS.has(a) && !(a in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
    expect(auditActionLabel('publish')).toBe('发布');
    expect(auditActionLabel('message.view_contact')).toBe('查看来信人联系方式');
  });

  it('show an unknown action by its raw name, and offer it in the menu', () => {
    expect(auditActionLabel('widget.frobnicate')).toBe('widget.frobnicate');
    const options = auditActionOptions(['publish', 'widget.frobnicate', 'widget.frobnicate']);
    expect(options.filter((o) => o.value === 'widget.frobnicate')).toEqual([{ value: 'widget.frobnicate', label: 'widget.frobnicate' }]);
    expect(options.filter((o) => o.value === 'publish')).toHaveLength(1);
  });
});

describe('audit query', () => {
  it('drops bad values and turns Beijing dates into instants, both ends included', () => {
    const q = auditQuerySchema.parse({ actor: 'x', action: "publish'; drop", article: ' MS123 ', from: '2026-04-01', to: '2026-04-30', cursor: '-3' });
    expect(q).toEqual({ actor: undefined, action: undefined, article: 'MS123', from: '2026-04-01', to: '2026-04-30', cursor: undefined });
    const f = auditFiltersOf(q);
    expect(f.from!.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(f.to!.toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });
});

describe('summarizeEventData', () => {
  it('reads the data of known actions in Chinese', () => {
    expect(summarizeEventData('publish', { publishedAt: '2026-04-01T02:00:00.000Z' }, () => '2026-04-01 10:00')).toBe('发布时间 2026-04-01 10:00');
    expect(summarizeEventData('media.update', { mediaId: 7, before: { caption: '旧' }, after: { caption: '新' } })).toBe('图片编号 7;修改前 (caption 旧);修改后 (caption 新)');
    expect(summarizeEventData('message.view_contact', { messageId: 12 })).toBe('来信编号 12');
    expect(summarizeEventData('curate', { headlineRank: 1, slideRank: null })).toBe('头条 1');
    expect(summarizeEventData('anything', {})).toBe('');
  });

  it('shows unknown keys as they are and cuts long text', () => {
    expect(summarizeEventData('x', { foo: 'bar', n: 2, ok: true })).toBe('foo bar;n 2;ok 是');
    expect(summarizeEventData('x', { note: '长'.repeat(500) }, undefined, 20)).toHaveLength(20);
  });
});

describe('approvalRecord', () => {
  const ev = (id: number, action: string, actorName: string, extra: Partial<RecordEvent> = {}): RecordEvent => ({
    id,
    action,
    fromStatus: null,
    toStatus: null,
    stage: null,
    reason: '',
    actorName,
    createdAt: `2026-04-0${Math.min(9, id)}T00:00:00.000Z`,
    ...extra,
  });

  it('lists a three-stage review in order, with the return and its reason, and who signed each stage', () => {
    const r = approvalRecord(
      [
        ev(1, 'submit', '阿依古丽', { fromStatus: 'draft', toStatus: 'submitted' }),
        ev(2, 'claim', '李编辑', { stage: 1 }),
        ev(3, 'request_changes', '李编辑', { reason: '请补充人数' }),
        ev(4, 'resubmit', '阿依古丽'),
        ev(5, 'claim', '李编辑', { stage: 1 }),
        ev(6, 'approve', '李编辑', { stage: 1 }),
        ev(7, 'claim', '赵文静', { stage: 2 }),
        ev(8, 'approve', '赵文静', { stage: 2 }),
        ev(9, 'approve', '周总编', { stage: 3 }),
        ev(10, 'publish', '周总编', { data: { publishedAt: '2026-04-09T02:00:00.000Z' } }),
      ],
      3,
    );
    expect(r.steps.map((s) => `${s.stageLabel}${s.actionLabel}`)).toEqual([
      '提交',
      '初审领取审核',
      '初审退回修改',
      '重新提交',
      '初审领取审核',
      '初审审核通过',
      '复审领取审核',
      '复审审核通过',
      '终审审核通过',
      '发布',
    ]);
    expect(r.steps[2]!.reason).toBe('请补充人数');
    expect(r.steps.map((s) => s.round)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(r.returns).toBe(1);
    expect(r.signatures.map((s) => `${s.role}:${s.actorName}`)).toEqual(['重新提交:阿依古丽', '初审通过:李编辑', '复审通过:赵文静', '终审通过:周总编', '发布:周总编']);
    expect(r.steps.at(-1)!.note).toBe('发布于 2026-04-09T02:00:00.000Z');
  });

  it('names a two-stage column’s stages 初审 and 终审, and records scheduling and unpublishing', () => {
    const r = approvalRecord(
      [ev(1, 'submit', 'A'), ev(2, 'approve', 'B', { stage: 1 }), ev(3, 'approve', 'C', { stage: 2 }), ev(4, 'schedule', 'C', { data: { publishedAt: 'T' } }), ev(5, 'unpublish', 'C', { reason: '数据有误' })],
      2,
    );
    expect(r.signatures.map((s) => s.role)).toEqual(['提交', '初审通过', '终审通过', '定时发布', '撤稿']);
    expect(r.steps[3]!.note).toBe('定于 T');
    expect(r.steps[4]!.reason).toBe('数据有误');
  });
});
