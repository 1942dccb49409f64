import { z } from 'zod';

/**
 * Article bodies are ProseMirror/TipTap-shaped JSON, never HTML. This schema is the
 * contract for what may be stored; `parseRichText` also drops link marks whose scheme
 * is not allowed, so stored bodies only ever hold safe hrefs.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Returns the href if it is safe to put in a link, otherwise null. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = raw.trim();
  if (!href || href.length > 2000) return null;
  // Site-relative paths ("/columns/x"), but not protocol-relative ("//evil.example").
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) return href;
  if (href.startsWith('#')) return href;
  // Reject control characters and whitespace that browsers strip when parsing schemes.
  if (/[\u0000-\u001f\u007f\s]/.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return ALLOWED_SCHEMES.has(url.protocol) ? href : null;
}

/** Image sources: our own media route, or https URLs. */
export function safeImageSrc(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const src = raw.trim();
  if (src.startsWith('/media/') && !src.includes('..')) return src;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' ? src : null;
  } catch {
    return null;
  }
}

const markSchema = z.union([
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({
    type: z.literal('link'),
    attrs: z.object({ href: z.string().max(2000) }).loose(),
  }),
]);

const textSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(20000),
  marks: z.array(markSchema).max(5).optional(),
});
const hardBreakSchema = z.object({ type: z.literal('hardBreak') });
const inlineSchema = z.discriminatedUnion('type', [textSchema, hardBreakSchema]);

const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  content: z.array(inlineSchema).max(2000).optional(),
});
const headingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(inlineSchema).max(200).optional(),
});
const imageSchema = z.object({
  type: z.literal('image'),
  attrs: z.object({
    src: z.string().max(2000).refine((s) => safeImageSrc(s) !== null, '图片地址无效'),
    alt: z.string().max(300).nullish(),
    caption: z.string().max(500).nullish(),
    mediaId: z.number().int().positive().nullish(),
    width: z.number().int().positive().nullish(),
    height: z.number().int().positive().nullish(),
  }),
});
const horizontalRuleSchema = z.object({ type: z.literal('horizontalRule') });

export type InlineNode = z.infer<typeof inlineSchema>;
export type Mark = z.infer<typeof markSchema>;
export type ParagraphNode = z.infer<typeof paragraphSchema>;
export type HeadingNode = z.infer<typeof headingSchema>;
export type ImageNode = z.infer<typeof imageSchema>;
export interface ListItemNode {
  type: 'listItem';
  content: Array<ParagraphNode | ListNode>;
}
export interface ListNode {
  type: 'bulletList' | 'orderedList';
  content: ListItemNode[];
}
export interface BlockquoteNode {
  type: 'blockquote';
  content: Array<ParagraphNode | ListNode>;
}
export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | ImageNode
  | ListNode
  | BlockquoteNode
  | { type: 'horizontalRule' };
export interface RichTextDoc {
  type: 'doc';
  content: BlockNode[];
}

const listSchema: z.ZodType<ListNode> = z.lazy(() =>
  z.object({
    type: z.enum(['bulletList', 'orderedList']),
    attrs: z.object({}).loose().optional(),
    content: z.array(listItemSchema).min(1).max(500),
  }),
) as z.ZodType<ListNode>;
const listItemSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({
    type: z.literal('listItem'),
    content: z.array(z.union([paragraphSchema, listSchema])).min(1).max(50),
  }),
) as z.ZodType<ListItemNode>;
const blockquoteSchema = z.object({
  type: z.literal('blockquote'),
  content: z.array(z.union([paragraphSchema, listSchema])).min(1).max(200),
});

const blockSchema = z.union([
  paragraphSchema,
  headingSchema,
  imageSchema,
  listSchema,
  blockquoteSchema,
  horizontalRuleSchema,
]);

export const richTextSchema: z.ZodType<RichTextDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(5000),
}) as z.ZodType<RichTextDoc>;

export const EMPTY_DOC: RichTextDoc = { type: 'doc', content: [] };

/** Validates a body and removes link marks with disallowed schemes. Throws ZodError on bad shape. */
export function parseRichText(input: unknown): RichTextDoc {
  const doc = richTextSchema.parse(input);
  return mapInlines(doc, (node) => {
    if (node.type !== 'text' || !node.marks) return node;
    const marks = node.marks.filter((m) => m.type !== 'link' || safeHref(m.attrs.href) !== null);
    return marks.length ? { ...node, marks } : { type: 'text', text: node.text };
  });
}

function mapInlines(doc: RichTextDoc, fn: (n: InlineNode) => InlineNode): RichTextDoc {
  const mapBlock = (b: BlockNode): BlockNode => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return b.content ? { ...b, content: b.content.map(fn) } : b;
      case 'bulletList':
      case 'orderedList':
        return { ...b, content: b.content.map((li) => ({ ...li, content: li.content.map(mapBlock) as ListItemNode['content'] })) };
      case 'blockquote':
        return { ...b, content: b.content.map(mapBlock) as BlockquoteNode['content'] };
      default:
        return b;
    }
  };
  return { type: 'doc', content: doc.content.map(mapBlock) };
}

/** Plain text of inline content (for headings in a table of contents, summaries, search). */
export function inlineText(content: InlineNode[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** All readable text of a document, blocks separated by newlines. */
export function docText(doc: RichTextDoc): string {
  const out: string[] = [];
  const walk = (b: BlockNode) => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        out.push(inlineText(b.content));
        break;
      case 'image':
        if (b.attrs.caption) out.push(b.attrs.caption);
        break;
      case 'bulletList':
      case 'orderedList':
        b.content.forEach((li) => li.content.forEach(walk));
        break;
      case 'blockquote':
        b.content.forEach(walk);
        break;
    }
  };
  doc.content.forEach(walk);
  return out.filter(Boolean).join('\n');
}

/**
 * A short plain-text description: whitespace collapsed, cut to `max` characters (code
 * points, so a CJK character or emoji is never split) with an ellipsis when cut.
 */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** An article's description for feeds and link previews: its 导语, else the start of its text. */
export function summaryOrExcerpt(summary: string, body: RichTextDoc, max = 200): string {
  return summary.trim() ? excerpt(summary, max * 2) : excerpt(docText(body), max);
}

/** Builders used by the seed, the importer and tests. */
/** The first uploaded image of a body (the article's cover when none is chosen). */
export function firstImageMediaId(doc: RichTextDoc): number | null {
  for (const b of doc.content) if (b.type === 'image' && b.attrs.mediaId) return b.attrs.mediaId;
  return null;
}

export const rt = {
  doc: (...content: BlockNode[]): RichTextDoc => ({ type: 'doc', content }),
  p: (text: string): ParagraphNode => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }),
  h2: (text: string): HeadingNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] }),
  h3: (text: string): HeadingNode => ({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] }),
  quote: (text: string): BlockquoteNode => ({ type: 'blockquote', content: [rt.p(text)] }),
  image: (attrs: ImageNode['attrs']): ImageNode => ({ type: 'image', attrs }),
  list: (ordered: boolean, items: string[]): ListNode => ({
    type: ordered ? 'orderedList' : 'bulletList',
    content: items.map((t) => ({ type: 'listItem', content: [rt.p(t)] })),
  }),
};
