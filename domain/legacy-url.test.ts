import { describe, expect, it } from 'vitest';
import { LEGACY_PATH_PARAM, legacyUrlFromPath, legacyUrlOfRequest, normalizeLegacyUrl } from './legacy-url';

describe('normalizeLegacyUrl', () => {
  it.each([
    ['http://www.xjmsw.cn/html/xxzl/2019/0125/12345.html', '/html/xxzl/2019/0125/12345.html'],
    ['https://WWW.XJMSW.CN/plus/view.php?aid=123#top', '/plus/view.php?aid=123'],
    ['//www.xjmsw.cn/a/1.html', '/a/1.html'],
    ['www.xjmsw.cn/a/1.html', '/a/1.html'],
    ['/html/a/../b/1.html', '/html/b/1.html'],
    ['html/b/1.html', '/html/b/1.html'],
    ['/plus/view.php?', '/plus/view.php'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeLegacyUrl(raw)).toBe(expected);
  });

  it('decodes UTF-8 and GBK percent-escapes to the same text, and accepts it undecoded', () => {
    const utf8 = normalizeLegacyUrl('/html/%E4%B8%8B%E4%B9%A1/1.html?t=%E6%B0%91%E7%94%9F');
    expect(utf8).toBe('/html/下乡/1.html?t=民生');
    expect(normalizeLegacyUrl('/html/%CF%C2%CF%E7/1.html?t=%C3%F1%C9%FA')).toBe(utf8);
    expect(normalizeLegacyUrl('/html/下乡/1.html?t=民生')).toBe(utf8);
    expect(normalizeLegacyUrl(utf8)).toBe(utf8);
  });

  it('keeps escapes that carry structure, spaces and bytes that are no text (upper case)', () => {
    expect(normalizeLegacyUrl('/a%2fb/c%20d.html?q=a%26b%3Dc')).toBe('/a%2Fb/c%20d.html?q=a%26b%3Dc');
    expect(normalizeLegacyUrl('/a/%ff%fe.html')).toBe('/a/%FF%FE.html');
    expect(normalizeLegacyUrl('/a/%zz.html')).toBe('/a/%zz.html');
  });

  it('refuses what is not an http(s) address', () => {
    for (const raw of ['', '   ', null, undefined, 'javascript:alert(1)', 'ftp://x.cn/a.html', `/${'a'.repeat(2100)}`]) {
      expect(normalizeLegacyUrl(raw)).toBeNull();
    }
  });
});

describe('legacyUrlFromPath (--url-prefix)', () => {
  it('maps a path under the folder, minus .txt, onto the prefix', () => {
    expect(legacyUrlFromPath('html/xxzl/2019/0125/12345.html.txt', 'http://www.xjmsw.cn/')).toBe('/html/xxzl/2019/0125/12345.html');
    expect(legacyUrlFromPath('html\\xxzl\\1.htm', 'http://www.xjmsw.cn')).toBe('/html/xxzl/1.htm');
    expect(legacyUrlFromPath('1.html.TXT', 'http://www.xjmsw.cn/old/')).toBe('/old/1.html');
    expect(legacyUrlFromPath('栏目/文章.html.txt', 'http://www.xjmsw.cn/')).toBe('/栏目/文章.html');
  });
});

describe('legacyUrlOfRequest', () => {
  it('reads the path the rewrite passed and keeps the original query', () => {
    const q = `${LEGACY_PATH_PARAM}=plus%2Fview.php`;
    expect(legacyUrlOfRequest(`http://localhost/api/legacy?aid=123&${q}`)).toBe('/plus/view.php?aid=123');
    expect(legacyUrlOfRequest(`http://localhost/api/legacy?${LEGACY_PATH_PARAM}=html%2F%25D6%25D0%2F1.html`)).toBe('/html/中/1.html');
  });
  it('reads a request that still shows the old address', () => {
    expect(legacyUrlOfRequest('http://localhost/html/xxzl/1.html?from=%E6%97%A7')).toBe('/html/xxzl/1.html?from=旧');
  });
  it('answers null without a path', () => {
    expect(legacyUrlOfRequest('http://localhost/api/legacy')).toBeNull();
    expect(legacyUrlOfRequest('not a url')).toBeNull();
  });
});
