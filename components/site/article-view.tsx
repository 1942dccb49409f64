import type { ReactNode } from 'react';
import { FontSizeSwitch } from './font-size-switch';
import { m } from './messages';
import { RichText } from './rich-text';
import { formatDateTime } from '@/domain/format';
import type { RichTextDoc } from '@/domain/rich-text';

export interface ArticleViewData {
  title: string;
  subtitle: string;
  summary: string;
  body: RichTextDoc;
  author: string;
  source: string;
  publishedAt: string;
}

/**
 * The article as readers see it: header, meta line, 导语, body with its dateline, credits.
 * The public page and the newsroom preview both render this, so a preview is exact.
 */
export function ArticleView({
  article,
  byline,
  credits,
  views,
  children,
}: {
  article: ArticleViewData;
  byline: string;
  credits: string[];
  views: number;
  children?: ReactNode;
}) {
  return (
    <article className="print-plain rounded bg-white px-4 py-5 shadow-sm md:col-span-8 md:px-8 md:py-8">
      <header className="border-b border-line pb-4 text-center">
        <h1 className="font-serif text-2xl leading-snug font-bold md:text-[1.875rem]">{article.title}</h1>
        {article.subtitle && <p className="mt-2 text-base text-muted md:text-lg">{article.subtitle}</p>}
        <p className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm text-muted">
          <span>
            {m.author}:{article.author}
          </span>
          {article.source && (
            <span>
              {m.source}:{article.source}
            </span>
          )}
          <span>
            {m.publishedAt}:<time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
          </span>
          <span>
            {m.views}:<span className="tabular-nums">{views}</span>
          </span>
        </p>
      </header>
      <div className="no-print mt-3 flex justify-end">
        <FontSizeSwitch />
      </div>
      {article.summary && (
        <p className="mt-4 rounded bg-gray-50 px-4 py-3 text-sm leading-relaxed text-muted">
          <strong className="text-ink">导语:</strong>
          {article.summary}
        </p>
      )}
      <div className="mt-5">
        <RichText doc={article.body} lead={<strong className="font-semibold">{byline}</strong>} />
      </div>
      {credits.length > 0 && (
        <div className="mt-6 space-y-1 text-right text-sm text-muted md:text-base">
          {credits.map((c) => (
            <p key={c}>{c}</p>
          ))}
        </div>
      )}
      {children}
    </article>
  );
}
