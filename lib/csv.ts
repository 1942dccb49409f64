import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180 text with a UTF-8 byte-order mark (so Excel reads Chinese as UTF-8) and CRLF
 * line ends. Cells that a spreadsheet would run as a formula (= + - @ tab CR, and their
 * full-width forms) get a leading apostrophe; negative numbers stay numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header as string[], ...(rows as CsvCell[][])], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (n) => String(n) },
  });
}

/** A download: the file name in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
export function csvResponse(csv: string, filename: string, extraHeaders: Record<string, string> = {}): Response {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders,
    },
  });
}
