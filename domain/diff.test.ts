import { describe, expect, it } from 'vitest';
import { bodyLines, changedRow, diffRevisions, summarizeChanges, type RevisionSnapshot } from './diff';
import { rt } from './rich-text';

const snap = (over: Partial<RevisionSnapshot> = {}): RevisionSnapshot => ({
  title: '市政府召开常务会议',
  subtitle: '',
  summary: '会议研究部署近期重点工作。',
  body: rt.doc(rt.p('第一段。'), rt.p('第二段。'), rt.p('第三段。')),
  ...over,
});

describe('bodyLines', () => {
  it('gives one prefixed line per block', () => {
    const list = rt.list(true, ['甲', '乙']);
    list.content[1]!.content.push(rt.list(false, ['乙之一']));
    const doc = rt.doc(
      rt.h2('小标题'),
      rt.h3('三级'),
      rt.p('段落'),
      { type: 'paragraph' },
      rt.quote('引语'),
      list,
      rt.image({ src: '/media/2026/11/ab.jpg', caption: '现场' }),
      rt.image({ src: '/media/2026/11/cd.jpg' }),
      { type: 'horizontalRule' },
      { type: 'paragraph', content: [{ type: 'text', text: '上' }, { type: 'hardBreak' }, { type: 'text', text: '下' }] },
    );
    expect(bodyLines(doc).map((l) => l.text)).toEqual([
      '## 小标题',
      '### 三级',
      '段落',
      '> 引语',
      '1. 甲',
      '2. 乙',
      '  • 乙之一',
      '[图片] 现场 · ab.jpg',
      '[图片] cd.jpg',
      '[分隔线]',
      '上',
      '下',
    ]);
  });
});

describe('diffRevisions', () => {
  it('reports nothing changed for identical snapshots and leaves out empty fields', () => {
    const fields = diffRevisions(snap(), snap());
    expect(fields.map((f) => f.field)).toEqual(['title', 'summary', 'body']);
    expect(fields.every((f) => !f.changed && f.rows.every((r) => r.kind === 'same'))).toBe(true);
    expect(fields.map((f) => f.label)).toEqual(['标题', '导语', '正文']);
  });

  it('marks changed characters inside a changed title', () => {
    const title = diffRevisions(snap(), snap({ title: '市政府召开第十次常务会议' }))[0]!;
    expect(title.changed).toBe(true);
    expect(title.rows).toEqual([
      {
        kind: 'changed',
        left: [{ text: '市政府召开常务会议' }],
        right: [{ text: '市政府召开' }, { text: '第十次', change: 'added' }, { text: '常务会议' }],
      },
    ]);
  });

  it('aligns inserted, removed and edited paragraphs', () => {
    const b = snap({ body: rt.doc(rt.p('新开头。'), rt.p('第一段。'), rt.p('第二段落。')) });
    const body = diffRevisions(snap(), b).find((f) => f.field === 'body')!;
    expect(body.rows.map((r) => r.kind)).toEqual(['added', 'same', 'changed', 'removed']);
    expect(body.rows[0]?.right).toEqual([{ text: '新开头。', change: 'added' }]);
    expect(body.rows[2]).toEqual({
      kind: 'changed',
      left: [{ text: '第二段。' }],
      right: [{ text: '第二段' }, { text: '落', change: 'added' }, { text: '。' }],
    });
    expect(body.rows[3]).toEqual({ kind: 'removed', left: [{ text: '第三段。', change: 'removed' }], right: [] });
  });

  it('puts an unrelated rewrite in one row as whole lines, without scattered character marks', () => {
    const body = diffRevisions(
      snap({ body: rt.doc(rt.p('今天天气晴朗。'), rt.p('结尾')) }),
      snap({ body: rt.doc(rt.p('会议强调要抓好落实。'), rt.p('另起一段。'), rt.p('结尾')) }),
    ).find((f) => f.field === 'body')!;
    expect(body.rows).toEqual([
      { kind: 'changed', left: [{ text: '今天天气晴朗。', change: 'removed' }], right: [{ text: '会议强调要抓好落实。', change: 'added' }] },
      { kind: 'added', left: [], right: [{ text: '另起一段。', change: 'added' }] },
      { kind: 'same', left: [{ text: '结尾' }], right: [{ text: '结尾' }] },
    ]);
  });

  it('pairs a paragraph with its much longer extension', () => {
    const b = snap({ body: rt.doc(rt.p('第一段。'), rt.p('第二段。'), rt.p(`第三段。${'补充内容'.repeat(20)}`)) });
    const body = diffRevisions(snap(), b).find((f) => f.field === 'body')!;
    expect(body.rows.map((r) => r.kind)).toEqual(['same', 'same', 'changed']);
    expect(body.rows[2]?.left).toEqual([{ text: '第三段。' }]);
  });

  it('does not mark later ordered-list items as changed when an item is inserted', () => {
    const a = snap({ body: rt.doc(rt.list(true, ['甲', '乙', '丙'])) });
    const b = snap({ body: rt.doc(rt.list(true, ['新', '甲', '乙', '丙'])) });
    const body = diffRevisions(a, b).find((f) => f.field === 'body')!;
    expect(body.rows.map((r) => r.kind)).toEqual(['added', 'same', 'same', 'same']);
    expect(body.rows[1]).toEqual({ kind: 'same', left: [{ text: '1. 甲' }], right: [{ text: '2. 甲' }] });
  });

  it('compares meta fields with their labels, in the labels order', () => {
    const fields = diffRevisions(
      snap({ meta: { source: '本报', author: '张三' } }),
      snap({ meta: { author: '李四', source: '本报', editor: '王五' } }),
      { author: '作者', source: '来源', editor: '责任编辑' },
    );
    const meta = fields.filter((f) => f.field.startsWith('meta.'));
    expect(meta.map((f) => [f.field, f.label, f.changed])).toEqual([
      ['meta.author', '作者', true],
      ['meta.source', '来源', false],
      ['meta.editor', '责任编辑', true],
    ]);
    expect(meta[2]?.rows).toEqual([{ kind: 'added', left: [], right: [{ text: '王五', change: 'added' }] }]);
    expect(fields.at(-1)?.field).toBe('body');
  });

  it('treats a missing subtitle as empty', () => {
    const fields = diffRevisions(snap({ subtitle: null }), snap({ subtitle: '——副题' }));
    expect(fields.find((f) => f.field === 'subtitle')?.rows.map((r) => r.kind)).toEqual(['added']);
  });
});

describe('changedRow', () => {
  it('does not leave a single shared character stranded between edits', () => {
    const row = changedRow('甲的乙', '丙的丁');
    expect(row.left).toEqual([{ text: '甲的乙', change: 'removed' }]);
    expect(row.right).toEqual([{ text: '丙的丁', change: 'added' }]);
  });

  it('keeps a shared character when only one side was edited around it', () => {
    const row = changedRow('一二三四五', '一三五');
    expect(row.right).toEqual([{ text: '一三五' }]);
    expect(row.left.map((s) => s.text).join('')).toBe('一二三四五');
  });
});

describe('summarizeChanges', () => {
  it('counts changed fields and lines', () => {
    const b = snap({ title: '市政府召开全体会议', body: rt.doc(rt.p('第一段。'), rt.p('第二段。'), rt.p('第三段。'), rt.p('第四段。')) });
    expect(summarizeChanges(snap(), b)).toEqual({
      changedFields: ['title', 'body'],
      changedLabels: ['标题', '正文'],
      addedLines: 2,
      removedLines: 1,
    });
    expect(summarizeChanges(snap(), snap())).toEqual({ changedFields: [], changedLabels: [], addedLines: 0, removedLines: 0 });
  });
});
