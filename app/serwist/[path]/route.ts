import { createSerwistRoute } from '@serwist/turbopack';

// Serves /serwist/sw.js, bundled from app/sw.ts at build time. No precache list: see app/sw.ts.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  globPatterns: [],
  additionalPrecacheEntries: [],
});
