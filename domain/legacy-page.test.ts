import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLegacyBytes, LEGACY_PARSE_ERRORS, parseLegacyDate, parseLegacyPage, type LegacyPage } from './legacy-page';
import { docText, inlineText, parseRichText, type BlockNode } from './rich-text';

// The reference dump lives beside the repository (never copied into it); the variants are
// this project's own invented pages under test/fixtures/legacy.
const repoRoot = path.resolve(import.meta.dirname, '..');
const REFERENCE = path.resolve(repoRoot, '../shared/reference/legacy-article-page.txt');
const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'test/fixtures/legacy', name));

function parse(text: string): LegacyPage {
  const r = parseLegacyPage(text);
  if (!r.ok) throw new Error(`expected a page, got: ${r.reason}`);
  return r.page;
}
const parseFixture = (name: string) => parse(decodeLegacyBytes(fixture(name)));
const reasonOf = (text: string) => {
  const r = parseLegacyPage(text);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.reason;
};

const textOf = (b: BlockNode) => (b.type === 'paragraph' || b.type === 'heading' ? inlineText(b.content) : '');
const kinds = (p: LegacyPage) => p.body.content.map((b) => (b.type === 'paragraph' && b.content?.[0]?.type === 'text' && b.content[0].marks?.some((m) => m.type === 'italic') ? 'caption' : b.type));
const headings = (p: LegacyPage) => p.body.content.filter((b) => b.type === 'heading').map(textOf);
const paragraphs = (p: LegacyPage) => p.body.content.filter((b) => b.type === 'paragraph').map(textOf);

describe('the reference page', () => {
  const page = parse(fs.readFileSync(REFERENCE, 'utf8'));

  it('reads the breadcrumb, title and the empty 作者 line', () => {
    expect(page.columnName).toBe('下乡专栏');
    expect(page.title).toBe('“冬季攻势”聚民心 脱贫攻坚有力量');
    expect(page.author).toBe('');
    expect(page.source).toBe('');
    expect(page.publishedAt).toBeNull();
    expect(page.views).toBeNull();
    expect(page.legacyUrl).toBeNull();
  });

  it('takes the reporter from the dateline and removes the dateline from the first paragraph', () => {
    expect(page.reporters).toEqual([{ name: '谢新宇', role: 'reporter' }]);
    const first = paragraphs(page)[0]!;
    expect(first.startsWith('临近春节')).toBe(true);
    expect(first).not.toContain('新疆民生网');
    expect(first).not.toContain('谢新宇');
  });

  it('makes the four subheadings headings and keeps every paragraph', () => {
    expect(headings(page)).toEqual(['政策宣传凝聚攻坚共识', '全员培训提升攻坚能力', '项目规划增强发展动力', '作风转变推动问题整改']);
    expect(page.body.content.filter((b) => b.type === 'heading').every((b) => b.type === 'heading' && b.attrs.level === 2)).toBe(true);
    expect(paragraphs(page)).toHaveLength(12);
    expect(kinds(page)).toEqual([
      'paragraph', 'paragraph',
      'heading', 'paragraph', 'paragraph',
      'heading', 'paragraph', 'paragraph', 'paragraph',
      'heading', 'paragraph', 'paragraph',
      'heading', 'paragraph', 'paragraph', 'paragraph',
    ]);
    expect(paragraphs(page).at(-1)!.startsWith('人心齐,泰山移。')).toBe(true);
  });

  it('reads the 供稿 credit with the team’s full name and leaves it out of the body', () => {
    expect(page.creditKind).toBe('供稿');
    expect(page.creditName).toBe('自治区党委办公厅驻英吉沙县色提力乡帕其英也尔村工作队');
    expect(page.editorName).toBe('');
  });

  it('reads 上一篇 and 下一篇', () => {
    expect(page.prevTitle).toBe('国家统计局新疆调查总队到帮扶村开展春节慰问活动');
    expect(page.nextTitle).toBe('我参与 我奉献 我快乐');
  });

  it('keeps header, credit, neighbours and footer out of the body', () => {
    const text = docText(page.body);
    for (const furniture of ['携手民生之声', '加入收藏', '首页 >>', '作者:', '供稿', '上一篇', '下一篇', '网站首页', '关于本站', 'Copyright', '版权所有', 'ICP', '公网安备', '•']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('produces a body the rich-text schema accepts unchanged', () => {
    expect(parseRichText(page.body)).toEqual(page.body);
  });
});

describe('variants (invented pages)', () => {
  it('a page without an 作者 line', () => {
    const p = parseFixture('no-author-line.txt');
    expect(p).toMatchObject({ columnName: '乡村振兴', title: '小菜园里种出好日子', author: '', source: '', publishedAt: null, views: null });
    expect(p.reporters).toEqual([{ name: '马丽娜', role: 'reporter' }]);
    expect(paragraphs(p)[0]).toBe('入冬以来,托万克村的温室大棚里依旧绿意盎然,西红柿、辣椒长势喜人。');
    expect(headings(p)).toEqual(['技术员常驻大棚']);
    expect(kinds(p)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(p).toMatchObject({ creditKind: '供稿', creditName: '某某厅驻托万克村工作队', prevTitle: '村里开了一家新超市', nextTitle: '冬闲时节学技术' });
  });

  it('作者, 来源, 发布时间 and 点击 on one line, and the page’s address in the header', () => {
    const p = parseFixture('full-meta.txt');
    expect(p).toMatchObject({ columnName: '民生热点', title: '社区食堂开张了', author: '王晓东', source: '新疆民生网', views: 1024 });
    expect(p.publishedAt?.toISOString()).toBe(new Date('2019-03-08T09:30:00+08:00').toISOString());
    expect(p.legacyUrl).toBe('/html/msrd/2019/0308/20001.html');
    expect(p.reporters).toEqual([{ name: '王晓东', role: 'reporter' }]);
    expect(paragraphs(p)[0]!.startsWith('3月7日,')).toBe(true);
    expect(p).toMatchObject({ creditKind: '责任编辑', creditName: '周小川', editorName: '周小川', prevTitle: null, nextTitle: '社区开展义诊活动' });
    expect(docText(p.body)).not.toMatch(/公网安备|网站首页|责任编辑/);
  });

  it('没有了 for both neighbours', () => {
    const p = parseFixture('no-neighbours.txt');
    expect(p).toMatchObject({ columnName: '通知公告', title: '关于暂停网站投稿的通知', author: '本站', prevTitle: null, nextTitle: null, reporters: [] });
    expect(paragraphs(p)).toEqual(['因服务器升级,本站将于3月15日至3月17日暂停接收投稿,给您带来的不便敬请谅解。', '特此通知。']);
  });

  it('a 责任编辑 credit instead of 供稿, a bare 网讯 dateline and a URL: header line', () => {
    const p = parseFixture('editor-credit.txt');
    expect(p).toMatchObject({ columnName: '政策解读', author: '李明', source: '县医保局', creditKind: '责任编辑', creditName: '赵文静', editorName: '赵文静' });
    expect(p.reporters).toEqual([]);
    expect(paragraphs(p)[0]!.startsWith('今年起,')).toBe(true);
    expect(p.legacyUrl).toBe('/plus/view.php?aid=3021');
    expect(p).toMatchObject({ prevTitle: '春耕补贴发放到户', nextTitle: null });
  });

  it('photo captions become italic caption paragraphs; a browser’s saved-from comment gives the address', () => {
    const p = parseFixture('captions.txt');
    expect(p).toMatchObject({ columnName: '图片新闻', title: '杏花开满山坡', author: '', reporters: [{ name: '阿不都', role: 'reporter' }] });
    expect(kinds(p)).toEqual(['paragraph', 'caption', 'paragraph', 'caption', 'caption', 'paragraph']);
    const captions = p.body.content.filter((_, i) => kinds(p)[i] === 'caption').map(textOf);
    expect(captions).toEqual(['图为游客在杏花林中拍照留念。', '图为村民在自家农家乐门前迎客', '杏花谷的清晨']);
    expect(p.legacyUrl).toBe('/html/tpxw/2019/0410/30007.html');
    expect(p).toMatchObject({ creditKind: '供稿', creditName: '示例乡杏花村工作队', prevTitle: null, nextTitle: '果园里的新技术' });
    expect(parseRichText(p.body)).toEqual(p.body);
  });

  it('新疆民生网讯(记者 A B 通讯员 C) gives reporters with roles; 年月日 dates', () => {
    const p = parseFixture('reporters-byline.txt');
    expect(p.reporters).toEqual([
      { name: '陈晨', role: 'reporter' },
      { name: '李卫东', role: 'reporter' },
      { name: '古丽', role: 'correspondent' },
    ]);
    expect(paragraphs(p)[0]!.startsWith('每天晚上八点')).toBe(true);
    expect(p.publishedAt?.toISOString()).toBe(new Date('2020-01-06T00:00:00+08:00').toISOString());
    expect(p).toMatchObject({ author: '工作队', source: '本站原创', views: 88, columnName: '下乡专栏' });
  });

  it('a GBK-encoded file', () => {
    const bytes = fixture('gbk.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const p = parseFixture('gbk.txt');
    expect(p).toMatchObject({ columnName: '民生热点', title: '新修的桥通车了', author: '张伟', views: 57, creditKind: '供稿', creditName: '示例局驻河畔村工作队' });
    expect(p.publishedAt?.toISOString()).toBe(new Date('2018-11-20T16:05:00+08:00').toISOString());
    expect(p.reporters).toEqual([{ name: '张伟', role: 'reporter' }]);
    expect(paragraphs(p)[1]).toBe('“以前去乡里要绕远路,现在十分钟就到了。”村民吐尔逊说。');
  });

  it('Windows line endings, a BOM, meta fields on separate lines, a dateline on its own line and both credits', () => {
    const text = [
      '\ufeff新疆民生网',
      '当前位置:首页 > 下乡专栏 > 正文',
      '羊圈搬出了院子',
      '作者:马强',
      '发布时间:2021/4/2 8:05:09',
      '点击:载入中',
      '',
      '新疆民生网讯(记者 马强)',
      '今年春天,村里统一规划建设了养殖小区,家家户户的羊圈搬出了院子。',
      '院子干净了',
      '腾出来的空地,村民们种上了蔬菜和果树。',
      '(供稿:示例队)(编辑:韩梅)',
      '分享到:',
      '上一篇:没有了 下一篇:村口新建了文化广场',
    ].join('\r\n');
    const p = parse(text);
    expect(p).toMatchObject({ columnName: '下乡专栏', title: '羊圈搬出了院子', author: '马强', views: null });
    expect(p.publishedAt?.toISOString()).toBe(new Date('2021-04-02T08:05:09+08:00').toISOString());
    expect(p.reporters).toEqual([{ name: '马强', role: 'reporter' }]);
    expect(kinds(p)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(p).toMatchObject({ creditKind: '供稿', creditName: '示例队', editorName: '韩梅', prevTitle: null, nextTitle: '村口新建了文化广场' });
  });

  it('a short last line or a short line with punctuation stays a paragraph', () => {
    const p = parse(['首页 >> 民生热点 >> 标题一', '标题一', '', '第一段正文,写得比较长一些。', '“好!”', '第三段正文,也比较长一些。', '大家都很高兴'].join('\n'));
    expect(kinds(p)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
});

describe('pages that are not imported, with a reason', () => {
  it('garbage bytes', () => {
    expect(reasonOf(decodeLegacyBytes(fixture('garbage.bin')))).toBe(LEGACY_PARSE_ERRORS.binary);
  });
  it('an empty or blank file', () => {
    expect(reasonOf(decodeLegacyBytes(fixture('empty.txt')))).toBe(LEGACY_PARSE_ERRORS.empty);
    expect(reasonOf(' \n\u3000\r\n')).toBe(LEGACY_PARSE_ERRORS.empty);
  });
  it('HTML source instead of the page’s text', () => {
    expect(reasonOf(decodeLegacyBytes(fixture('page.html')))).toBe(LEGACY_PARSE_ERRORS.html);
  });
  it('text that is not a legacy page', () => {
    expect(reasonOf(decodeLegacyBytes(fixture('plain-note.txt')))).toBe(LEGACY_PARSE_ERRORS.noBreadcrumb);
  });
  it('no title, no column, no body', () => {
    expect(reasonOf('首页 >> 民生热点 >>\n作者:甲\n\n正文。')).toBe(LEGACY_PARSE_ERRORS.noTitle);
    expect(reasonOf('首页 >> 只有标题\n只有标题\n\n正文一段。')).toBe(LEGACY_PARSE_ERRORS.noColumn);
    expect(reasonOf('首页 >> 民生热点 >> 空文章\n空文章\n作者:\n\n(供稿:某队)\n上一篇:没有了\n网站首页 - 关于本站')).toBe(LEGACY_PARSE_ERRORS.emptyBody);
  });
  it('every reason is in English and in Chinese', () => {
    for (const reason of Object.values(LEGACY_PARSE_ERRORS)) expect(reason).toMatch(/^[A-Za-z].* — \p{Script=Han}/u);
  });
});

describe('parseLegacyDate (Beijing time)', () => {
  it.each([
    ['2019-01-25', '2019-01-25T00:00:00+08:00'],
    ['2019-01-25 10:20', '2019-01-25T10:20:00+08:00'],
    ['2019-01-25 10:20:30', '2019-01-25T10:20:30+08:00'],
    ['2019/1/5 8:05', '2019-01-05T08:05:00+08:00'],
    ['2019年1月25日', '2019-01-25T00:00:00+08:00'],
    ['2019年12月1日 23:59', '2019-12-01T23:59:00+08:00'],
  ])('%s', (input, iso) => {
    expect(parseLegacyDate(input)?.toISOString()).toBe(new Date(iso).toISOString());
  });
  it.each(['2019-02-30', '2019-13-01', '2019-01-25 24:00', '昨天', ''])('rejects %s', (input) => {
    expect(parseLegacyDate(input)).toBeNull();
  });
});
