import type { ListItem } from './article-list';

/**
 * 幻灯: a scroll-snap strip. The first slide shows with no client JS; the others are a
 * swipe (phone) or a numbered link (desktop) away.
 */
export function Slides({ items, label }: { items: ListItem[]; label: string }) {
  const withCover = items.filter((a) => a.cover);
  if (!withCover.length) return null;
  return (
    <section aria-label={label} className="relative overflow-hidden rounded bg-gray-900">
      <ul className="scrollbar-none flex snap-x snap-mandatory overflow-x-auto scroll-smooth">
        {withCover.map((a, i) => (
          <li key={a.id} id={`slide-${i + 1}`} className="relative w-full shrink-0 snap-start">
            <a href={`/articles/${a.id}`} className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- pre-generated WebP variants */}
              <img
                src={a.cover!.src.replace(/\.jpg$/, '-960.webp')}
                srcSet={`${a.cover!.src.replace(/\.jpg$/, '-480.webp')} 480w, ${a.cover!.src.replace(/\.jpg$/, '-960.webp')} 960w`}
                sizes="(max-width: 768px) 100vw, 640px"
                alt={a.cover!.alt}
                width={960}
                height={540}
                className="aspect-[16/9] w-full object-cover"
                loading={i === 0 ? 'eager' : 'lazy'}
                fetchPriority={i === 0 ? 'high' : undefined}
                decoding="async"
              />
              <span className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/80 to-transparent px-4 pt-10 pb-8 text-base font-semibold text-white md:text-lg">
                {a.title}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {withCover.length > 1 && (
        <ol className="absolute right-2 bottom-1 flex gap-1">
          {withCover.map((a, i) => (
            <li key={a.id}>
              <a
                href={`#slide-${i + 1}`}
                aria-label={`第 ${i + 1} 张:${a.title}`}
                className="flex h-7 w-7 items-center justify-center rounded-full text-xs text-white/90 hover:bg-white/30"
              >
                {i + 1}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
