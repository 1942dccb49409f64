// Registers the field app's service worker and asks it to keep this page and the scripts
// it has already loaded, so the next visit opens without a network.
const SW_URL = '/serwist/sw.js';
const SCOPE = '/dashboard/field';

export function registerFieldWorker(): void {
  if (!('serviceWorker' in navigator) || process.env.NODE_ENV !== 'production') return;
  void navigator.serviceWorker
    .register(SW_URL, { scope: SCOPE, type: 'module' })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const assets = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
      reg.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [location.pathname, ...assets] } });
    })
    .catch((e: unknown) => console.warn('[field] service worker not registered', e));
}
