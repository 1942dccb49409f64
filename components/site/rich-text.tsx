import { Fragment, type ReactNode } from 'react';
import { imageSrcSet } from '@/domain/media';
import { safeHref, safeImageSrc, type BlockNode, type InlineNode, type RichTextDoc } from '@/domain/rich-text';

/**
 * Renders stored rich text as React elements. Text is always a React child (escaped);
 * hrefs and image sources pass the allow-lists again here, so a body that somehow
 * skipped validation still cannot inject markup or script URLs.
 */
export function RichText({ doc, lead }: { doc: RichTextDoc; lead?: ReactNode }) {
  const blocks = Array.isArray(doc?.content) ? doc.content : [];
  const firstParagraph = blocks.findIndex((b) => b?.type === 'paragraph');
  return (
    <div className="prose-zh">
      {lead && firstParagraph !== 0 && <p>{lead}</p>}
      {blocks.map((b, i) => (
        <Block key={i} node={b} lead={i === 0 && firstParagraph === 0 ? lead : undefined} />
      ))}
    </div>
  );
}

function Block({ node, lead }: { node: BlockNode; lead?: ReactNode }): ReactNode {
  switch (node?.type) {
    case 'paragraph':
      return (
        <p>
          {lead}
          <Inlines nodes={node.content} />
        </p>
      );
    case 'heading':
      return node.attrs?.level === 3 ? (
        <h3>
          <Inlines nodes={node.content} />
        </h3>
      ) : (
        <h2>
          <Inlines nodes={node.content} />
        </h2>
      );
    case 'blockquote':
      return (
        <blockquote>
          {(node.content ?? []).map((b, i) => (
            <Block key={i} node={b} />
          ))}
        </blockquote>
      );
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map((li, i) => (
        <li key={i}>
          {(li?.content ?? []).map((b, j) => (
            <Block key={j} node={b} />
          ))}
        </li>
      ));
      return node.type === 'orderedList' ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'image': {
      const src = safeImageSrc(node.attrs?.src);
      if (!src) return null;
      const { alt, caption, width, height } = node.attrs;
      return (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element -- variants are pre-generated; no optimizer needed */}
          <img
            src={src}
            srcSet={imageSrcSet(src, width)}
            sizes="(max-width: 768px) 100vw, 720px"
            alt={alt || caption || ''}
            width={width ?? undefined}
            height={height ?? undefined}
            loading="lazy"
            decoding="async"
          />
          {caption && <figcaption>{caption}</figcaption>}
        </figure>
      );
    }
    case 'horizontalRule':
      return <hr />;
    default:
      return null;
  }
}

function Inlines({ nodes }: { nodes: InlineNode[] | undefined }) {
  return (
    <>
      {(nodes ?? []).map((n, i) => {
        if (n?.type === 'hardBreak') return <br key={i} />;
        if (n?.type !== 'text' || typeof n.text !== 'string') return null;
        let el: ReactNode = n.text;
        for (const mark of n.marks ?? []) {
          if (mark.type === 'bold') el = <strong>{el}</strong>;
          else if (mark.type === 'italic') el = <em>{el}</em>;
          else if (mark.type === 'link') {
            const href = safeHref(mark.attrs?.href);
            if (href) {
              const external = /^https?:/i.test(href);
              el = (
                <a href={href} {...(external ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {})}>
                  {el}
                </a>
              );
            }
          }
        }
        return <Fragment key={i}>{el}</Fragment>;
      })}
    </>
  );
}
