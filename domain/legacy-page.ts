import { parseReporters, type Reporter } from './byline';
import { normalizeLegacyUrl } from './legacy-url';
import { richTextSchema, type BlockNode, type InlineNode, type ParagraphNode, type RichTextDoc } from './rich-text';

/**
 * Reads a text dump of one article page of the old site (header, breadcrumb, title, meta
 * line, body, closing credit, 上一篇/下一篇, footer) into the fields of an article. Pure:
 * the importer (services/import.ts) decides what to store.
 *
 * Photo captions: the dumps hold the caption text but never the photo, and the rich-text
 * model has no caption-only block, so a caption (图为… / (图为…) / ▲…) becomes a paragraph
 * whose text is all italic — a mark every part of the pipeline (schema, editor, renderer)
 * keeps. An editor who finds the photo later can turn it back into an image with caption.
 */

export type CreditKind = '供稿' | '责任编辑';

export interface LegacyPage {
  /** The column (栏目) named in the breadcrumb: the segment just before the title. */
  columnName: string;
  title: string;
  /** 作者 as printed; '' when the line is empty or missing. */
  author: string;
  /** 来源; '' when not printed. */
  source: string;
  publishedAt: Date | null;
  /** 点击 */
  views: number | null;
  /** From the dateline byline (新疆民生网(谢新宇) / 民生网讯(记者 甲 通讯员 乙)). */
  reporters: Reporter[];
  body: RichTextDoc;
  /** The closing credit; 供稿 wins when a page prints both (the editor is in `editorName` too). */
  creditKind: CreditKind | null;
  creditName: string;
  /** 责任编辑 from the credit or the meta line; '' when none. */
  editorName: string;
  /** 上一篇 / 下一篇 titles; null for 没有了. */
  prevTitle: string | null;
  nextTitle: string | null;
  /** Path + query of the page on the old site when the dump names it (see domain/legacy-url.ts). */
  legacyUrl: string | null;
}

export type LegacyParseResult = { ok: true; page: LegacyPage } | { ok: false; reason: string };

/** Why a file is not imported: plain English, then Chinese, for the person running the import. */
export const LEGACY_PARSE_ERRORS = {
  empty: 'empty file — 文件是空的',
  binary: 'binary data, not a text dump — 不是文本文件',
  html: 'HTML source, not the text of a page — 这是网页源代码,不是页面文本',
  noBreadcrumb: 'not a legacy article page: no breadcrumb line (首页 >> 栏目 >> 标题) — 不是旧网站的文章页:找不到“首页 >>”导航行',
  noColumn: 'the breadcrumb names no column — 导航行里没有栏目名称',
  noTitle: 'no title — 找不到标题',
  emptyBody: 'empty body — 正文是空的',
  badBody: 'the body does not fit the article format — 正文无法转换为文章格式',
} as const;

/** A subheading is at most this many characters. */
export const SUBHEADING_MAX_CHARS = 20;

const fail = (reason: string): LegacyParseResult => ({ ok: false, reason });

/** Bytes of a saved page as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK. */
export function decodeLegacyBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseLegacyPage(text: string): LegacyParseResult {
  const raw = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!raw.trim()) return fail(LEGACY_PARSE_ERRORS.empty);
  if (looksBinary(raw)) return fail(LEGACY_PARSE_ERRORS.binary);
  const savedFrom = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(raw);
  const withoutComment = raw.replace(/<!--\s*saved from url=[^>]*-->/gi, '');
  if (looksLikeHtml(withoutComment)) return fail(LEGACY_PARSE_ERRORS.html);

  const lines = withoutComment.split('\n').map((l) => l.trim());
  const crumbAt = lines.findIndex((l) => BREADCRUMB.test(l));
  if (crumbAt < 0) return fail(LEGACY_PARSE_ERRORS.noBreadcrumb);

  // Header lines above the breadcrumb may name the page's address.
  let legacyUrl = savedFrom ? normalizeLegacyUrl(savedFrom[1]) : null;
  for (const l of lines.slice(0, crumbAt)) {
    const m = URL_LINE.exec(l);
    if (m && !legacyUrl) legacyUrl = normalizeLegacyUrl(m[1]);
  }

  const crumbs = lines[crumbAt]!
    .replace(BREADCRUMB_LEAD, '')
    .split(CRUMB_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  // crumbs[0] is 首页.
  const trail = crumbs.slice(1);

  // Title: the first non-empty line after the breadcrumb, unless that is already the meta line.
  let i = crumbAt + 1;
  while (i < lines.length && !lines[i]) i++;
  let title = '';
  if (i < lines.length && !isMetaLine(lines[i]!) && !isEndLine(lines[i]!)) {
    title = clean(lines[i]!);
    i++;
  } else if (trail.length >= 2 && !/(\.\.\.|…)$/.test(trail[trail.length - 1]!)) {
    title = clean(trail[trail.length - 1]!); // no title line: the breadcrumb's last crumb is it
  }
  if (!title) return fail(LEGACY_PARSE_ERRORS.noTitle);

  const columnTrail = trail.length && crumbIsTitle(trail[trail.length - 1]!, title) ? trail.slice(0, -1) : trail;
  const columnName = clean(columnTrail[columnTrail.length - 1] ?? '');
  if (!columnName) return fail(LEGACY_PARSE_ERRORS.noColumn);

  // Meta lines (作者/来源/发布时间/点击 …): consecutive lines right after the title.
  const meta: Record<string, string> = {};
  let j = i;
  while (j < lines.length && !lines[j]) j++;
  if (j < lines.length && isMetaLine(lines[j]!)) {
    for (i = j; i < lines.length && lines[i] && isMetaLine(lines[i]!); i++) {
      for (const [label, value] of splitLabelled(lines[i]!, META_LABELS)) {
        const key = META_KEYS[label]!;
        if (!(key in meta) || (key === 'date' && label.startsWith('发'))) meta[key] = value;
      }
    }
  }

  // The body runs until 上一篇/下一篇 or the footer; prev/next are read from what follows.
  let end = i;
  while (end < lines.length && !isEndLine(lines[end]!)) end++;
  const { prevTitle, nextTitle } = readNeighbours(lines.slice(end));

  const credits: { kind: CreditKind; name: string }[] = [];
  const bodyLines: string[] = [];
  for (const l of lines.slice(i, end)) {
    if (!l) continue;
    const found = creditsOf(l);
    if (found) credits.push(...found);
    else bodyLines.push(l);
  }

  const { blocks, reporters } = buildBody(bodyLines);
  if (!blocks.length) return fail(LEGACY_PARSE_ERRORS.emptyBody);
  const body: RichTextDoc = { type: 'doc', content: blocks };
  if (!richTextSchema.safeParse(body).success) return fail(LEGACY_PARSE_ERRORS.badBody);

  const team = credits.find((c) => c.kind === '供稿');
  const editor = credits.find((c) => c.kind === '责任编辑');
  const credit = team ?? editor ?? null;
  return {
    ok: true,
    page: {
      columnName,
      title,
      author: clean(meta.author ?? ''),
      source: clean(meta.source ?? ''),
      publishedAt: meta.date ? parseLegacyDate(meta.date) : null,
      views: meta.views ? parseViews(meta.views) : null,
      reporters,
      body,
      creditKind: credit?.kind ?? null,
      creditName: credit?.name ?? '',
      editorName: editor?.name ?? clean(meta.editor ?? ''),
      prevTitle,
      nextTitle,
      legacyUrl,
    },
  };
}

/**
 * `2019-01-25`, `2019-01-25 10:20`, `2019/1/25 10:20:05`, `2019年1月25日`, `2019年1月25日 10:20`
 * as Beijing time (+08:00). Null when there is no valid date.
 */
export function parseLegacyDate(value: string): Date | null {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[::时]\s*(\d{1,2})(?:\s*[::分]\s*(\d{1,2}))?)?/.exec(value);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h - 8, mi, s));
  // Reject 2019-02-30 and the like (Date would roll them over).
  const beijing = new Date(date.getTime() + 8 * 3_600_000);
  return beijing.getUTCDate() === d && beijing.getUTCMonth() === mo! - 1 ? date : null;
}

// ---------------------------------------------------------------------------------------

const CJK = /\p{Script=Han}/u;
const BREADCRUMB_LEAD = /^(?:(?:当前位置|您的位置|您现在的位置|位置)\s*[::]\s*)?/;
const BREADCRUMB = /^(?:(?:当前位置|您的位置|您现在的位置|位置)\s*[::]\s*)?首页\s*(?:>>|>>|>|>|»|›|→)/;
const CRUMB_SEPARATOR = /\s*(?:>>|>>|>|>|»|›|→)\s*/;
const URL_LINE = /^(?:URL|网址|原文地址|原文链接|页面地址)\s*[::]\s*(\S+)/i;
const BULLET = /^[•·●◆◇■□▪\-*]+\s*/;

const META_LABELS = [
  '作者',
  '来源',
  '出处',
  '发布时间',
  '发布日期',
  '发表时间',
  '更新时间',
  '日期',
  '时间',
  '点击数',
  '点击量',
  '点击',
  '浏览次数',
  '浏览量',
  '浏览',
  '阅读次数',
  '阅读量',
  '阅读',
  '人气',
  '责任编辑',
  '编辑',
];
const META_KEYS: Record<string, 'author' | 'source' | 'date' | 'views' | 'editor'> = {
  作者: 'author',
  来源: 'source',
  出处: 'source',
  发布时间: 'date',
  发布日期: 'date',
  发表时间: 'date',
  更新时间: 'date',
  日期: 'date',
  时间: 'date',
  点击数: 'views',
  点击量: 'views',
  点击: 'views',
  浏览次数: 'views',
  浏览量: 'views',
  浏览: 'views',
  阅读次数: 'views',
  阅读量: 'views',
  阅读: 'views',
  人气: 'views',
  责任编辑: 'editor',
  编辑: 'editor',
};
const labelPattern = (labels: string[]) => new RegExp(`(${labels.join('|')})\\s*[::]`, 'g');
const META_START = new RegExp(`^(?:${META_LABELS.join('|')})\\s*[::]`);

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function looksBinary(s: string): boolean {
  if (s.includes('\u0000')) return true;
  const sample = s.slice(0, 20_000);
  const control = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  const replaced = sample.match(/\ufffd/g)?.length ?? 0;
  return control > sample.length * 0.01 || replaced > sample.length * 0.02;
}

function looksLikeHtml(s: string): boolean {
  if (/<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]/i.test(s)) return true;
  return (s.match(/<\/?(?:div|p|span|table|tr|td|script|style|meta|link|a|br|img|ul|li)\b[^>]*>/gi)?.length ?? 0) >= 5;
}

function isMetaLine(l: string): boolean {
  return META_START.test(l);
}

function stripBullet(l: string): string {
  return l.replace(BULLET, '');
}

const NEIGHBOUR = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[::]/;
const FOOTER_START = /^(?:网站首页\s*[-|·]|关于本站\s*[-|·]|copyright\b|©|版权所有|未经授权|本站声明)/i;
const FOOTER_ANYWHERE = /ICP备|ICP证|公网安备/i;
const SIDEBAR = /^(?:相关文章|相关阅读|相关新闻|热门文章|推荐阅读|最新文章|热点排行)$|^(?:分享到|打印本页|关闭窗口|返回顶部|收藏本文)/;
const PAGE_TOOLS = /^(?:[【\[][^】\]]*[】\]]\s*)+$/;

/** A line that ends the body: 上一篇/下一篇, the footer, a sidebar heading, 【打印】【关闭】. */
function isEndLine(raw: string): boolean {
  const l = stripBullet(raw);
  if (NEIGHBOUR.test(l) || FOOTER_START.test(l) || SIDEBAR.test(l)) return true;
  if (l.length <= 120 && FOOTER_ANYWHERE.test(l)) return true;
  return PAGE_TOOLS.test(l) && /打印|关闭|收藏|顶部|字号|分享|返回/.test(l);
}

function readNeighbours(rest: string[]): { prevTitle: string | null; nextTitle: string | null } {
  let prevTitle: string | null = null;
  let nextTitle: string | null = null;
  for (const raw of rest) {
    for (const [label, value] of splitLabelled(stripBullet(raw), ['上一篇', '下一篇', '上一条', '下一条', '上篇', '下篇'])) {
      const titleOrNull = !value || /^(?:没有了|无|暂无)[!!。.]*$/.test(value) ? null : clean(value);
      if (label.startsWith('上')) prevTitle ??= titleOrNull;
      else nextTitle ??= titleOrNull;
    }
  }
  return { prevTitle, nextTitle };
}

/** `label:value` pairs of a line in order ("作者:甲 来源:乙 发布时间:2019-01-25 10:20"); a value runs until the next label. */
function splitLabelled(line: string, labels: string[]): [string, string][] {
  const hits = [...line.matchAll(labelPattern(labels))].map((m) => ({ label: m[1]!, start: m.index, end: m.index + m[0].length }));
  return hits.map((h, k) => [h.label, line.slice(h.end, hits[k + 1]?.start ?? line.length).trim()]);
}

const CREDIT_LABELS = ['供稿单位', '供稿', '责任编辑', '编辑'];
const CREDIT_LINE = /^(?:[((]\s*(?:供稿单位|供稿|责任编辑|编辑)\s*[::][^()()]*[))]\s*)+$|^(?:供稿单位|供稿|责任编辑)\s*[::].{1,100}$/;

/** `(供稿:…)` / `(责任编辑:…)` / `(编辑:…)` lines (one or two, with or without brackets); null for other lines. */
function creditsOf(line: string): { kind: CreditKind; name: string }[] | null {
  if (!CREDIT_LINE.test(line)) return null;
  const unbracketed = line.replace(/[()()]/g, ' ');
  const out = splitLabelled(unbracketed.trim(), CREDIT_LABELS)
    .map(([label, name]) => ({ kind: (label.startsWith('供稿') ? '供稿' : '责任编辑') as CreditKind, name: clean(name) }))
    .filter((c) => c.name);
  return out.length ? out : null;
}

// Dateline bylines: 新疆民生网(谢新宇) · 新疆民生网讯(记者 甲 通讯员 乙) · 本报讯 …
const BYLINE_WITH_NAMES = /^([\p{Script=Han}A-Za-z·]{1,16}?(?:网讯|报讯|社讯|台讯|网|讯|报|台|社|站))\s*[((]([^()()]{1,40})[))]\s*/u;
const BYLINE_BARE = /^([\p{Script=Han}]{1,16}?(?:网讯|报讯|社讯|台讯))(?:\s+|\s*[::]\s*)/u;
const SENTENCE_PUNCTUATION = /[。!?;:”’…!?;:,,"」』]/;

function splitByline(line: string): { reporters: Reporter[]; rest: string } | null {
  const named = BYLINE_WITH_NAMES.exec(line);
  if (named) {
    const inner = named[2]!.trim();
    if (inner && !/[。!?;,,0-9]/.test(inner) && !/^图/.test(inner)) {
      return { reporters: parseReporters(inner.replace(/[::/|]/g, ' ')), rest: line.slice(named[0].length).trim() };
    }
  }
  const bare = BYLINE_BARE.exec(line);
  if (bare) return { reporters: [], rest: line.slice(bare[0].length).trim() };
  return null;
}

/** Caption text of a photo caption line (图为… / (图为…) / ▲…), or null. */
function captionOf(line: string): string | null {
  const arrow = /^[▲△]\s*(.+)$/.exec(line);
  if (arrow) return arrow[1]!.trim();
  const bracketed = /^[((]\s*((?:[上下左右]|组)?图(?:为|片?\s*[::]|\d+[::]?).+?)\s*[))]$/.exec(line);
  if (bracketed) return bracketed[1]!.trim();
  if (/^(?:[上下左右]|组)?图为./.test(line)) return line;
  return null;
}

function isSubheading(line: string): boolean {
  const chars = [...line];
  return chars.length >= 2 && chars.length <= SUBHEADING_MAX_CHARS && CJK.test(line) && !SENTENCE_PUNCTUATION.test(line);
}

const MAX_TEXT = 20_000;
function textNodes(text: string): InlineNode[] {
  const out: InlineNode[] = [];
  for (let k = 0; k < text.length; k += MAX_TEXT) out.push({ type: 'text', text: text.slice(k, k + MAX_TEXT) });
  return out;
}
const paragraph = (text: string): ParagraphNode => ({ type: 'paragraph', content: textNodes(text) });
const caption = (text: string): ParagraphNode => ({
  type: 'paragraph',
  content: textNodes(text).map((n) => (n.type === 'text' ? { ...n, marks: [{ type: 'italic' as const }] } : n)),
});

function buildBody(lines: string[]): { blocks: BlockNode[]; reporters: Reporter[] } {
  const blocks: BlockNode[] = [];
  let reporters: Reporter[] = [];
  let bylineSeen = false;
  let hadParagraph = false;
  for (const [k, line] of lines.entries()) {
    const cap = captionOf(line);
    if (cap) {
      blocks.push(caption(cap));
      continue;
    }
    let text = line;
    let first = false;
    if (!bylineSeen) {
      // The dateline opens the first text line; it is printed again from `reporters`.
      bylineSeen = true;
      first = true;
      const byline = splitByline(line);
      if (byline) {
        reporters = byline.reporters;
        text = byline.rest;
        if (!text) continue; // the byline stood on its own line
      }
    }
    const isLast = k === lines.length - 1;
    if (!first && hadParagraph && !isLast && isSubheading(text)) {
      blocks.push({ type: 'heading', attrs: { level: 2 }, content: textNodes(text) });
      continue;
    }
    blocks.push(paragraph(text));
    hadParagraph = true;
  }
  return { blocks, reporters };
}

function crumbIsTitle(crumb: string, title: string): boolean {
  const c = clean(crumb);
  if (c === title || /^(?:正文|内容|文章内容|浏览文章|阅读文章)$/.test(c)) return true;
  const truncated = c.replace(/(\.\.\.|…)+$/, '');
  return truncated !== c && truncated.length > 0 && title.startsWith(truncated);
}

function parseViews(value: string): number | null {
  const m = /\d[\d,]*/.exec(value);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
