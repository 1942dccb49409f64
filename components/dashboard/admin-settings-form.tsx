'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import { smallButton } from './admin-move-buttons';
import type { ServerAction } from './types';

export interface SettingsValues {
  siteName: string;
  shortName: string;
  slogan: string;
  copyrightHolder: string;
  copyrightSince: number;
  icpNumber: string;
  psbNumber: string;
  footerLinks: { label: string; href: string }[];
}

type Input = SettingsValues & { updatedAt?: string };
// Each row keeps a key of its own, so inputs keep focus and text while rows move.
type LinkRow = { key: number; label: string; href: string };

/** Name, slogan, copyright, filing numbers and the footer links (add, remove, reorder). */
export function SettingsForm({ initial, updatedAt, save }: { initial: SettingsValues; updatedAt: string | null; save: ServerAction<Input, { changed: boolean; updatedAt: string | null }> }) {
  const router = useRouter();
  const uid = useId();
  const nextKey = useRef(initial.footerLinks.length);
  const version = useRef(updatedAt ?? undefined);
  const [v, setV] = useState({ ...initial, copyrightSince: String(initial.copyrightSince) });
  const [links, setLinks] = useState<LinkRow[]>(() => initial.footerLinks.map((l, key) => ({ key, ...l })));
  const { pending, errors, outcome, submit } = useAdminSubmit(save);
  const set = (patch: Partial<typeof v>) => setV((prev) => ({ ...prev, ...patch }));
  const setLink = (i: number, patch: Partial<LinkRow>) => setLinks((prev) => prev.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const swap = (i: number, j: number) =>
    setLinks((prev) => {
      const next = [...prev];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const text = (k: 'siteName' | 'shortName' | 'slogan' | 'copyrightHolder' | 'icpNumber' | 'psbNumber', label: string, max: number, hint?: string) => (
    <Field id={`${uid}-${k}`} label={label} hint={hint} error={errors[k]}>
      {(a) => <input {...a} name={k} value={v[k]} onChange={(e) => set({ [k]: e.target.value })} maxLength={max} className={inputClass} />}
    </Field>
  );
  const linksError = errors.footerLinks;

  return (
    <form
      className="space-y-5 rounded border border-slate-200 bg-white p-4"
      aria-label={am.settings}
      onSubmit={(e) => {
        e.preventDefault();
        const since = Number(v.copyrightSince);
        submit(
          {
            ...v,
            copyrightSince: v.copyrightSince.trim() === '' || !Number.isFinite(since) ? Number.NaN : since,
            footerLinks: links.map(({ label, href }) => ({ label, href })),
            updatedAt: version.current,
          },
          (d) => {
            if (d.updatedAt) version.current = d.updatedAt;
            router.refresh();
            return d.changed ? am.settingsSaved : am.nothingChanged;
          },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {text('siteName', am.siteName, 30, am.siteNameHint)}
        {text('shortName', am.shortName, 20, am.shortNameHint)}
        <div className="sm:col-span-2">{text('slogan', `${am.slogan}${am.optional}`, 100, am.sloganHint)}</div>
        {text('copyrightHolder', am.copyrightHolder, 100)}
        <Field id={`${uid}-since`} label={am.copyrightSince} error={errors.copyrightSince}>
          {(a) => <input {...a} name="copyrightSince" type="number" inputMode="numeric" min={1990} max={2100} value={v.copyrightSince} onChange={(e) => set({ copyrightSince: e.target.value })} className={inputClass} />}
        </Field>
        {text('icpNumber', am.icpNumber, 50, am.icpHint)}
        {text('psbNumber', am.psbNumber, 50, am.psbHint)}
      </div>

      <fieldset className="min-w-0 space-y-2" aria-describedby={`${uid}-links-hint`}>
        <legend className="text-sm font-semibold text-slate-800">{am.footerLinks}</legend>
        <p id={`${uid}-links-hint`} className="text-xs text-slate-500">
          {am.footerLinksHint}
        </p>
        {linksError && <p className="text-sm text-red-800">{linksError}</p>}
        {links.length === 0 && <p className="text-sm text-slate-500">{am.noLinks}</p>}
        <ol className="space-y-2" data-testid="footer-link-rows">
          {links.map((l, i) => (
            <li key={l.key} className="rounded border border-slate-200 p-2.5" aria-label={am.linkN(i + 1)}>
              <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] sm:items-start">
                <Field id={`${uid}-l${l.key}-label`} label={am.linkLabel} error={errors[`footerLinks.${i}.label`]}>
                  {(a) => <input {...a} value={l.label} onChange={(e) => setLink(i, { label: e.target.value })} maxLength={20} className={inputClass} />}
                </Field>
                <Field id={`${uid}-l${l.key}-href`} label={am.linkHref} error={errors[`footerLinks.${i}.href`]}>
                  {(a) => <input {...a} type="text" inputMode="url" value={l.href} onChange={(e) => setLink(i, { href: e.target.value })} maxLength={500} autoCapitalize="none" spellCheck={false} className={`${inputClass} font-mono`} />}
                </Field>
                <div className="flex gap-1 sm:pt-6">
                  <button type="button" className={smallButton} disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={am.moveLinkUp(i + 1)}>
                    ↑
                  </button>
                  <button type="button" className={smallButton} disabled={i === links.length - 1} onClick={() => swap(i, i + 1)} aria-label={am.moveLinkDown(i + 1)}>
                    ↓
                  </button>
                  <button type="button" className={`${smallButton} text-red-800`} onClick={() => setLinks((prev) => prev.filter((_, j) => j !== i))} aria-label={am.removeLinkLabel(i + 1)}>
                    {am.removeLink}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => setLinks((prev) => [...prev, { key: nextKey.current++, label: '', href: '' }])}
          className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50"
        >
          {am.addLink}
        </button>
      </fieldset>

      <SubmitRow pending={pending} outcome={outcome} label={am.save} pendingLabel={am.saving} />
    </form>
  );
}
