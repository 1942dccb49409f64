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
  /** Public base URL, used for canonical links, share links and QR codes. */
  SITE_URL: z.url().default('http://localhost:3000'),
  /** How many connections one app instance may hold to PostgreSQL. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Milliseconds between batched view-count writes. */
  VIEW_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Seconds public lists stay cached before a time-based refresh (publishing refreshes at once). */
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** True while `next build` runs: nothing may touch the database then. */
export const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

/** True inside a Next.js server (where the data cache exists), false in scripts and unit tests. */
export const isNextRuntime = () => Boolean(process.env.NEXT_RUNTIME);
