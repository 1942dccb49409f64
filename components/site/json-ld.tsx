import { serializeJsonLd } from '@/domain/structured-data';

/** Structured data for search engines: a server-rendered script element, no client code. */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
