import { XMLBuilder } from 'fast-xml-parser';

/**
 * Every XML document the site serves is built from plain objects by fast-xml-parser's
 * builder, which escapes `& < > " '` in text and attributes — `&amp;` or `&nbsp;` in a
 * title stays text, never a (possibly undefined) entity. Characters XML 1.0 forbids
 * (control characters pasted into a title) are dropped: one would break the whole feed.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const dropInvalid = (_name: string, value: unknown) => (typeof value === 'string' ? value.replace(NOT_XML_CHAR, '') : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: true,
  // Otherwise an attribute whose value is "true" is written without a value (isPermaLink).
  suppressBooleanAttributes: false,
  tagValueProcessor: dropInvalid,
  attributeValueProcessor: dropInvalid,
});

/** An element: `@name` keys are attributes, `#text` its text; arrays repeat the element; undefined is left out. */
export interface XmlElement {
  [key: string]: string | XmlElement | (string | XmlElement)[] | undefined;
}

export function renderXml(root: XmlElement): string {
  return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, ...root }) as string;
}

export const RSS_TYPE = 'application/rss+xml';
export const XML_TYPE = 'application/xml';

export function xmlResponse(root: XmlElement, type: typeof RSS_TYPE | typeof XML_TYPE): Response {
  return new Response(renderXml(root), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

export const notFoundResponse = () => new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** RFC 822 date-time as RSS 2.0 wants it: `Sun, 29 Nov 2026 08:00:00 GMT`. */
export const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** W3C date-time for sitemaps, to the second: `2026-11-29T08:00:00Z`. */
export const w3cDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
