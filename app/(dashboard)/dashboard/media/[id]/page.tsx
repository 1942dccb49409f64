import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MediaDetailsForm } from '@/components/dashboard/media-details-form';
import { mm } from '@/components/dashboard/media-messages';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { getMediaFor, mediaUsage } from '@/db/queries/media';
import { formatDateTime } from '@/domain/format';
import { formatBytes, imageSrcSet } from '@/domain/media';
import { can } from '@/domain/permissions';
import { requirePrincipal } from '@/lib/session';
import { updateMediaDetailsAction } from '../actions';

export const metadata: Metadata = { title: mm.library };

export default async function MediaDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const p = await requirePrincipal(`/dashboard/media/${id || ''}`);
  const m = id && can(p, 'media.view') ? await getMediaFor(p, id) : null;
  if (!m) notFound();
  const uses = await mediaUsage(p, m.id);
  const editable = can(p, 'media.edit', m.ref);

  return (
    <div className="space-y-4">
      <nav aria-label="路径" className="text-sm">
        <Link href="/dashboard/media" className="text-red-700 underline">
          {mm.backToLibrary}
        </Link>
      </nav>
      <h1 className="text-xl font-bold break-words">{m.caption || mm.detailTitle(m.id)}</h1>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <figure className="min-w-0 space-y-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- stored variants are listed in srcSet */}
          <img
            src={m.src}
            srcSet={imageSrcSet(m.src, m.width)}
            sizes="(min-width: 1024px) 640px, 100vw"
            alt={m.alt || m.caption}
            width={m.width}
            height={m.height}
            className="h-auto w-full rounded border border-slate-200 bg-slate-100"
            data-testid="media-image"
          />
          <a href={m.src} className="text-sm text-red-700 underline" target="_blank" rel="noopener">
            {mm.openOriginal}
          </a>
        </figure>

        <div className="min-w-0 space-y-4">
          <section aria-labelledby="media-info" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="media-info" className="mb-2 font-semibold">
              {mm.info}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{mm.dimensions}</dt>
              <dd className="tabular-nums" data-testid="media-dimensions">
                {mm.dimensionsValue(m.width, m.height)}
              </dd>
              <dt className="text-slate-600">{mm.fileSize}</dt>
              <dd className="tabular-nums">{formatBytes(m.bytes)}</dd>
              <dt className="text-slate-600">{mm.uploader}</dt>
              <dd className="break-words">{m.uploaderName ?? mm.unknownUploader}</dd>
              <dt className="text-slate-600">{mm.uploadedAt}</dt>
              <dd className="tabular-nums">{formatDateTime(m.createdAt)}</dd>
            </dl>
          </section>

          {editable ? (
            <MediaDetailsForm id={m.id} initial={{ caption: m.caption, alt: m.alt }} save={updateMediaDetailsAction} />
          ) : (
            <p className="rounded border border-slate-200 bg-white p-3 text-sm text-slate-600">{mm.readOnly}</p>
          )}

          <section aria-labelledby="media-uses" className="rounded border border-slate-200 bg-white p-3">
            <h2 id="media-uses" className="mb-2 font-semibold">
              {mm.usedIn}
            </h2>
            {uses.length === 0 ? (
              <p className="text-sm text-slate-500">{mm.notUsed}</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="media-uses">
                {uses.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-2 py-2">
                    <StatusBadge status={a.status} reviewStage={a.reviewStage} stages={a.stages} />
                    <Link href={`/dashboard/articles/${a.id}`} className="min-w-0 flex-1 basis-40 break-words hover:text-red-700">
                      {a.title || mm.untitled}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
