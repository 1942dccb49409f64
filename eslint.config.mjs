import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Public pages link with plain anchors: a full load comes from nginx's micro-cache, while
    // next/link would prefetch every visible article as an RSC request (which skips that cache
    // and lands on an instance) and hydrate each link on the reader's phone.
    files: ['components/site/**', 'app/(site)/**', 'app/not-found.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**']),
]);
