import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvResponse, toCsv } from './csv';

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting and reads back the same', () => {
    const csv = toCsv(['名称', '说明'], [['工作队, 一', '他说"好"\n第二行'], ['中文', null]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"他说""好""\n第二行"');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      ['名称', '说明'],
      ['工作队, 一', '他说"好"\n第二行'],
      ['中文', ''],
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas, keeping negative numbers', () => {
    const cells = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1', 'a=b', -5];
    const rows = parse(toCsv(['c'], cells.map((c) => [c])), { bom: true, relax_quotes: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'＝1",
      'a=b',
      '-5',
    ]);
  });

  it('answers as a download that is never cached, with the Chinese file name kept', async () => {
    const res = csvResponse(toCsv(['a'], [['1']]), '审计日志-1.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="____-1.csv"; filename*=UTF-8''${encodeURIComponent('审计日志-1.csv')}`);
  });
});
