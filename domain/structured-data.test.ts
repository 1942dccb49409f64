import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, type NewsArticleInput } from './structured-data';

const base: NewsArticleInput = {
  url: 'https://news.example.cn/articles/7',
  headline: '村里通了自来水',
  description: '导语',
  datePublished: '2026-11-28T02:00:00.000Z',
  dateModified: '2026-11-28T03:00:00.000Z',
  images: ['https://news.example.cn/media/2026/11/a.jpg'],
  section: '下乡专栏',
  creators: [
    { kind: 'person', name: '甲' },
    { kind: 'person', name: '乙' },
  ],
  publisher: { name: '民生网', url: 'https://news.example.cn/', logo: { url: 'https://news.example.cn/icons/logo.png', width: 512, height: 512 } },
  inLanguage: 'zh-CN',
};

describe('serializeJsonLd', () => {
  it('keeps a title containing </script> inside the script element, and the JSON unchanged', () => {
    const data = newsArticleJsonLd({ ...base, headline: '标题</script><script>alert(1)</script>', description: 'a & b <!-- c -->' });
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&]/);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(data);
  });

  it('round-trips unicode line separators and quotes', () => {
    const data = { name: '甲\u2028乙"丙\'' };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe('newsArticleJsonLd', () => {
  it('describes the article with every field search engines read', () => {
    expect(newsArticleJsonLd(base)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': base.url },
      url: base.url,
      headline: base.headline,
      description: '导语',
      image: base.images,
      datePublished: base.datePublished,
      dateModified: base.dateModified,
      author: [
        { '@type': 'Person', name: '甲' },
        { '@type': 'Person', name: '乙' },
      ],
      publisher: {
        '@type': 'Organization',
        name: '民生网',
        url: 'https://news.example.cn/',
        logo: { '@type': 'ImageObject', url: 'https://news.example.cn/icons/logo.png', width: 512, height: 512 },
      },
      articleSection: '下乡专栏',
      inLanguage: 'zh-CN',
    });
  });

  it('credits a contributing team as an organization, and the site when nobody is known', () => {
    expect(newsArticleJsonLd({ ...base, creators: [{ kind: 'organization', name: '某某驻村工作队' }] }).author).toEqual([
      { '@type': 'Organization', name: '某某驻村工作队' },
    ]);
    expect(newsArticleJsonLd({ ...base, creators: [] }).author).toEqual([{ '@type': 'Organization', name: '民生网', url: 'https://news.example.cn/' }]);
  });

  it('leaves out image, description and section when there are none', () => {
    const ld = newsArticleJsonLd({ ...base, images: [], description: '', section: null });
    expect(ld).not.toHaveProperty('image');
    expect(ld).not.toHaveProperty('description');
    expect(ld).not.toHaveProperty('articleSection');
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the trail from 1', () => {
    expect(
      breadcrumbJsonLd([
        { name: '首页', url: 'https://x.cn/' },
        { name: '乡村振兴', url: 'https://x.cn/columns/xiangcun' },
      ]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: '首页', item: 'https://x.cn/' },
      { '@type': 'ListItem', position: 2, name: '乡村振兴', item: 'https://x.cn/columns/xiangcun' },
    ]);
  });
});
