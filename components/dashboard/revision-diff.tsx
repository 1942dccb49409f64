import type { ReactNode } from 'react';
import { summarizeDiff, type DiffRow, type FieldDiff, type Segment } from '@/domain/diff';
import { em } from './editor-messages';

export interface RevisionDiffProps {
  /** Output of `diffRevisions(older, newer, labels)`. */
  fields: FieldDiff[];
  /** 'conflict' titles the table for a save refused because someone else saved first. */
  variant?: 'revision' | 'conflict';
  caption?: ReactNode;
  leftLabel?: string;
  rightLabel?: string;
  /** Unchanged lines shown around each change; the rest are folded. */
  context?: number;
  /** Also list fields that did not change (folded). */
  showUnchanged?: boolean;
}

/** Side-by-side comparison of two revisions; on phones the two versions stack. */
export function RevisionDiff({
  fields,
  variant = 'revision',
  caption,
  leftLabel,
  rightLabel,
  context = 1,
  showUnchanged = false,
}: RevisionDiffProps) {
  const conflict = variant === 'conflict';
  const left = leftLabel ?? (conflict ? em.diffConflictOld : em.diffOld);
  const right = rightLabel ?? (conflict ? em.diffConflictNew : em.diffNew);
  const shown = showUnchanged ? fields : fields.filter((f) => f.changed);
  const summary = summarizeDiff(fields);

  return (
    <div className={`min-w-0 overflow-hidden rounded-md border ${conflict ? 'border-brand' : 'border-line'} bg-white`}>
      <table className="block w-full table-fixed border-collapse text-sm leading-relaxed sm:table">
        <caption className={`block px-3 py-2 text-left sm:table-caption ${conflict ? 'bg-brand-soft text-brand' : 'bg-gray-50 text-ink'}`}>
          <span className="block font-semibold">{caption ?? (conflict ? em.diffConflictCaption : em.diffCaption)}</span>
          <span className="block text-xs text-muted">
            {summary.changedFields.length
              ? em.diffSummary(summary.changedLabels, summary.addedLines, summary.removedLines)
              : em.diffNoChanges}
          </span>
        </caption>
        <thead className="hidden sm:table-header-group">
          <tr className="border-t border-line">
            <th scope="col" className="w-1/2 border-r border-line px-3 py-1.5 text-left font-medium text-muted">
              {left}
            </th>
            <th scope="col" className="w-1/2 px-3 py-1.5 text-left font-medium text-muted">
              {right}
            </th>
          </tr>
        </thead>
        {shown.map((f) => (
          <tbody key={f.field} className="block sm:table-row-group">
            <tr className="block border-t border-line sm:table-row">
              <th colSpan={2} scope="rowgroup" className="block bg-gray-50 px-3 py-1.5 text-left font-semibold text-ink sm:table-cell">
                {f.label}
              </th>
            </tr>
            {foldRows(f.rows, context).map((item, i) =>
              item.row ? (
                <Row key={i} row={item.row} leftLabel={left} rightLabel={right} />
              ) : (
                <tr key={i} className="block border-t border-line sm:table-row">
                  <td colSpan={2} className="block bg-gray-50/60 px-3 py-1 text-center text-xs text-muted sm:table-cell">
                    {em.diffFolded(item.folded)}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The same table titled for a refused save: left is what the editor started from, right what is saved now. */
export function ConflictDiff(props: Omit<RevisionDiffProps, 'variant'>) {
  return <RevisionDiff {...props} variant="conflict" />;
}

function Row({ row, leftLabel, rightLabel }: { row: DiffRow; leftLabel: string; rightLabel: string }) {
  const sameText = row.kind === 'same' && text(row.left) === text(row.right);
  const cell = 'block px-3 py-1.5 align-top whitespace-pre-wrap [overflow-wrap:anywhere] sm:table-cell';
  const leftTone = row.kind === 'removed' || row.kind === 'changed' ? 'bg-red-50' : row.kind === 'added' ? 'bg-gray-50 max-sm:hidden' : '';
  const rightTone =
    row.kind === 'added' || row.kind === 'changed' ? 'bg-green-50' : row.kind === 'removed' ? 'bg-gray-50 max-sm:hidden' : sameText ? 'max-sm:hidden' : '';
  return (
    <tr className="block border-t border-line sm:table-row">
      <td className={`${cell} sm:border-r sm:border-line ${leftTone}`}>
        <PhoneLabel>{leftLabel}</PhoneLabel>
        <Segments segments={row.left} />
      </td>
      <td className={`${cell} ${rightTone}`}>
        <PhoneLabel>{rightLabel}</PhoneLabel>
        <Segments segments={row.right} />
      </td>
    </tr>
  );
}

/** When the columns stack, each cell says which version it is. */
function PhoneLabel({ children }: { children: ReactNode }) {
  return <span className="mr-2 inline-block rounded bg-gray-100 px-1 text-xs text-muted sm:hidden">{children}</span>;
}

function Segments({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) =>
    s.change === 'removed' ? (
      <del key={i} className="rounded-sm bg-red-200 text-red-950 decoration-red-700/70">
        <span className="sr-only">{em.diffRemoved}</span>
        {s.text}
      </del>
    ) : s.change === 'added' ? (
      <ins key={i} className="rounded-sm bg-green-200 text-green-950 no-underline">
        <span className="sr-only">{em.diffAdded}</span>
        {s.text}
      </ins>
    ) : (
      <span key={i}>{s.text}</span>
    ),
  );
}

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');

type Folded = { folded: number; row?: undefined } | { folded?: undefined; row: DiffRow };

/** Keeps changed rows and `context` rows around them; each other run becomes one "N 行未改动" row. */
export function foldRows(rows: DiffRow[], context: number): Folded[] {
  const keep = rows.map(() => false);
  rows.forEach((r, i) => {
    if (r.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = true;
  });
  const out: Folded[] = [];
  rows.forEach((row, i) => {
    if (keep[i]) return out.push({ row });
    const last = out[out.length - 1];
    if (last?.folded) last.folded += 1;
    else out.push({ folded: 1 });
  });
  // Folding a single line saves nothing; show it instead.
  return out.map((item, i) => {
    if (item.folded !== 1) return item;
    const index = out.slice(0, i).reduce((n, it) => n + (it.folded ?? 1), 0);
    return { row: rows[index]! };
  });
}
