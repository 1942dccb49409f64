import { z } from 'zod';

/**
 * The only module that reads process.env. Every variable has a safe default for a local
 * run; .env.example lists them all.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  /** Resumable uploads in progress (tus). Several app instances must share it, or use sticky sessions. */
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  /** Public base URL, used for canonical links, share links and QR codes. */
  SITE_URL: z.url().default('http://localhost:3000'),
  /** How many connections one app instance may hold to PostgreSQL. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Milliseconds between batched view-count writes. */
  VIEW_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Seconds public lists stay cached before a time-based refresh (publishing refreshes at once). */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Milliseconds between checks for scheduled publish, expiry and flag end times coming due. */
  SCHEDULE_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(500),
  /** Signs session cookies. Required under `next start`; `npm run dev` uses a fixed local one. */
  AUTH_SECRET: z.string().min(16).optional(),
  /** Trust the Host header for Auth.js redirects (set behind a proxy you control, or locally). */
  AUTH_TRUST_HOST: z.stringbool().optional(),
  /** Key per-client rate limits on X-Real-IP / X-Forwarded-For only behind a proxy that overwrites them. */
  TRUST_PROXY: z.stringbool().default(false),
  /** Failed logins allowed before a lock-out, per account and per client address. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_FREE_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(20),
  /** Reader forms (信息举报 / 联系我们 / 挑错): seconds a form must be open before it may be sent. */
  READER_FORM_MIN_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  /** Messages one client address may send per 10 minutes. */
  READER_FORM_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Messages the whole site accepts per hour: a backstop when addresses are spoofed. */
  READER_FORM_SITE_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(200),
});

export type Env = z.infer<typeof schema>;

// Only for `next dev` and tests: a production server without AUTH_SECRET refuses to start.
const DEV_AUTH_SECRET = 'minsheng-local-development-secret-not-for-production';

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    // An empty variable (as copied from .env.example) means "use the default".
    const set = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
    const parsed = schema.safeParse(set);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
    if (!cached.AUTH_SECRET && cached.NODE_ENV !== 'production') cached.AUTH_SECRET = DEV_AUTH_SECRET;
  }
  return cached;
}

/** True while `next build` runs: nothing may touch the database then. */
export const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

/** True inside a Next.js server (where the data cache exists), false in scripts and unit tests. */
export const isNextRuntime = () => Boolean(process.env.NEXT_RUNTIME);
