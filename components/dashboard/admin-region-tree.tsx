'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { REGION_LEVEL_LABELS, childLevel, type RegionLevel } from '@/domain/regions';
import { childrenOf } from '@/domain/tree';
import { Field, SubmitRow, inputClass, useAdminSubmit } from './admin-fields';
import { am } from './admin-messages';
import { MoveButtons, smallButton } from './admin-move-buttons';
import type { ServerAction } from './types';

export interface RegionNode {
  id: number;
  parentId: number | null;
  level: RegionLevel;
  name: string;
  sort: number;
  teamCount: number;
}

type Open = { kind: 'rename' | 'add'; id: number } | null;

interface Actions {
  create: ServerAction<{ parentId: number | null; name: string }, unknown>;
  rename: ServerAction<{ id: number; name: string }, unknown>;
  move: ServerAction<{ id: number; direction: 'up' | 'down' }, unknown>;
}

/** One name field and a save button, for adding a region or renaming one. */
function NameForm<I>({ label, initial, action, input, onDone, onCancel }: { label: string; initial: string; action: ServerAction<I, unknown>; input: (name: string) => I; onDone: () => void; onCancel: () => void }) {
  const uid = useId();
  const [name, setName] = useState(initial);
  const { pending, errors, outcome, submit } = useAdminSubmit(action);
  return (
    <form
      aria-label={label}
      className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(input(name), () => onDone());
      }}
    >
      <Field id={`${uid}-name`} label={label} error={errors.name ?? errors.parentId}>
        {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} maxLength={50} required autoFocus className={inputClass} />}
      </Field>
      <SubmitRow pending={pending} outcome={outcome} label={am.save} pendingLabel={am.saving}>
        <button type="button" onClick={onCancel} className="min-h-10 rounded px-3 text-sm text-slate-700 hover:bg-slate-200">
          {am.cancel}
        </button>
      </SubmitRow>
    </form>
  );
}

/** The region tree: each region can be renamed, moved among its siblings and given children of the next level. */
export function RegionTree({ regions, actions }: { regions: RegionNode[]; actions: Actions }) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const done = () => {
    setOpen(null);
    router.refresh();
  };

  const branch = (parentId: number | null) => {
    const kids = childrenOf(regions, parentId);
    if (!kids.length) return null;
    return (
      <ul className={parentId == null ? 'space-y-2' : 'mt-2 space-y-2 border-l-2 border-slate-200 pl-3 sm:pl-4'}>
        {kids.map((r, i) => {
          const next = childLevel(r.level);
          return (
            <li key={r.id} data-testid={`region-${r.id}`}>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded border border-slate-200 bg-white px-2.5 py-2">
                <span className="min-w-0 font-medium break-words">{r.name}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{REGION_LEVEL_LABELS[r.level]}</span>
                {r.teamCount > 0 && <span className="text-xs text-slate-500">{am.teamsIn(r.teamCount)}</span>}
                <span className="ml-auto flex flex-wrap gap-1">
                  <MoveButtons id={r.id} name={r.name} first={i === 0} last={i === kids.length - 1} move={actions.move} />
                  <button type="button" className={smallButton} onClick={() => setOpen({ kind: 'rename', id: r.id })} aria-label={am.renameLabel(r.name)}>
                    {am.rename}
                  </button>
                  {next && (
                    <button type="button" className={smallButton} onClick={() => setOpen({ kind: 'add', id: r.id })} aria-label={am.addChildTo(REGION_LEVEL_LABELS[next], r.name)}>
                      {am.addChild(REGION_LEVEL_LABELS[next])}
                    </button>
                  )}
                </span>
              </div>
              {open?.id === r.id && open.kind === 'rename' && (
                <NameForm key="rename" label={am.renameLabel(r.name)} initial={r.name} action={actions.rename} input={(name) => ({ id: r.id, name })} onDone={done} onCancel={() => setOpen(null)} />
              )}
              {open?.id === r.id && open.kind === 'add' && next && (
                <NameForm key="add" label={am.addChildTo(REGION_LEVEL_LABELS[next], r.name)} initial="" action={actions.create} input={(name) => ({ parentId: r.id, name })} onDone={done} onCancel={() => setOpen(null)} />
              )}
              {branch(r.id)}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div className="space-y-3">
      {regions.length === 0 && <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{am.noRegions}</p>}
      {branch(null)}
      {open?.id === 0 ? (
        <NameForm label={am.addRegion(REGION_LEVEL_LABELS.prefecture)} initial="" action={actions.create} input={(name) => ({ parentId: null, name })} onDone={done} onCancel={() => setOpen(null)} />
      ) : (
        <button type="button" onClick={() => setOpen({ kind: 'add', id: 0 })} className="min-h-10 rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
          {am.addRegion(REGION_LEVEL_LABELS.prefecture)}
        </button>
      )}
    </div>
  );
}
