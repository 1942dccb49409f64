import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RichTextDoc } from '@/domain/rich-text';
import { RichText } from './rich-text';

const render = (doc: unknown, lead?: string) => renderToStaticMarkup(<RichText doc={doc as RichTextDoc} lead={lead} />);

describe('RichText', () => {
  it('renders headings, paragraphs, quotes, lists and captioned images', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '小标题' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '正文', marks: [{ type: 'bold' }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引语' }] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '一' }] }] }] },
        { type: 'image', attrs: { src: '/media/2026/11/ab.jpg', caption: '图片说明', width: 1600, height: 900 } },
      ],
    });
    expect(html).toContain('<h2>小标题</h2>');
    expect(html).toContain('<p><strong>正文</strong></p>');
    expect(html).toContain('<blockquote><p>引语</p></blockquote>');
    expect(html).toContain('<ol><li><p>一</p></li></ol>');
    expect(html).toContain('<figcaption>图片说明</figcaption>');
    expect(html).toContain('/media/2026/11/ab-960.webp 960w');
  });

  it('escapes markup in text, captions and alt text', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] },
        { type: 'image', attrs: { src: '/media/a.jpg', caption: '"><script>alert(2)</script>', alt: '" onload="alert(3)' } },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('alt="&quot; onload=&quot;alert(3)"');
  });

  it('drops disallowed links but keeps their text', () => {
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: '数据', marks: [{ type: 'link', attrs: { href: 'data:text/html,x' } }] },
            { type: 'text', text: '官网', marks: [{ type: 'link', attrs: { href: 'https://example.cn' } }] },
          ],
        },
      ],
    });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text');
    expect(html).toContain('点我');
    expect(html).toContain('<a href="https://example.cn" rel="noopener noreferrer nofollow" target="_blank">官网</a>');
  });

  it('ignores unknown nodes and unsafe image sources instead of rendering them', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'html', html: '<iframe src="https://evil.example"></iframe>' },
        { type: 'image', attrs: { src: 'javascript:alert(1)' } },
        { type: 'paragraph', content: [{ type: 'text', text: '留下' }] },
      ],
    });
    expect(html).toBe('<div class="prose-zh"><p>留下</p></div>');
  });

  it('puts the dateline at the start of the first paragraph', () => {
    const html = render({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文开始' }] }] }, '民生网讯(记者 甲)');
    expect(html).toBe('<div class="prose-zh"><p>民生网讯(记者 甲)正文开始</p></div>');
  });
});
