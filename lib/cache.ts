import { unstable_cache } from 'next/cache';
import { env, isNextRuntime } from '@/lib/env';

/**
 * Wraps a read in Next's data cache with tags. Outside a Next server (scripts, unit
 * tests) it calls the read directly. Results pass through JSON: return plain data
 * (ISO date strings, not Date objects).
 */
export function cached<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  key: string,
  options: { tags: (...args: A) => string[]; revalidate?: number },
): (...args: A) => Promise<R> {
  return (...args: A) => {
    if (!isNextRuntime()) return fn(...args);
    return unstable_cache(() => fn(...args), [key, JSON.stringify(args)], {
      tags: options.tags(...args),
      revalidate: options.revalidate ?? env().PUBLIC_CACHE_SECONDS,
    })();
  };
}
