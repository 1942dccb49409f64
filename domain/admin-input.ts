import { z } from 'zod';
import { richTextSchema } from './rich-text';
import { ROLES } from './roles';

/**
 * What the administration forms send (users, regions, teams, columns, static pages, site
 * settings). Messages are what the admin reads next to the field.
 */

/** As `npm run user:create` (scripts/user-create.ts): the same rules wherever a password is set. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const USERNAME_PATTERN = /^[a-zA-Z0-9_.-]{3,32}$/;
/** Lowercase latin letters and digits in words joined by single hyphens: the public URL part. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 64;

const id = z.number({ error: '请选择' }).int().positive();

/** One line of text: control characters and runs of whitespace become one space. */
const line = (label: string, max: number, min = 0) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim())
    .pipe(
      min > 0
        ? z.string().min(min, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`)
        : z.string().max(max, `${label}不能超过 ${max} 字`),
    );

export const slugSchema = z
  .string({ error: '请填写网址名' })
  .trim()
  .min(1, '请填写网址名')
  .max(SLUG_MAX, `网址名不能超过 ${SLUG_MAX} 个字符`)
  .regex(SLUG_PATTERN, '网址名只能用小写英文字母、数字和连字符(-),连字符不能在开头、结尾或连用,例如 xiangcun-chanye');

/** A new password, or '' to have one generated (shown to the admin once). */
const newPassword = z
  .string()
  .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 位`)
  .refine((s) => s === '' || s.length >= PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`)
  .refine((s) => s === '' || s.trim() === s, '密码的开头和结尾不能是空格')
  .default('');

const userFields = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .regex(USERNAME_PATTERN, '用户名为 3–32 位英文字母、数字或 _ . -'),
  displayName: line('姓名', 50, 1),
  /** '' = no phone. */
  phone: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || /^1\d{10}$/.test(s), '手机号应为 11 位数字,以 1 开头')
    .transform((s) => s || null),
  role: z.enum(ROLES, { error: '请选择角色' }),
  teamId: id.nullable().default(null),
  /** Editor scope: columns (with their sub-columns) and region subtrees; empty = unrestricted. */
  columnIds: z.array(id).max(200).default([]),
  regionIds: z.array(id).max(500).default([]),
});

/**
 * Contributors belong to exactly one team; staff to none. Scopes only mean something for
 * editors (chief editors and admins see everything), so other roles keep none.
 */
function normalizeUser<T extends z.infer<typeof userFields>>(u: T, ctx: z.RefinementCtx): T {
  if (u.role === 'contributor' && u.teamId == null) {
    ctx.addIssue({ code: 'custom', path: ['teamId'], message: '驻村工作队队员必须属于一个工作队' });
  }
  return {
    ...u,
    teamId: u.role === 'contributor' ? u.teamId : null,
    columnIds: u.role === 'editor' ? [...new Set(u.columnIds)] : [],
    regionIds: u.role === 'editor' ? [...new Set(u.regionIds)] : [],
  };
}

export const createUserSchema = userFields.extend({ password: newPassword }).transform(normalizeUser);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = userFields.extend({ id }).transform(normalizeUser);
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const userIdSchema = z.object({ id });
export const resetPasswordSchema = z.object({ id, password: newPassword });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

// Regions and teams.

export const createRegionSchema = z.object({ parentId: id.nullable(), name: line('名称', 50, 1) });
export const renameRegionSchema = z.object({ id, name: line('名称', 50, 1) });
export const moveSchema = z.object({ id, direction: z.enum(['up', 'down']) });
export type MoveInput = z.input<typeof moveSchema>;

const teamFields = z.object({
  name: line('工作队全称', 100, 1),
  shortName: line('简称', 40, 1),
  regionId: z.number({ error: '请选择所在地区' }).int().positive('请选择所在地区'),
  active: z.boolean().default(true),
});
export const createTeamSchema = teamFields;
export const updateTeamSchema = teamFields.extend({ id });
export type TeamInput = z.input<typeof createTeamSchema>;

// Columns.

const columnFields = z.object({
  slug: slugSchema,
  name: line('栏目名称', 30, 1),
  description: line('栏目简介', 200),
  parentId: id.nullable().default(null),
  showInNav: z.boolean().default(true),
  showOnHome: z.boolean().default(true),
  reviewStages: z.number({ error: '请选择审核级数' }).int().min(1, '审核级数为 1–3').max(3, '审核级数为 1–3'),
});
export const createColumnSchema = columnFields;
export const updateColumnSchema = columnFields.extend({ id });
export type ColumnInput = z.input<typeof createColumnSchema>;

// Static pages.

const pageFields = z.object({
  slug: slugSchema,
  title: line('标题', 100, 1),
  body: richTextSchema,
  sort: z.number({ error: '排序应为数字' }).int('排序应为整数').min(0, '排序应在 0–9999 之间').max(9999, '排序应在 0–9999 之间').default(0),
  showInFooter: z.boolean().default(false),
});
export const createPageSchema = pageFields;
/** `updatedAt` is what the form loaded: a save over someone else's newer one is refused. */
export const updatePageSchema = pageFields.extend({ id, updatedAt: z.string().optional() });
export type PageInput = z.input<typeof createPageSchema>;

// Site settings.

/** Footer links go to a page of this site ("/pages/about") or to an http(s) address. */
export function isFooterHref(raw: string): boolean {
  const href = raw.trim();
  if (!href || href.length > 500 || /[\u0000-\u001f\u007f\s\\]/.test(href)) return false;
  if (href.startsWith('/')) return !href.startsWith('//');
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const footerLinkSchema = z.object({
  label: line('链接文字', 20, 1),
  href: z
    .string({ error: '请填写链接地址' })
    .trim()
    .min(1, '请填写链接地址')
    .refine(isFooterHref, '链接地址应为本站路径(以 / 开头,如 /pages/about)或 http(s):// 开头的网址'),
});

export const FOOTER_LINKS_MAX = 20;

export const settingsSchema = z.object({
  siteName: line('网站名称', 30, 1),
  shortName: line('简称', 20, 1),
  slogan: line('标语', 100),
  copyrightHolder: line('版权所有者', 100),
  copyrightSince: z
    .number({ error: '请填写四位年份' })
    .int('请填写四位年份')
    .min(1990, '起始年份应在 1990 年之后')
    .refine((y) => y <= new Date().getFullYear(), '起始年份不能晚于今年'),
  icpNumber: line('ICP 备案号', 50),
  psbNumber: line('公安备案号', 50),
  footerLinks: z
    .array(footerLinkSchema)
    .max(FOOTER_LINKS_MAX, `页脚链接最多 ${FOOTER_LINKS_MAX} 个`)
    .superRefine((links, ctx) => {
      const seen = new Set<string>();
      links.forEach((l, i) => {
        if (seen.has(l.href)) ctx.addIssue({ code: 'custom', path: [i, 'href'], message: '这个链接地址已经有了,同一地址只能出现一次' });
        seen.add(l.href);
      });
    }),
  /** What the form loaded: a save over another admin's newer one is refused. */
  updatedAt: z.string().optional(),
});
export type SettingsInput = z.input<typeof settingsSchema>;
