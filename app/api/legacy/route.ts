import { m } from '@/components/site/messages';
import { findPublicArticleIdByLegacyUrl } from '@/db/queries/legacy';
import { legacyUrlOfRequest } from '@/domain/legacy-url';

/**
 * Addresses of the old site (/html/…/12345.html, /plus/view.php?aid=123) arrive here
 * through the fallback rewrite in next.config.mjs: an imported, publicly visible article
 * answers 301 to its page here, anything else a short 404 page.
 */
export async function GET(request: Request): Promise<Response> {
  const legacyUrl = legacyUrlOfRequest(request.url);
  const id = legacyUrl ? await findPublicArticleIdByLegacyUrl(legacyUrl) : null;
  if (id == null) return notFound();
  // Relative, so the redirect stays on whichever host the reader came in by.
  return new Response(null, { status: 301, headers: { Location: `/articles/${id}`, 'Cache-Control': 'public, max-age=3600' } });
}

export const HEAD = GET;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function notFound(): Response {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escape(m.notFoundTitle)}</title></head>` +
    '<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center;line-height:1.7">' +
    `<h1>${escape(m.notFoundTitle)}</h1><p>${escape(m.legacyNotFound)}</p><p><a href="/">${escape(m.backHome)}</a></p>` +
    '</body></html>';
  return new Response(html, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
}
