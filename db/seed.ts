import { count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '@/db';
import {
  articleStats,
  articles,
  columns,
  comments,
  events,
  media,
  pages,
  readerMessages,
  regions,
  revisions,
  siteSettings,
  teams,
  userColumnScopes,
  users,
  type Media,
  type NewArticle,
} from '@/db/schema';
import type { ArticleStatus } from '@/domain/workflow';
import { rt, type BlockNode, type RichTextDoc } from '@/domain/rich-text';
import { mediaUrl } from '@/domain/media';
import { receiptCode } from '@/domain/receipt';
import { articleSearchVector } from '@/domain/search';
import type { Role } from '@/domain/roles';
import { hashPassword } from '@/lib/password';
import { ingestImage } from '@/services/media-ingest';
import type { Storage } from '@/lib/storage';
import {
  SEED_ARTICLES,
  SEED_COLUMNS,
  SEED_PAGES,
  SEED_REGIONS,
  SEED_TEAMS,
  type SeedArticle,
  type SeedBlock,
  type SeedRegion,
} from './seed-content';

/**
 * Demo content written for this project: columns, a region tree with teams, one user of
 * every role, 60+ published articles with photos, and articles in every other state.
 */

export const DEMO_PASSWORD = 'minsheng-demo';

export const DEMO_USERS: { username: string; displayName: string; role: Role; team?: number; phone: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', phone: '13800000000' },
  { username: 'chief', displayName: '周总编', role: 'chief_editor', phone: '13800000001' },
  { username: 'editor', displayName: '李编辑', role: 'editor', phone: '13800000002' },
  { username: 'reporter1', displayName: '阿依古丽·买买提', role: 'contributor', team: 0, phone: '13800000003' },
  { username: 'reporter2', displayName: '王建军', role: 'contributor', team: 1, phone: '13800000004' },
  // A second admin: the administration e2e signs in as this one, so tests that end all of
  // `admin`'s sessions ("sign out everywhere") cannot sign it out mid-test.
  { username: 'admin2', displayName: '网站管理员', role: 'admin', phone: '13800000010' },
];

/** Ids of articles in known states, for tests and for people trying the demo. */
/** The old-site address of one demo article (imported articles keep theirs). */
export const DEMO_LEGACY_URL = '/html/xxzl/2019/0125/10086.html';

export interface SeedManifest {
  published: number[];
  byState: Record<string, number>;
  scheduledPast: number;
  expired: number;
  /** A published article with a team credit, a photo and neighbours on both sides. */
  withTeam: number;
  columns: Record<string, number>;
  teams: string[];
  /** The old-site address that redirects to `withTeam`. */
  legacyUrl: string;
}

export async function hasContent(db: Db): Promise<boolean> {
  const [a] = await db.select({ n: count() }).from(columns);
  const [b] = await db.select({ n: count() }).from(users);
  return (a?.n ?? 0) > 0 || (b?.n ?? 0) > 0;
}

/** A small deterministic PRNG so every seed run makes the same site. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A landscape-like placeholder photo (sky, sun, hills, fields), varied by index. */
export async function placeholderPhoto(i: number, width = 1600, height = 900): Promise<Buffer> {
  const hue = (i * 47) % 360;
  const sky = `hsl(${(hue + 200) % 360} 60% 72%)`;
  const sky2 = `hsl(${(hue + 180) % 360} 55% 88%)`;
  const hill = `hsl(${(hue + 90) % 360} 35% 38%)`;
  const hill2 = `hsl(${(hue + 110) % 360} 40% 48%)`;
  const field = `hsl(${(hue + 60) % 360} 55% 55%)`;
  const sunX = 200 + ((i * 233) % 1200);
  const stripes = Array.from({ length: 8 }, (_, k) => {
    const y = 640 + k * 34;
    return `<rect x="0" y="${y}" width="${width}" height="16" fill="hsl(${(hue + 40 + k * 6) % 360} 50% ${45 + (k % 2) * 8}%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 900">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${sky2}"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#s)"/>
  <circle cx="${sunX}" cy="190" r="70" fill="hsl(45 95% 70%)" opacity="0.9"/>
  <polygon points="0,560 220,380 420,520 640,300 900,520 1120,340 1380,500 1600,360 1600,900 0,900" fill="${hill}"/>
  <polygon points="0,620 300,500 560,610 820,470 1100,600 1400,480 1600,560 1600,900 0,900" fill="${hill2}"/>
  <rect x="0" y="630" width="1600" height="270" fill="${field}"/>${stripes}
  <rect x="${300 + (i % 5) * 220}" y="560" width="120" height="80" fill="hsl(20 30% 92%)"/>
  <polygon points="${290 + (i % 5) * 220},560 ${360 + (i % 5) * 220},515 ${430 + (i % 5) * 220},560" fill="hsl(0 55% 45%)"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

function blocksToDoc(blocks: SeedBlock[], photos: Media[]): { doc: RichTextDoc; cover: Media | null } {
  let cover: Media | null = null;
  const content: BlockNode[] = blocks.map((b) => {
    if ('p' in b) return rt.p(b.p);
    if ('h2' in b) return rt.h2(b.h2);
    if ('quote' in b) return rt.quote(b.quote);
    if ('list' in b) return rt.list(Boolean(b.ordered), b.list);
    const photo = photos[b.image % photos.length]!;
    cover ??= photo;
    return rt.image({ src: mediaUrl(photo.storageKey), width: photo.width, height: photo.height, caption: b.caption, alt: b.caption, mediaId: photo.id });
  });
  return { doc: rt.doc(...content), cover };
}

/** Extra short reports built from the teams' routine work, so columns have depth. */
function routineReports(rand: () => number): SeedArticle[] {
  const activities = [
    ['开展春耕备耕技术培训', '工作队邀请农技人员走进田间地头,围绕良种选择、测土配方施肥和病虫害防治进行现场讲解。'],
    ['组织村民参加夜校学习', '夜校开设国家通用语言、法律常识和实用技能课程,村民按照水平分班学习,出勤率保持在九成以上。'],
    ['走访慰问困难群众', '队员们带着米、面、油等生活物资逐户走访,详细了解群众生产生活中的实际困难并登记在册。'],
    ['推进庭院经济发展', '工作队指导农户利用房前屋后空地种植蔬菜、发展小型养殖,让小庭院变成增收的“小银行”。'],
    ['开展义诊进村活动', '县人民医院医生在村委会设点,为村民免费测量血压血糖、讲解慢性病防治知识。'],
    ['举办就业招聘专场', '招聘会吸引周边企业提供岗位200余个,现场达成就业意向的村民有40多人。'],
    ['整治村容村貌', '工作队组织党员和群众清理沟渠、拆除残垣断壁,村道两旁新栽树苗,环境焕然一新。'],
    ['宣讲惠民政策', '宣讲员用群众听得懂的语言解读医疗保险、养老保险和产业扶持政策,现场解答群众提问。'],
  ] as const;
  const columnsFor = ['xiaxiang', 'minsheng', 'xiaxiang', 'xiangcun-chanye', 'xiaxiang', 'xiangcun-renju'];
  const out: SeedArticle[] = [];
  // Every (team, activity) pair once, so titles stay unique.
  for (let k = 0; k < activities.length * SEED_TEAMS.length; k++) {
    const [act, para] = activities[k % activities.length]!;
    const team = Math.floor(k / activities.length);
    const t = SEED_TEAMS[team]!;
    out.push({
      column: columnsFor[k % columnsFor.length]!,
      title: `${t.villageName}${act}`,
      summary: `${t.shortName}近日${act.replace(/^开展|^组织|^举办|^推进/, '')},${para.slice(0, 30)}。`,
      author: k % 3 === 0 ? '' : t.shortName,
      source: '民生网',
      reporters: [{ name: ['马晓燕', '努尔江·艾力', '陈思远', '古丽米热·阿布都'][k % 4]!, role: k % 2 ? 'correspondent' : 'reporter' }],
      team,
      editor: ['李编辑', '赵文静'][k % 2]!,
      daysAgo: 3 + Math.floor(rand() * 380),
      blocks: [
        { p: `${t.shortName}${para.replace(/^工作队/, '')}` },
        { h2: '群众参与热情高' },
        { p: `活动现场气氛热烈,不少村民主动提问、相互交流。大家表示,这样的活动实实在在,解决了生产生活中的具体问题,希望今后多组织。` },
        ...(k % 2 === 0 ? [{ image: k % 12, caption: `${t.villageName}村民参加活动现场` } as SeedBlock] : []),
        { p: `下一步,工作队将结合村情实际,持续跟踪服务,把各项惠民举措落到实处,让群众的获得感成色更足。` },
      ],
    });
  }
  return out;
}

type TrailStatus = Exclude<ArticleStatus, 'draft'>;

interface TrailStep {
  action: string;
  from: ArticleStatus;
  to: ArticleStatus;
  actor: 'author' | 'publisher' | number;
  stage?: number;
  reason?: string;
  /** Hours since the previous step. */
  gap: number;
}

const RETURN_REASONS = ['请补充活动参与人数和具体时间,并附一张现场照片。', '标题与内容不符,请修改标题并核实第二段数据。', '请补充受访群众的姓名和村组,引语需核实。'];

/**
 * The workflow steps that lead a seeded report to `status`, with realistic gaps between
 * them (hours; `pace` stretches a slower team's), reviewed stage by stage by different
 * people and, when `returned`, sent back once before the round that passed.
 */
function workflowTrail(status: TrailStatus, reviewers: number[], rand: () => number, pace: number, returned: string | null, endReason = ''): TrailStep[] {
  const h = (min: number, max: number) => (min + rand() * (max - min)) * pace;
  const steps: TrailStep[] = [{ action: 'submit', from: 'draft', to: 'submitted', actor: 'author', gap: 0 }];
  const stages = reviewers.length;
  if (returned) {
    steps.push({ action: 'claim', from: 'submitted', to: 'in_review', actor: reviewers[0]!, stage: 1, gap: h(1, 30) });
    steps.push({ action: 'request_changes', from: 'in_review', to: 'changes_requested', actor: reviewers[0]!, stage: 1, reason: returned, gap: h(0.3, 5) });
    steps.push({ action: 'resubmit', from: 'changes_requested', to: 'submitted', actor: 'author', gap: h(4, 72) });
  }
  if (status === 'submitted') return steps;
  steps.push({ action: 'claim', from: 'submitted', to: 'in_review', actor: reviewers[0]!, stage: 1, gap: h(1, 30) });
  if (status === 'in_review') return steps;
  if (status === 'changes_requested' || status === 'rejected') {
    const action = status === 'rejected' ? 'reject' : 'request_changes';
    steps.push({ action, from: 'in_review', to: status, actor: reviewers[0]!, stage: 1, reason: endReason, gap: h(0.3, 5) });
    return steps;
  }
  for (let i = 1; i <= stages; i++) {
    if (i > 1) steps.push({ action: 'claim', from: 'submitted', to: 'in_review', actor: reviewers[i - 1]!, stage: i, gap: h(0.5, 20) });
    steps.push({ action: 'approve', from: 'in_review', to: i < stages ? 'submitted' : 'approved', actor: reviewers[i - 1]!, stage: i, gap: h(0.3, 5) });
  }
  if (status === 'approved') return steps;
  const last = status === 'scheduled' ? 'schedule' : 'publish';
  steps.push({ action: last, from: 'approved', to: status === 'scheduled' ? 'scheduled' : 'published', actor: 'publisher', gap: h(0.2, 6) });
  if (status === 'unpublished') steps.push({ action: 'unpublish', from: 'published', to: 'unpublished', actor: 'publisher', reason: endReason, gap: h(1, 4) });
  return steps;
}

export interface SeedOptions {
  storage?: Storage;
  /** Fewer photos for fast test databases. */
  photoCount?: number;
  log?: (msg: string) => void;
}

export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedManifest> {
  const log = opts.log ?? (() => {});
  const rand = prng(20261129);
  const now = Date.now();
  const daysAgo = (d: number, hour = 10) => new Date(now - d * 86_400_000 - hour * 3_600_000 + Math.floor(rand() * 3_600_000));
  // Workflow timings draw from their own sequence, so the content above stays as it was.
  const timing = prng(20260331);

  await db.insert(siteSettings).values({
    id: 1,
    siteName: '民生网',
    shortName: '民生网',
    slogan: '倾听百姓心声 服务民生发展 — 关注基层,记录乡村变化',
    copyrightHolder: '民生网编辑部(演示)',
    copyrightSince: 2014,
    icpNumber: '新ICP备00000000号-1',
    psbNumber: '新公网安备 65010000000000号',
    footerLinks: [
      { label: '网站首页', href: '/' },
      ...SEED_PAGES.map((p) => ({ label: p.title, href: `/pages/${p.slug}` })),
      { label: '信息举报', href: '/report' },
      { label: '在线留言', href: '/contact' },
      { label: '全站搜索', href: '/search' },
    ],
  });

  // Region tree and teams.
  const villageIds = new Map<string, number>();
  const insertRegion = async (r: SeedRegion, parentId: number | null, parentPath: string, sort: number) => {
    const [row] = await db.insert(regions).values({ name: r.name, level: r.level, parentId, sort }).returning({ id: regions.id });
    const path = `${parentPath}${row!.id}/`;
    await db.update(regions).set({ path }).where(eq(regions.id, row!.id));
    if (r.level === 'village') villageIds.set(r.name, row!.id);
    for (const [i, c] of (r.children ?? []).entries()) await insertRegion(c, row!.id, path, i);
  };
  for (const [i, r] of SEED_REGIONS.entries()) await insertRegion(r, null, '/', i);
  const teamRows = await db
    .insert(teams)
    .values(SEED_TEAMS.map((t) => ({ name: t.name, shortName: t.shortName, regionId: villageIds.get(t.villageName)! })))
    .returning();

  // Columns (parents first).
  const columnIds: Record<string, number> = {};
  for (const [i, c] of SEED_COLUMNS.entries()) {
    const [row] = await db
      .insert(columns)
      .values({
        slug: c.slug,
        name: c.name,
        description: c.description,
        reviewStages: c.reviewStages,
        parentId: c.parentSlug ? columnIds[c.parentSlug] : null,
        showOnHome: c.showOnHome ?? !c.parentSlug,
        showInNav: !c.parentSlug,
        sort: i,
      })
      .returning({ id: columns.id });
    columnIds[c.slug] = row!.id;
  }

  // Users of every role.
  const userIds: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const [row] = await db
      .insert(users)
      .values({
        username: u.username,
        displayName: u.displayName,
        phone: u.phone,
        role: u.role,
        teamId: u.team != null ? teamRows[u.team]!.id : null,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning({ id: users.id });
    userIds[u.username] = row!.id;
  }
  // A second editor limited to two columns, to show editor scopes.
  const [scoped] = await db
    .insert(users)
    .values({ username: 'editor2', displayName: '赵文静', phone: '13800000005', role: 'editor', passwordHash: await hashPassword(DEMO_PASSWORD) })
    .returning({ id: users.id });
  await db.insert(userColumnScopes).values([
    { userId: scoped!.id, columnId: columnIds.xiangcun! },
    { userId: scoped!.id, columnId: columnIds.tupian! },
  ]);
  const teamMember = (team: number | undefined) => (team === 1 ? userIds.reporter2! : team === 0 ? userIds.reporter1! : userIds.editor!);

  // Photos.
  const photoCount = opts.photoCount ?? 12;
  const photos: Media[] = [];
  for (let i = 0; i < photoCount; i++) {
    photos.push(await ingestImage(db, await placeholderPhoto(i), { caption: `示例图片 ${i + 1}`, alt: `示例风景图片 ${i + 1}`, storage: opts.storage, uploadedBy: userIds.editor }));
  }
  log(`  ${photos.length} photos generated`);

  // Published articles.
  const all = [...SEED_ARTICLES, ...routineReports(rand)].sort((a, b) => b.daysAgo - a.daysAgo);
  const manifest: SeedManifest = { published: [], byState: {}, scheduledPast: 0, expired: 0, withTeam: 0, legacyUrl: DEMO_LEGACY_URL, columns: columnIds, teams: teamRows.map((t) => t.name) };

  const stagesOf = Object.fromEntries(SEED_COLUMNS.map((c) => [c.slug, c.reviewStages]));
  // 三审: a different person signs each stage; the chief editor signs the last of several.
  const reviewersFor = (stages: number) => (stages === 1 ? [userIds.editor!] : stages === 2 ? [userIds.editor!, userIds.chief!] : [userIds.editor!, scoped!.id, userIds.chief!]);
  const insertArticle = async (a: SeedArticle, status: ArticleStatus, extra: Partial<NewArticle> = {}, trail: { returned?: string; reason?: string } = {}) => {
    const { doc, cover } = blocksToDoc(a.blocks, photos);
    const publishedAt = ['published', 'scheduled', 'unpublished'].includes(status) ? daysAgo(a.daysAgo, Math.floor(rand() * 12)) : null;
    const author = teamMember(a.team);
    const stages = stagesOf[a.column] ?? 1;
    const steps = status === 'draft' ? [] : workflowTrail(status, reviewersFor(stages), timing, [1, 1.8, 0.7, 1.3, 2.2, 0.9][a.team ?? 0] ?? 1, trail.returned ?? null, trail.reason);
    // The trail ends at publication (or, for a report still on its way, a little before now).
    const visibleAt = (extra.publishedAt ?? publishedAt) as Date | null;
    const ends = steps.findLastIndex((st) => st.action === 'publish' || st.action === 'schedule');
    const total = steps.reduce((sum, st) => sum + st.gap, 0);
    const endAt =
      status === 'published' || status === 'unpublished'
        ? visibleAt!.getTime() + steps.slice(ends + 1).reduce((sum, st) => sum + st.gap, 0) * 3_600_000
        : status === 'scheduled'
          ? Math.min(now, visibleAt!.getTime()) - (2 + timing() * 20) * 3_600_000
          : now - a.daysAgo * 86_400_000 - (1 + timing() * 5) * 3_600_000;
    let at = Math.min(endAt, now) - total * 3_600_000;
    const times = steps.map((st) => new Date((at += st.gap * 3_600_000)));
    const lastSubmit = times[steps.findLastIndex((st) => st.action === 'submit' || st.action === 'resubmit')];
    // The dates the seed gave before it had trails, evaluated as before so the content PRNG's
    // sequence (publication hours, view counts) is unchanged; the trail's times win.
    const legacy = {
      createdAt: publishedAt ? new Date(publishedAt.getTime() - 86_400_000) : daysAgo(a.daysAgo),
      updatedAt: publishedAt ?? daysAgo(a.daysAgo),
      submittedAt: status === 'draft' ? null : daysAgo(a.daysAgo + 1),
    };
    const values: NewArticle = {
        columnId: columnIds[a.column]!,
        title: a.title,
        subtitle: a.subtitle ?? '',
        summary: a.summary,
        body: doc,
        coverMediaId: cover?.id ?? null,
        author: a.author ?? '',
        reporters: a.reporters,
        teamId: a.team != null ? teamRows[a.team]!.id : null,
        source: a.source ?? '',
        editorName: status === 'published' || status === 'scheduled' ? a.editor : '',
        editorId: status === 'published' ? userIds.editor : null,
        status,
        publishedAt,
        publishAt: publishedAt,
        receiptCode: receiptCode('MS'),
        createdBy: author,
        updatedBy: author,
        createdAt: times[0] ? new Date(times[0].getTime() - 3 * 3_600_000) : legacy.createdAt,
        updatedAt: times.at(-1) ?? legacy.updatedAt,
        submittedAt: lastSubmit ?? legacy.submittedAt,
        ...extra,
      };
    const [row] = await db
      .insert(articles)
      .values({ ...values, searchVector: articleSearchVector(values) })
      .returning({ id: articles.id, publishedAt: articles.publishedAt });
    const id = row!.id;
    await db.insert(revisions).values({ articleId: id, version: 1, title: a.title, subtitle: a.subtitle ?? '', summary: a.summary, body: doc, authorId: author, note: '初稿' });
    if (steps.length) {
      const publisher = stages > 1 ? userIds.chief! : userIds.editor!;
      await db.insert(events).values(
        steps.map((st, k) => ({
          articleId: id,
          actorId: st.actor === 'author' ? author : st.actor === 'publisher' ? publisher : st.actor,
          action: st.action,
          fromStatus: st.from,
          toStatus: st.to,
          stage: st.action === 'claim' || st.action === 'approve' ? st.stage : null,
          reason: st.reason ?? '',
          data: st.action === 'publish' || st.action === 'schedule' ? { publishedAt: row!.publishedAt!.toISOString() } : {},
          createdAt: st.action === 'publish' ? row!.publishedAt! : times[k]!,
        })),
      );
    }
    return id;
  };

  for (const [i, a] of all.entries()) {
    // Some teams' reports were sent back once before they passed (returns spread over the past months).
    const returned = a.team != null && [0, 2, 4].includes(a.team) && timing() < 0.3 ? RETURN_REASONS[i % RETURN_REASONS.length]! : undefined;
    manifest.published.push(await insertArticle(a, 'published', {}, { returned }));
  }
  log(`  ${manifest.published.length} published articles`);

  const [withTeam] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(sql`${articles.teamId} is not null and ${articles.coverMediaId} is not null and ${articles.columnId} = ${columnIds.xiaxiang!}`)
    .orderBy(sql`${articles.publishedAt} desc`)
    .offset(1)
    .limit(1);
  manifest.withTeam = withTeam!.id;
  // As if it came from the old site: its old address redirects here (see scripts/import.ts).
  await db.update(articles).set({ legacyUrl: DEMO_LEGACY_URL }).where(eq(articles.id, withTeam!.id));

  // Home-page curation and pins.
  const withCover = await db
    .select({ id: articles.id, columnId: articles.columnId })
    .from(articles)
    .where(sql`${articles.coverMediaId} is not null and ${articles.status} = 'published'`)
    .orderBy(sql`${articles.publishedAt} desc`)
    .limit(10);
  const newest = await db.select({ id: articles.id }).from(articles).orderBy(sql`${articles.publishedAt} desc`).limit(12);
  if (withCover[0]) await db.update(articles).set({ headlineRank: 1 }).where(eq(articles.id, withCover[0].id));
  for (const [i, a] of withCover.slice(1, 5).entries()) await db.update(articles).set({ slideRank: i + 1 }).where(eq(articles.id, a.id));
  for (const [i, a] of newest.slice(2, 8).entries()) await db.update(articles).set({ recommendRank: i + 1 }).where(eq(articles.id, a.id));
  for (const slug of ['tongzhi', 'zhengce']) {
    const [oldest] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.columnId, columnIds[slug]!))
      .orderBy(sql`${articles.publishedAt} asc`)
      .limit(1);
    if (oldest) await db.update(articles).set({ pinRank: 1 }).where(eq(articles.id, oldest.id));
  }

  // View counts.
  await db.insert(articleStats).values(manifest.published.map((id) => ({ articleId: id, views: 30 + Math.floor(rand() * rand() * 6000) })));

  // Articles in every non-public state, from the teams' and editors' point of view.
  const sample = (i: number): SeedArticle => {
    const base = SEED_ARTICLES[i % SEED_ARTICLES.length]!;
    return { ...base, title: `${base.title.slice(0, 20)}(${['草稿', '待审', '审核', '退改', '待发', '定时', '未采用', '撤稿', '过期', '已到时'][i % 10]}稿)`, team: i % 2, daysAgo: 0 };
  };
  const future = new Date(now + 7 * 86_400_000);
  const states: [string, ArticleStatus, Partial<NewArticle>][] = [
    ['draft', 'draft', {}],
    ['submitted', 'submitted', {}],
    ['in_review', 'in_review', {}],
    ['changes_requested', 'changes_requested', {}],
    ['approved', 'approved', {}],
    ['scheduled', 'scheduled', { publishAt: future, publishedAt: future }],
    ['rejected', 'rejected', {}],
    ['unpublished', 'unpublished', {}],
  ];
  for (const [i, [key, status, extra]] of states.entries()) {
    const reason = { changes_requested: '请补充活动参与人数和具体时间,并附一张现场照片。', rejected: '内容与本站已发稿件重复,不予采用。', unpublished: '文中数据有误,撤下核实后再发。' }[key as string];
    const id = await insertArticle(sample(i), status, extra, { reason });
    manifest.byState[key] = id;
    if (status === 'changes_requested') {
      await db.insert(comments).values({ articleId: id, authorId: userIds.editor, body: '第二段数据请与村委会核实后再提交。' });
    }
  }
  // Published but past its expiry (never visible), and scheduled whose time has come (visible).
  manifest.expired = await insertArticle(sample(8), 'published', { unpublishAt: new Date(now - 3_600_000) });
  manifest.scheduledPast = await insertArticle(sample(9), 'scheduled', { publishAt: new Date(now - 3_600_000), publishedAt: new Date(now - 3_600_000) });
  manifest.published.push(manifest.scheduledPast);
  // Reports not taken, in past months, so returns show in the statistics' history too.
  for (const [k, days] of [45, 100, 160, 230].entries()) {
    const base = SEED_ARTICLES[(k * 3 + 1) % SEED_ARTICLES.length]!;
    await insertArticle({ ...base, title: `${base.title.slice(0, 20)}(未采用稿 ${k + 1})`, team: [1, 3, 5, 1][k]!, daysAgo: days }, 'rejected', {}, { reason: ['与已发稿件重复,不予采用。', '新闻要素不全且无法补充核实,不予采用。'][k % 2]! });
  }

  // Static pages.
  for (const [i, p] of SEED_PAGES.entries()) {
    const blocks: BlockNode[] = [];
    p.paragraphs.forEach((text, k) => {
      for (const h of p.headings ?? []) if (h.before === k) blocks.push(rt.h2(h.text));
      blocks.push(rt.p(text));
    });
    await db.insert(pages).values({ slug: p.slug, title: p.title, body: rt.doc(...blocks), sort: i });
  }

  // Reader messages (信息举报 / 联系我们 / 挑错) in every state, so the demo inbox has work in it.
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
  const demoMessages: { kind: 'tip' | 'contact' | 'correction'; status: 'new' | 'assigned' | 'handled'; hours: number; name?: string; contact?: string; subject: string; body: string; article?: number; note?: string }[] = [
    { kind: 'tip', status: 'new', hours: 2, subject: '村口路灯坏了一个多月没人修', body: '和平村村口到小学那段路的三盏路灯坏了一个多月,晚上孩子放学路过很不安全。\n向村委会反映过两次,一直没有人来修。', contact: '13900001111' },
    { kind: 'tip', status: 'assigned', hours: 30, name: '热心群众', subject: '有人冒充工作队收取“培训费”', body: '最近有人自称是驻村工作队的,挨家挨户收取每人200元的“技能培训费”,说交了钱才能报名参加夜校。请核实并提醒大家注意。' },
    { kind: 'tip', status: 'handled', hours: 120, subject: '惠民政策宣传栏内容过期', body: '镇政府门口的惠民政策宣传栏里贴的还是前年的医保缴费标准,很多老人看了以后以为不用涨,建议及时更新。', note: '已联系镇政府,宣传栏内容已于当天更新。' },
    { kind: 'contact', status: 'new', hours: 5, name: '张女士', contact: 'zhang@example.cn', subject: '想转载“庭院经济”系列报道', body: '您好,我们是县融媒体中心,想在公众号转载贵站关于庭院经济的系列报道,请问需要办理什么手续?' },
    { kind: 'contact', status: 'handled', hours: 200, name: '李先生', contact: '13800002222', subject: '网站手机版字体太小', body: '用手机看文章的时候字有点小,老年人看着费劲,能不能调大一些?', note: '已回复读者:文章页右上角可以切换字号。' },
    { kind: 'correction', status: 'new', hours: 1, subject: '第二段的日期有误', body: '文章第二段写的活动日期是“3月35日”,应该是笔误,请核实更正。', article: manifest.withTeam },
    { kind: 'correction', status: 'assigned', hours: 50, subject: '', body: '文中一位受访者的名字写错了,应为“古丽米热”,不是“古丽米拉”。', article: manifest.published[0] },
  ];
  for (const [i, d] of demoMessages.entries()) {
    const assignee = d.status === 'new' ? null : i % 2 ? userIds.editor! : userIds.chief!;
    const [row] = await db
      .insert(readerMessages)
      .values({
        kind: d.kind,
        articleId: d.article ?? null,
        name: d.name ?? '',
        contact: d.contact ?? '',
        subject: d.subject,
        body: d.body,
        status: d.status,
        assignedTo: assignee,
        handledBy: d.status === 'handled' ? assignee : null,
        handledNote: d.note ?? '',
        handledAt: d.status === 'handled' ? hoursAgo(d.hours - 3) : null,
        receiptCode: receiptCode('RM'),
        createdAt: hoursAgo(d.hours),
      })
      .returning({ id: readerMessages.id });
    if (assignee) {
      const data = { messageId: row!.id, assigneeId: assignee, previousAssigneeId: null };
      await db.insert(events).values({ articleId: d.article ?? null, actorId: userIds.chief, action: 'message.assign', data, createdAt: hoursAgo(d.hours - 1) });
    }
    if (d.status === 'handled') {
      await db.insert(events).values({ articleId: d.article ?? null, actorId: assignee, action: 'message.handle', reason: d.note ?? '', data: { messageId: row!.id }, createdAt: hoursAgo(d.hours - 3) });
    }
  }
  log(`  ${demoMessages.length} reader messages`);

  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(media);
  log(`  ${n} media, ${SEED_COLUMNS.length} columns, ${teamRows.length} teams, ${DEMO_USERS.length + 1} users`);
  return manifest;
}
