import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { diffRevisions, type DiffRow } from '@/domain/diff';
import { rt } from '@/domain/rich-text';
import { ConflictDiff, foldRows, RevisionDiff } from './revision-diff';

const same = (text: string): DiffRow => ({ kind: 'same', left: [{ text }], right: [{ text }] });
const added = (text: string): DiffRow => ({ kind: 'added', left: [], right: [{ text, change: 'added' }] });

describe('foldRows', () => {
  it('keeps one line of context around changes and folds the rest', () => {
    const rows = [same('1'), same('2'), same('3'), added('x'), same('4'), same('5'), same('6'), same('7')];
    expect(foldRows(rows, 1).map((r) => (r.row ? r.row.left[0]?.text ?? r.row.right[0]?.text : `…${r.folded}`))).toEqual([
      '…2',
      '3',
      'x',
      '4',
      '…3',
    ]);
  });

  it('shows a lone unchanged line instead of folding it', () => {
    const rows = [same('1'), same('2'), added('x')];
    expect(foldRows(rows, 1).map((r) => r.row?.left[0]?.text ?? r.row?.right[0]?.text)).toEqual(['1', '2', 'x']);
  });
});

describe('RevisionDiff', () => {
  const a = { title: '旧标题', summary: '导语', body: rt.doc(...['一', '二', '三', '四', '五'].map((t) => rt.p(`第${t}段`))) };
  const b = { ...a, title: '新标题', body: rt.doc(...['一', '二', '三', '四', '五', '六'].map((t) => rt.p(`第${t}段`))) };

  it('renders a captioned two-column table with marked changes and folded context', () => {
    const html = renderToStaticMarkup(<RevisionDiff fields={diffRevisions(a, b)} />);
    expect(html).toContain('<caption');
    expect(html).toContain('版本对比');
    expect(html).toMatch(/<th scope="col"[^>]*>旧版本<\/th>/);
    expect(html).toMatch(/<th scope="col"[^>]*>新版本<\/th>/);
    expect(html).toMatch(/<del[^>]*><span class="sr-only">删除：<\/span>旧<\/del>/);
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">新增：<\/span>新<\/ins>/);
    expect(html).toContain('… 4 行未改动');
    expect(html).not.toContain('导语</th>');
    expect(html).toContain('改动了标题、正文：新增 2 行，删除 1 行');
  });

  it('titles the conflict variant and escapes text', () => {
    const html = renderToStaticMarkup(<ConflictDiff fields={diffRevisions(a, { ...a, title: '<script>x</script>' })} />);
    expect(html).toContain('保存未成功');
    expect(html).toContain('对方保存的版本');
    expect(html).not.toContain('<script>');
  });

  it('says so when nothing changed', () => {
    expect(renderToStaticMarkup(<RevisionDiff fields={diffRevisions(a, a)} />)).toContain('两个版本内容相同。');
  });
});
