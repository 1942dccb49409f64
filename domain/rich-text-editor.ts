import {
  safeHref,
  safeImageSrc,
  type BlockNode,
  type BlockquoteNode,
  type HeadingNode,
  type ImageNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type Mark,
  type ParagraphNode,
  type RichTextDoc,
} from './rich-text';

/**
 * Turns whatever the editor emits (Tiptap `editor.getJSON()`, or pasted/imported JSON)
 * into a body that `parseRichText` accepts. Lenient by design: unknown attributes are
 * dropped, unknown marks and nodes give up their formatting but keep their text.
 */
export function normalizeEditorDoc(json: unknown): RichTextDoc {
  const root = asNode(json);
  const content = root && root.type === 'doc' ? topBlocks(root.content) : [];
  while (content.length && isEmptyParagraph(content[content.length - 1])) content.pop();
  while (content.length && isEmptyParagraph(content[0])) content.shift();
  return { type: 'doc', content: content.slice(0, MAX_BLOCKS) };
}

const MAX_BLOCKS = 5000;
const MAX_TEXT = 20000;
const MAX_ALT = 300;
const MAX_CAPTION = 500;

interface RawNode {
  type: string;
  attrs: Record<string, unknown>;
  content: unknown[];
  marks: unknown[];
  text?: string;
}

function asNode(v: unknown): RawNode | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string') return null;
  return {
    type: o.type,
    attrs: o.attrs && typeof o.attrs === 'object' ? (o.attrs as Record<string, unknown>) : {},
    content: Array.isArray(o.content) ? o.content : [],
    marks: Array.isArray(o.marks) ? o.marks : [],
    text: typeof o.text === 'string' ? o.text : undefined,
  };
}

function isEmptyParagraph(b: BlockNode | undefined): boolean {
  return b?.type === 'paragraph' && !b.content?.length;
}

const INLINE_TYPES = new Set(['text', 'hardBreak']);

/** Blocks allowed at the top level of a document. */
function topBlocks(raw: unknown[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const item of raw) {
    const n = asNode(item);
    if (!n) continue;
    switch (n.type) {
      case 'paragraph':
        out.push(paragraph(n.content));
        break;
      case 'heading': {
        const content = inlines(n.content);
        // An empty heading would publish as a bare coloured bar.
        if (content.length) out.push({ type: 'heading', attrs: { level: headingLevel(n.attrs.level) }, content } satisfies HeadingNode);
        break;
      }
      case 'image': {
        const img = image(n.attrs);
        if (img) out.push(img);
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const list = listNode(n);
        if (list) out.push(list);
        break;
      }
      case 'blockquote': {
        const content = innerBlocks(n.content);
        if (content.length) out.push({ type: 'blockquote', content } satisfies BlockquoteNode);
        break;
      }
      case 'horizontalRule':
        out.push({ type: 'horizontalRule' });
        break;
      default:
        out.push(...unknownAsBlocks(n, topBlocks));
    }
  }
  return out;
}

type InnerBlock = ParagraphNode | ListNode;

/** Blocks allowed inside a list item or quote: paragraphs and lists only. */
function innerBlocks(raw: unknown[]): InnerBlock[] {
  const out: InnerBlock[] = [];
  for (const item of raw) {
    const n = asNode(item);
    if (!n) continue;
    switch (n.type) {
      case 'paragraph':
      case 'heading':
        out.push(paragraph(n.content));
        break;
      case 'bulletList':
      case 'orderedList': {
        const list = listNode(n);
        if (list) out.push(list);
        break;
      }
      case 'blockquote':
        out.push(...innerBlocks(n.content));
        break;
      case 'image': {
        // Images cannot live in quotes or lists; keep the caption so no words are lost.
        const caption = typeof n.attrs.caption === 'string' ? n.attrs.caption.trim() : '';
        if (caption) out.push(paragraph([{ type: 'text', text: caption }]));
        break;
      }
      case 'horizontalRule':
        break;
      default:
        out.push(...unknownAsBlocks(n, innerBlocks));
    }
  }
  return out;
}

/** An unknown block (code block, table, task list…) becomes its text: nested blocks or one paragraph. */
function unknownAsBlocks<T extends BlockNode>(n: RawNode, blocks: (raw: unknown[]) => T[]): Array<T | ParagraphNode> {
  if (n.text !== undefined || n.content.length === 0) {
    const text = n.text ?? '';
    return text ? [paragraph([{ type: 'text', text }])] : [];
  }
  const inlineOnly = n.content.every((c) => {
    const child = asNode(c);
    return !child || INLINE_TYPES.has(child.type) || child.text !== undefined;
  });
  if (inlineOnly) {
    const p = paragraph(n.content);
    return p.content?.length ? [p] : [];
  }
  return blocks(n.content);
}

function listNode(n: RawNode): ListNode | null {
  const items: ListItemNode[] = [];
  for (const raw of n.content) {
    const li = asNode(raw);
    if (!li) continue;
    // A stray non-item child (e.g. a paragraph straight in the list) becomes its own item.
    const content = innerBlocks(li.type === 'listItem' ? li.content : [raw]).slice(0, 50);
    items.push({ type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] });
  }
  if (!items.length) return null;
  return { type: n.type === 'orderedList' ? 'orderedList' : 'bulletList', content: items.slice(0, 500) };
}

function headingLevel(raw: unknown): 2 | 3 {
  const level = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(level) && level >= 3 ? 3 : 2;
}

function paragraph(raw: unknown[]): ParagraphNode {
  const content = inlines(raw);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function inlines(raw: unknown[]): InlineNode[] {
  const out: InlineNode[] = [];
  const pushText = (text: string, marks: Mark[]) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev?.type === 'text' && sameMarks(prev.marks ?? [], marks) && prev.text.length + text.length <= MAX_TEXT) {
      prev.text += text;
      return;
    }
    for (let i = 0; i < text.length; i += MAX_TEXT) {
      const chunk = text.slice(i, i + MAX_TEXT);
      out.push(marks.length ? { type: 'text', text: chunk, marks } : { type: 'text', text: chunk });
    }
  };
  const walk = (items: unknown[], inherited: Mark[]) => {
    for (const item of items) {
      const n = asNode(item);
      if (!n) continue;
      if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
      else if (n.type === 'text') pushText(n.text ?? '', mergeMarks(inherited, marks(n.marks)));
      // Unknown inline nodes (mentions, emoji, inline images…): keep any text they carry.
      else if (n.text) pushText(n.text, inherited);
      else walk(n.content, mergeMarks(inherited, marks(n.marks)));
    }
  };
  walk(raw, []);
  return out;
}

function marks(raw: unknown[]): Mark[] {
  const out: Mark[] = [];
  for (const item of raw) {
    const m = asNode(item);
    if (!m) continue;
    if (m.type === 'bold' || m.type === 'italic') out.push({ type: m.type });
    else if (m.type === 'link') {
      const href = safeHref(m.attrs.href);
      if (href) out.push({ type: 'link', attrs: { href: href.trim() } });
    }
  }
  return mergeMarks([], out);
}

/** One mark per type, inner ones winning, in the order they first appear. */
function mergeMarks(outer: Mark[], inner: Mark[]): Mark[] {
  const byType = new Map<string, Mark>();
  for (const m of [...outer, ...inner]) byType.set(m.type, m);
  return [...byType.values()];
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => {
    const o = b[i];
    if (!o || m.type !== o.type) return false;
    return m.type !== 'link' || (o.type === 'link' && o.attrs.href === m.attrs.href);
  });
}

function image(attrs: Record<string, unknown>): ImageNode | null {
  const src = safeImageSrc(attrs.src);
  if (!src || src.length > 2000) return null;
  const out: ImageNode['attrs'] = { src: src.trim() };
  const alt = text(attrs.alt, MAX_ALT);
  const caption = text(attrs.caption, MAX_CAPTION);
  const mediaId = positiveInt(attrs.mediaId);
  const width = positiveInt(attrs.width);
  const height = positiveInt(attrs.height);
  if (alt) out.alt = alt;
  if (caption) out.caption = caption;
  if (mediaId) out.mediaId = mediaId;
  if (width) out.width = width;
  if (height) out.height = height;
  return { type: 'image', attrs: out };
}

function text(raw: unknown, max: number): string {
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

function positiveInt(raw: unknown): number | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
