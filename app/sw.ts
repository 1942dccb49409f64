/// <reference lib="webworker" />
// The field app's service worker (built by app/serwist/[path]/route.ts with esbuild).
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Only a page that really rendered is kept: never a redirect to /login or an error page. */
const onlyRealPages: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && !response.redirected && response.type === 'basic' ? response : null),
};

const isFieldShell = (url: URL, request: Request) =>
  url.pathname === '/dashboard/field' && !url.searchParams.has('_rsc') && !request.headers.has('rsc');

const serwist = new Serwist({
  // Nothing is precached: the shell and the scripts it uses are cached as the page loads them,
  // so a phone on a weak signal downloads the field app, not every chunk of the site.
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The field app's page: fresh when there is signal (4 s), the last copy when there is not.
      matcher: ({ url, request, sameOrigin }) => sameOrigin && request.method === 'GET' && isFieldShell(url, request),
      handler: new NetworkFirst({
        cacheName: 'field-shell',
        networkTimeoutSeconds: 4,
        plugins: [onlyRealPages, new ExpirationPlugin({ maxEntries: 4 })],
      }),
    },
    {
      // Hashed build assets never change under one name.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({
        cacheName: 'field-assets',
        plugins: [new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 24 * 60 * 60 })],
      }),
    },
  ],
});

serwist.addEventListeners();
