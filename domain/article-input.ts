import { z } from 'zod';
import { REPORTER_ROLES } from './byline';
import { richTextSchema, docText, type RichTextDoc } from './rich-text';
import { WORKFLOW_ACTIONS } from './workflow';

/** What the editor sends on every save. Messages are what the person reads. */
export const articleFieldsSchema = z.object({
  title: z.string().trim().max(200, '标题不能超过 200 字'),
  subtitle: z.string().trim().max(200, '副标题不能超过 200 字').default(''),
  summary: z.string().trim().max(1000, '导语不能超过 1000 字').default(''),
  body: richTextSchema,
  columnId: z.number({ error: '请选择栏目' }).int().positive('请选择栏目'),
  author: z.string().trim().max(100, '作者不能超过 100 字').default(''),
  reporters: z
    .array(z.object({ name: z.string().trim().min(1).max(40), role: z.enum(REPORTER_ROLES) }))
    .max(20, '记者最多 20 位')
    .default([]),
  source: z.string().trim().max(100, '来源不能超过 100 字').default(''),
  coverMediaId: z.number().int().positive().nullable().default(null),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

/** The text fields as an editor holds them: reporters as typed (「记者 张三 通讯员 李四」). */
export interface EditorFields {
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  columnId: number;
  author: string;
  reporterLine: string;
  source: string;
}

export const saveArticleSchema = articleFieldsSchema.extend({
  id: z.number().int().positive(),
  /** The version the person was editing; a stale one is refused. */
  version: z.number().int().positive(),
  autosave: z.boolean().default(false),
});
export type SaveArticleInput = z.infer<typeof saveArticleSchema>;

export const createArticleSchema = z.object({
  columnId: z.number({ error: '请选择栏目' }).int().positive('请选择栏目'),
  title: z.string().trim().max(200, '标题不能超过 200 字').default(''),
  /** Lets a retried create (double tap, flaky network) make one article. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return null;
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: '时间格式不正确' });
      return z.NEVER;
    }
    return d;
  });

export const transitionSchema = z.object({
  id: z.number().int().positive(),
  action: z.enum(WORKFLOW_ACTIONS),
  /** The status the person saw; if it changed meanwhile the action is refused. */
  expectedStatus: z.string(),
  reason: z.string().trim().max(2000, '理由不能超过 2000 字').default(''),
  publishAt: optionalDate,
  unpublishAt: optionalDate,
});
export type TransitionInput = z.input<typeof transitionSchema>;

export const commentSchema = z.object({
  articleId: z.number().int().positive(),
  body: z.string().trim().min(1, '请填写意见内容').max(4000, '意见不能超过 4000 字'),
});

const rank = z.number().int().min(1, '排序从 1 开始').max(99, '排序最大 99').nullable();
export const curationSchema = z.object({
  id: z.number().int().positive(),
  headlineRank: rank,
  slideRank: rank,
  recommendRank: rank,
  featureUntil: optionalDate,
  pinRank: rank,
  pinUntil: optionalDate,
  /** When the article leaves the site by itself (null = stays). */
  unpublishAt: optionalDate,
});

export const restoreSchema = z.object({
  id: z.number().int().positive(),
  fromVersion: z.number().int().positive(),
  version: z.number().int().positive(),
});

/** A report can be sent for review once it has a title and some body text. */
export function readyToSubmit(a: { title: string; body: RichTextDoc }): string | null {
  if (!a.title.trim()) return '请先填写标题。';
  if (!docText(a.body).trim()) return '请先填写正文。';
  return null;
}
