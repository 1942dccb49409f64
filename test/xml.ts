import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may repeat, always parsed as arrays (so one item is not a lone object). */
const REPEATED = new Set(['item', 'url', 'sitemap', 'dc:creator', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Keep text as text: a title "2026" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATED.has(name),
});

/** Validates a whole XML document (throws with the parser's message when invalid), then parses it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml);
}
