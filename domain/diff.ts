import { diffArrays, diffChars } from 'diff';
import { inlineText, type BlockNode, type RichTextDoc } from './rich-text';

/** What a revision comparison looks at. `meta` holds extra plain fields (source, author…). */
export interface RevisionSnapshot {
  title: string;
  subtitle?: string | null;
  summary?: string | null;
  body: RichTextDoc;
  meta?: Record<string, string | null | undefined>;
}

export interface Segment {
  text: string;
  change?: 'added' | 'removed';
}

export type RowKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  kind: RowKind;
  /** Older version; empty for added rows. */
  left: Segment[];
  /** Newer version; empty for removed rows. */
  right: Segment[];
}

export interface FieldDiff {
  /** 'title' | 'subtitle' | 'summary' | 'body' | `meta.${key}` */
  field: string;
  label: string;
  changed: boolean;
  rows: DiffRow[];
}

export interface ChangeSummary {
  changedFields: string[];
  changedLabels: string[];
  /** Lines only in the newer version, counting a changed line once here and once in removed (as git does). */
  addedLines: number;
  removedLines: number;
}

export const FIELD_LABELS = {
  title: '标题',
  subtitle: '副标题',
  summary: '导语',
  body: '正文',
} as const;
const IMAGE_PREFIX = '[图片] ';
const RULE_LINE = '[分隔线]';

/**
 * Side-by-side comparison of two revisions, field by field. Fields empty in both are left
 * out; `labels` names meta keys (and may rename the core fields).
 */
export function diffRevisions(a: RevisionSnapshot, b: RevisionSnapshot, labels: Record<string, string> = {}): FieldDiff[] {
  const names: Record<keyof typeof FIELD_LABELS, string> = { ...FIELD_LABELS, ...labels };
  const fields: FieldDiff[] = [];
  const add = (field: string, label: string, left: Line[], right: Line[]) => {
    if (!left.length && !right.length) return;
    const rows = alignLines(left, right);
    fields.push({ field, label, changed: rows.some((r) => r.kind !== 'same'), rows });
  };
  add('title', names.title, textLines(a.title), textLines(b.title));
  add('subtitle', names.subtitle, textLines(a.subtitle), textLines(b.subtitle));
  add('summary', names.summary, textLines(a.summary), textLines(b.summary));
  for (const key of metaKeys(a.meta, b.meta, labels)) {
    add(`meta.${key}`, labels[key] ?? key, textLines(a.meta?.[key]), textLines(b.meta?.[key]));
  }
  add('body', names.body, bodyLines(a.body), bodyLines(b.body));
  return fields;
}

export function summarizeChanges(a: RevisionSnapshot, b: RevisionSnapshot, labels: Record<string, string> = {}): ChangeSummary {
  return summarizeDiff(diffRevisions(a, b, labels));
}

export function summarizeDiff(fields: FieldDiff[]): ChangeSummary {
  const changed = fields.filter((f) => f.changed);
  const count = (kinds: RowKind[]) => changed.reduce((n, f) => n + f.rows.filter((r) => kinds.includes(r.kind)).length, 0);
  return {
    changedFields: changed.map((f) => f.field),
    changedLabels: changed.map((f) => f.label),
    addedLines: count(['added', 'changed']),
    removedLines: count(['removed', 'changed']),
  };
}

/** Meta keys in the order of the labels map, then as they appear in a, then in b. */
function metaKeys(a: RevisionSnapshot['meta'], b: RevisionSnapshot['meta'], labels: Record<string, string>): string[] {
  const inMeta = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  const ordered = [...Object.keys(labels).filter((k) => inMeta.has(k)), ...inMeta];
  return [...new Set(ordered)];
}

/**
 * `key` is what lines are matched on; it differs from `text` only for ordered-list items,
 * so inserting an item does not make every later (renumbered) item look changed.
 */
interface Line {
  text: string;
  key: string;
}

function textLines(value: string | null | undefined): Line[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text) => ({ text, key: text }));
}

/** One line per paragraph, heading, list item, quoted paragraph and image. */
export function bodyLines(doc: RichTextDoc): Line[] {
  const out: Line[] = [];
  const push = (text: string, key = text) => {
    if (text.trim()) out.push({ text, key });
  };
  const walk = (b: BlockNode, prefix: string) => {
    switch (b.type) {
      case 'paragraph':
        inlineText(b.content)
          .split('\n')
          .forEach((line) => push(prefix + line));
        break;
      case 'heading':
        push(`${prefix}${b.attrs.level === 3 ? '### ' : '## '}${inlineText(b.content).replace(/\n/g, ' ')}`);
        break;
      case 'image': {
        const name = b.attrs.src.split('/').pop() ?? '';
        const words = b.attrs.caption || b.attrs.alt || '';
        push(prefix + IMAGE_PREFIX + [words, name].filter(Boolean).join(' · '));
        break;
      }
      case 'bulletList':
      case 'orderedList':
        b.content.forEach((li, i) => {
          const marker = b.type === 'orderedList' ? `${i + 1}. ` : '• ';
          const start = out.length;
          li.content.forEach((child) => walk(child, prefix + '  '));
          // The first line of an item carries its marker in place of the indent.
          const first = out[start];
          if (first) {
            const body = first.text.slice(prefix.length + 2);
            out[start] = { text: prefix + marker + body, key: prefix + (b.type === 'orderedList' ? '#. ' : marker) + body };
          } else {
            push(prefix + marker.trimEnd(), prefix + marker.trimEnd());
          }
        });
        break;
      case 'blockquote':
        b.content.forEach((child) => walk(child, prefix + '> '));
        break;
      case 'horizontalRule':
        push(prefix + RULE_LINE);
        break;
    }
  };
  (doc?.content ?? []).forEach((b) => walk(b, ''));
  return out;
}

function alignLines(left: Line[], right: Line[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffArrays(left, right, { comparator: (l, r) => l.key === r.key });
  let removed: Line[] = [];
  let li = 0;
  let ri = 0;
  const flush = (added: Line[]) => {
    rows.push(...pairUp(removed, added));
    removed = [];
  };
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      removed.push(...left.slice(li, li + n));
      li += n;
    } else if (part.added) {
      flush(right.slice(ri, ri + n));
      ri += n;
    } else {
      flush([]);
      for (let i = 0; i < n; i++) {
        const l = left[li + i]!;
        const r = right[ri + i]!;
        // Same key but different text: only the list number moved.
        rows.push(l.text === r.text ? sameRow(r.text) : { kind: 'same', left: [{ text: l.text }], right: [{ text: r.text }] });
      }
      li += n;
      ri += n;
    }
  }
  flush([]);
  return rows;
}

function sameRow(text: string): DiffRow {
  return { kind: 'same', left: [{ text }], right: [{ text }] };
}

/**
 * Within a block of removed and added lines, lines that share enough characters become one
 * changed row with character marks. Lines left over face each other in the same row as
 * whole-line changes (as a split diff view does), and only the surplus stands alone.
 */
function pairUp(removed: Line[], added: Line[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let next = 0;
  for (const old of removed) {
    const match = added.findIndex((line, i) => i >= next && i < next + 3 && similar(old.text, line.text));
    if (match === -1) {
      rows.push({ kind: 'removed', left: [{ text: old.text, change: 'removed' }], right: [] });
      continue;
    }
    for (const extra of added.slice(next, match)) rows.push(addedRow(extra.text));
    rows.push(changedRow(old.text, added[match]!.text));
    next = match + 1;
  }
  for (const extra of added.slice(next)) rows.push(addedRow(extra.text));
  return zipUnmatched(rows);
}

function zipUnmatched(rows: DiffRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  for (let i = 0; i < rows.length; ) {
    const removedRun = takeRun(rows, i, 'removed');
    const addedRun = takeRun(rows, i + removedRun.length, 'added');
    if (!removedRun.length || !addedRun.length) {
      out.push(rows[i]!);
      i += 1;
      continue;
    }
    const pairs = Math.min(removedRun.length, addedRun.length);
    for (let k = 0; k < pairs; k++) out.push({ kind: 'changed', left: removedRun[k]!.left, right: addedRun[k]!.right });
    out.push(...removedRun.slice(pairs), ...addedRun.slice(pairs));
    i += removedRun.length + addedRun.length;
  }
  return out;
}

function takeRun(rows: DiffRow[], from: number, kind: RowKind): DiffRow[] {
  let end = from;
  while (rows[end]?.kind === kind) end++;
  return rows.slice(from, end);
}

function addedRow(text: string): DiffRow {
  return { kind: 'added', left: [], right: [{ text, change: 'added' }] };
}

function similar(a: string, b: string): boolean {
  const common = diffChars(a, b)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.length, 0);
  // The second test catches a line that was kept whole and then extended a lot.
  return common / Math.max(a.length, b.length, 1) >= 0.4 || common / Math.max(Math.min(a.length, b.length), 1) >= 0.7;
}

/** Character-level marking; Chinese has no spaces, so words are no use as units. */
export function changedRow(a: string, b: string): DiffRow {
  const parts = diffChars(a, b);
  const left: Segment[] = [];
  const right: Segment[] = [];
  parts.forEach((p, i) => {
    if (p.added) append(right, p.value, 'added');
    else if (p.removed) append(left, p.value, 'removed');
    else if (p.value.length === 1 && i > 0 && i < parts.length - 1 && editedOnBothSides(parts.slice(Math.max(0, i - 2), i + 3))) {
      // A lone shared character between edits (often 的/了/，) reads better as part of the edit.
      append(left, p.value, 'removed');
      append(right, p.value, 'added');
    } else {
      append(left, p.value);
      append(right, p.value);
    }
  });
  return { kind: 'changed', left, right };
}

function editedOnBothSides(parts: Array<{ added: boolean; removed: boolean }>): boolean {
  return parts.some((p) => p.added) && parts.some((p) => p.removed);
}

function append(segments: Segment[], text: string, change?: Segment['change']) {
  const last = segments[segments.length - 1];
  if (last && last.change === change) last.text += text;
  else segments.push(change ? { text, change } : { text });
}

type Texts = Pick<RevisionSnapshot, 'title' | 'subtitle' | 'summary' | 'body'>;

/** What another save changed against this person's text; null instead of throwing (the text must survive). */
export function conflictDiff(mine: Texts, theirs: Texts): FieldDiff[] | null {
  try {
    return diffRevisions(
      { title: mine.title, subtitle: mine.subtitle, summary: mine.summary, body: mine.body },
      { title: theirs.title, subtitle: theirs.subtitle, summary: theirs.summary, body: theirs.body },
    );
  } catch {
    return null;
  }
}
