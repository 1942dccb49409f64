import { describe, expect, it } from 'vitest';
import { normalizeEditorDoc } from './rich-text-editor';
import { parseRichText, rt } from './rich-text';

const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: 'paragraph', attrs: { textAlign: null }, content });

/** Every normalized doc must also pass the storage schema unchanged. */
function normalize(json: unknown) {
  const doc = normalizeEditorDoc(json);
  expect(parseRichText(doc)).toEqual(doc);
  return doc;
}

describe('normalizeEditorDoc', () => {
  it('keeps a clean document as it is', () => {
    const doc = rt.doc(rt.h2('小标题'), rt.p('正文'), rt.quote('引语'), rt.list(true, ['一', '二']), { type: 'horizontalRule' });
    expect(normalize(doc)).toEqual(doc);
  });

  it('drops attributes the schema does not know', () => {
    const doc = normalize({
      type: 'doc',
      content: [
        p(t('甲')),
        { type: 'heading', attrs: { level: 2, textAlign: 'center', id: 'x' }, content: [t('乙')] },
        { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', attrs: { checked: false }, content: [p(t('丙'))] }] },
      ],
    });
    expect(doc).toEqual(rt.doc(rt.p('甲'), rt.h2('乙'), rt.list(true, ['丙'])));
  });

  it('clamps heading levels to 2 and 3 and drops empty headings', () => {
    const h = (level: unknown, text?: string) => ({ type: 'heading', attrs: { level }, ...(text ? { content: [t(text)] } : {}) });
    const doc = normalize({ type: 'doc', content: [h(1, '一'), h(2, '二'), h(3, '三'), h(4, '四'), h('x', '五'), h(2)] });
    expect(doc).toEqual(rt.doc(rt.h2('一'), rt.h2('二'), rt.h3('三'), rt.h3('四'), rt.h2('五')));
  });

  it('keeps bold, italic and safe links; drops other marks but keeps their text', () => {
    const doc = normalize({
      type: 'doc',
      content: [
        p(
          t('粗', [{ type: 'bold' }, { type: 'underline' }]),
          t('删', [{ type: 'strike' }]),
          t('码', [{ type: 'code' }]),
          t('链', [{ type: 'link', attrs: { href: ' https://example.cn/a ', target: '_blank', rel: 'noopener', class: null } }]),
          t('坏', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          t('斜', [{ type: 'italic' }, { type: 'italic' }]),
        ),
      ],
    });
    expect(doc.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '粗', marks: [{ type: 'bold' }] },
        { type: 'text', text: '删码' },
        { type: 'text', text: '链', marks: [{ type: 'link', attrs: { href: 'https://example.cn/a' } }] },
        { type: 'text', text: '坏' },
        { type: 'text', text: '斜', marks: [{ type: 'italic' }] },
      ],
    });
  });

  it('turns disallowed blocks into paragraphs that keep their text', () => {
    const doc = normalize({
      type: 'doc',
      content: [
        { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let a = 1;')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('单元格'))] }] }] },
        { type: 'mention', attrs: { id: 1 } },
        p(t('前'), { type: 'emoji', text: '😀' }, { type: 'hardBreak' }, t('后')),
      ],
    });
    expect(doc).toEqual(
      rt.doc(rt.p('let a = 1;'), rt.p('单元格'), {
        type: 'paragraph',
        content: [{ type: 'text', text: '前😀' }, { type: 'hardBreak' }, { type: 'text', text: '后' }],
      }),
    );
  });

  it('keeps only paragraphs and lists inside quotes and list items', () => {
    const doc = normalize({
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [t('引题')] },
            { type: 'blockquote', content: [p(t('套引'))] },
            { type: 'image', attrs: { src: '/media/a.jpg', caption: '图注' } },
            { type: 'horizontalRule' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [] }, p(t('散段'))] },
        { type: 'bulletList', content: [] },
        { type: 'blockquote', content: [{ type: 'horizontalRule' }] },
      ],
    });
    expect(doc).toEqual(
      rt.doc(
        { type: 'blockquote', content: [rt.p('引题'), rt.p('套引'), rt.p('图注')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }, { type: 'listItem', content: [rt.p('散段')] }] },
      ),
    );
  });

  it('keeps nested lists', () => {
    const nested = rt.list(false, ['外']);
    nested.content[0]!.content.push(rt.list(true, ['内']));
    expect(normalize(rt.doc(nested))).toEqual(rt.doc(nested));
  });

  it('drops empty paragraphs at the start and end but keeps them in between', () => {
    const empty = { type: 'paragraph', attrs: { textAlign: null } };
    const doc = normalize({ type: 'doc', content: [empty, p(t('一')), empty, p(t('二')), empty, p(), empty] });
    expect(doc).toEqual(rt.doc(rt.p('一'), rt.p(''), rt.p('二')));
    expect(normalize({ type: 'doc', content: [empty] })).toEqual(rt.doc());
  });

  it('keeps safe images with their own attributes and drops unsafe ones', () => {
    const img = (attrs: Record<string, unknown>) => ({ type: 'image', attrs });
    const doc = normalize({
      type: 'doc',
      content: [
        img({ src: '/media/2026/11/ab.jpg', alt: ' 现场 ', caption: '  图为\n现场  ', mediaId: 7, width: '1600', height: 900, title: 'x' }),
        img({ src: 'https://cdn.example.cn/b.png', alt: null, caption: '', mediaId: 0, width: -1, height: 1.5 }),
        img({ src: 'http://example.cn/c.png' }),
        img({ src: 'javascript:alert(1)' }),
        img({ src: 'data:image/png;base64,AAAA' }),
        img({ src: '/media/../secret' }),
        img({}),
      ],
    });
    expect(doc).toEqual(
      rt.doc(
        rt.image({ src: '/media/2026/11/ab.jpg', alt: '现场', caption: '图为 现场', mediaId: 7, width: 1600, height: 900 }),
        rt.image({ src: 'https://cdn.example.cn/b.png' }),
      ),
    );
  });

  it('splits very long text so every node stays within the schema limit', () => {
    const long = '字'.repeat(45000);
    const doc = normalize({ type: 'doc', content: [p(t(long))] });
    const first = doc.content[0];
    const content = first?.type === 'paragraph' ? first.content : [];
    expect(content?.map((n) => (n.type === 'text' ? n.text.length : 0))).toEqual([20000, 20000, 5000]);
  });

  it('returns an empty document for input that is not a document', () => {
    for (const input of [null, undefined, 'x', 42, [], { type: 'paragraph' }, { content: [] }]) {
      expect(normalize(input)).toEqual(rt.doc());
    }
    expect(normalize({ type: 'doc', content: [null, 1, 'x', { type: 'paragraph', content: 'oops' }] })).toEqual(rt.doc());
  });
});
