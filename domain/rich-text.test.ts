import { describe, expect, it } from 'vitest';
import { docText, excerpt, parseRichText, rt, safeHref, safeImageSrc, summaryOrExcerpt } from './rich-text';

describe('safeHref', () => {
  it.each(['https://example.cn/a?b=1', 'http://x.cn', 'mailto:a@b.cn', 'tel:09910000000', '/columns/minsheng', '#top'])('allows %s', (h) => {
    expect(safeHref(h)).toBe(h);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/\\evil.example',
    'file:///etc/passwd',
    '',
    42,
  ])('refuses %s', (h) => {
    expect(safeHref(h)).toBeNull();
  });
});

describe('safeImageSrc', () => {
  it('allows our media and https', () => {
    expect(safeImageSrc('/media/2026/11/ab.jpg')).toBe('/media/2026/11/ab.jpg');
    expect(safeImageSrc('https://img.example.cn/a.jpg')).toBe('https://img.example.cn/a.jpg');
  });
  it('refuses script and traversal sources', () => {
    expect(safeImageSrc('javascript:alert(1)')).toBeNull();
    expect(safeImageSrc('/media/../etc/passwd')).toBeNull();
    expect(safeImageSrc('http://insecure.example/a.jpg')).toBeNull();
  });
});

describe('parseRichText', () => {
  it('keeps a valid document', () => {
    const doc = rt.doc(rt.h2('小标题'), rt.p('正文'), rt.quote('引语'), rt.list(true, ['一', '二']));
    expect(parseRichText(doc)).toEqual(doc);
  });

  it('drops link marks with disallowed schemes but keeps their text', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '坏链接', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }] },
            { type: 'text', text: '好链接', marks: [{ type: 'link', attrs: { href: 'https://example.cn' } }] },
          ],
        },
      ],
    };
    const out = parseRichText(doc);
    const p = out.content[0];
    expect(p?.type === 'paragraph' && p.content).toEqual([
      { type: 'text', text: '坏链接', marks: [{ type: 'bold' }] },
      { type: 'text', text: '好链接', marks: [{ type: 'link', attrs: { href: 'https://example.cn' } }] },
    ]);
  });

  it('refuses unknown node types, raw HTML nodes and bad heading levels', () => {
    expect(() => parseRichText({ type: 'doc', content: [{ type: 'html', html: '<script>alert(1)</script>' }] })).toThrow();
    expect(() => parseRichText({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] })).toThrow();
    expect(() => parseRichText({ type: 'doc', content: [{ type: 'image', attrs: { src: 'javascript:alert(1)' } }] })).toThrow();
    expect(() => parseRichText('<p>hi</p>')).toThrow();
  });

  it('extracts plain text for search and summaries', () => {
    const doc = rt.doc(rt.h2('标题'), rt.p('第一段'), rt.image({ src: '/media/a.jpg', caption: '图说' }), rt.list(false, ['要点']));
    expect(docText(doc)).toBe('标题\n第一段\n图说\n要点');
  });
});

describe('excerpt and summaryOrExcerpt', () => {
  it('collapses whitespace and cuts at a character count with an ellipsis', () => {
    expect(excerpt('  甲乙\n\n丙丁  ', 10)).toBe('甲乙 丙丁');
    expect(excerpt('一二三四五六', 4)).toBe('一二三四…');
  });
  it('never splits a character outside the basic plane', () => {
    expect(excerpt('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
  });
  it('prefers the summary, else the beginning of the body text', () => {
    const body = rt.doc(rt.h2('小标题'), rt.p('正文第一段。'), rt.p('第二段'));
    expect(summaryOrExcerpt(' 导语 ', body)).toBe('导语');
    expect(summaryOrExcerpt('', body, 9)).toBe('小标题 正文第一段…');
  });
});
