/**
 * Legacy URLs of imported articles, stored as path + query (no scheme or host) in one
 * canonical spelling, so the importer and the redirect route compare equal strings:
 *   http://www.xjmsw.cn/html/xxzl/2019/0125/12345.html  →  /html/xxzl/2019/0125/12345.html
 *   /plus/view.php?aid=123                               →  /plus/view.php?aid=123
 *   /html/%E4%B8%8B%E4%B9%A1.html or GBK /html/%CF%C2%CF%E7.html  →  /html/下乡.html
 */

const MAX_LENGTH = 2000;
const FAKE_BASE = 'http://legacy.invalid';

// Escapes that stay escaped: decoding them would change the URL's structure.
const KEEP_IN_PATH = '/?#%';
const KEEP_IN_QUERY = '/?#%&=+;';

/**
 * The canonical path + query of a legacy URL (absolute, protocol-relative or a bare
 * path), or null when it is not an http(s) URL. The fragment is dropped; percent-escapes
 * of UTF-8 (or, failing that, GB18030) text are decoded.
 */
export function normalizeLegacyUrl(raw: string | null | undefined): string | null {
  const s = (raw ?? '').trim();
  if (!s || s.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(withScheme(s), FAKE_BASE);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = canonicalEscapes(url.pathname, KEEP_IN_PATH);
  const query = url.search.length > 1 ? canonicalEscapes(url.search, KEEP_IN_QUERY) : '';
  return path + query;
}

/**
 * The legacy URL of a saved file under `--url-prefix`: its path relative to the folder
 * given on the command line, minus a trailing `.txt`, appended to the prefix.
 *   ('html/xxzl/2019/0125/12345.html.txt', 'http://www.xjmsw.cn/') → '/html/xxzl/2019/0125/12345.html'
 */
export function legacyUrlFromPath(relativePath: string, prefix: string): string | null {
  const rel = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\.txt$/i, '');
  if (!rel) return null;
  const base = prefix.trim().replace(/\/+$/, '');
  return normalizeLegacyUrl(`${base}/${rel}`);
}

/** "www.xjmsw.cn/a.html" → "http://www.xjmsw.cn/a.html"; "a/b.html" → "/a/b.html"; others as given. */
function withScheme(s: string): string {
  if (s.startsWith('/')) return s;
  if (/^(?:www\.|[a-z0-9-]+\.(?:com|cn|net|org|gov|edu)(?:\.cn)?(?::\d+)?(?:\/|$))/i.test(s)) return `http://${s}`;
  return /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `/${s}`;
}

function isHexPair(s: string, i: number): boolean {
  return /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3));
}

/** Decodes each run of %XX escapes as UTF-8, else GB18030; undecodable runs stay escaped (upper case). */
function canonicalEscapes(s: string, keep: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '%' || !isHexPair(s, i)) {
      out += s[i];
      i++;
      continue;
    }
    const bytes: number[] = [];
    while (s[i] === '%' && isHexPair(s, i)) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    }
    out += decodeRun(Uint8Array.from(bytes), keep);
  }
  return out;
}

function decodeRun(bytes: Uint8Array, keep: string): string {
  const text = tryDecode('utf-8', bytes) ?? tryDecode('gb18030', bytes);
  if (text === null) return escapeBytes(bytes);
  let out = '';
  for (const ch of text) {
    // Structural characters, spaces and control characters keep their escape.
    out += keep.includes(ch) || /^[\u0000-\u0020\u007f-\u009f\u00a0\u3000\ufffd]$/u.test(ch) ? escapeBytes(new TextEncoder().encode(ch)) : ch;
  }
  return out;
}

function tryDecode(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function escapeBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * Old-site URLs reach the redirect route through a fallback rewrite in next.config.mjs,
 * which passes the matched path as this query parameter (keep the two in step).
 */
export const LEGACY_REDIRECT_ROUTE = '/api/legacy';
export const LEGACY_PATH_PARAM = 'legacyPath';

/**
 * The legacy URL a request to the redirect route stands for. A rewritten request names
 * the old path in `legacyPath` (raw, as the browser sent it) beside the old query; a
 * request that still shows its original address is read as it is.
 */
export function legacyUrlOfRequest(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  const query = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && pair.split('=')[0] !== LEGACY_PATH_PARAM)
    .join('&');
  const tail = query ? `?${query}` : '';
  if (url.pathname !== LEGACY_REDIRECT_ROUTE) return normalizeLegacyUrl(url.pathname + tail);
  const path = url.searchParams.get(LEGACY_PATH_PARAM);
  return path ? normalizeLegacyUrl(`/${path.replace(/^\/+/, '')}${tail}`) : null;
}
