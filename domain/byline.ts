/**
 * Dateline bylines and closing credits, as the legacy site printed them:
 *   新疆民生网(谢新宇)            — a single reporter, old style
 *   民生网讯(记者 甲 乙 通讯员 丙)  — reporters and correspondents
 *   (供稿:<team's full formal name>)   (责任编辑:<editor>)
 */

export const REPORTER_ROLES = ['reporter', 'correspondent'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export interface Reporter {
  name: string;
  role: ReporterRole;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The dateline that opens an article body. */
export function formatByline(siteName: string, reporters: readonly Reporter[]): string {
  const site = clean(siteName);
  const line = formatReporterLine(reporters);
  return line ? `${site}讯(${line})` : `${site}讯`;
}

/** The closing credit lines; a team credit (供稿) and/or the responsible editor (责任编辑). */
export function formatCredits(input: { teamName?: string | null; creditText?: string | null; editorName?: string | null }): string[] {
  const lines: string[] = [];
  const team = clean(input.teamName ?? '') || clean(input.creditText ?? '');
  if (team) lines.push(`(供稿:${team})`);
  const editor = clean(input.editorName ?? '');
  if (editor) lines.push(`(责任编辑:${editor})`);
  return lines;
}

/** Parses a free-form reporter line ("记者 甲 乙 通讯员 丙", "甲、乙") into reporters. */
export function parseReporters(line: string): Reporter[] {
  const out: Reporter[] = [];
  let role: ReporterRole = 'reporter';
  for (const token of clean(line).split(/[\s、,,]+/)) {
    if (!token) continue;
    if (token === '记者') role = 'reporter';
    else if (token === '通讯员') role = 'correspondent';
    else if (token.startsWith('记者')) out.push({ name: token.slice(2), role: (role = 'reporter') });
    else if (token.startsWith('通讯员')) out.push({ name: token.slice(3), role: (role = 'correspondent') });
    else out.push({ name: token, role });
  }
  return out.filter((r) => r.name);
}

/** The reporter line as people type it: "记者 甲 乙 通讯员 丙" (the inverse of parseReporters). */
export function formatReporterLine(reporters: readonly Reporter[]): string {
  const group = (role: ReporterRole, label: string) => {
    const names = reporters.filter((r) => r.role === role).map((r) => clean(r.name)).filter(Boolean);
    return names.length ? `${label} ${names.join(' ')}` : '';
  };
  return [group('reporter', '记者'), group('correspondent', '通讯员')].filter(Boolean).join(' ');
}

/** Who an article is by, for feeds and structured data. */
export interface Creator {
  kind: 'person' | 'organization';
  name: string;
}

/**
 * The article's reporters and correspondents (people); else its 作者 line (one person, as
 * printed); else the contributing team (供稿, an organization). Empty when none is known.
 */
export function articleCreators(a: {
  reporters: readonly Reporter[];
  author?: string | null;
  teamName?: string | null;
  creditText?: string | null;
}): Creator[] {
  const people = a.reporters.map((r) => clean(r.name)).filter(Boolean);
  if (people.length) return [...new Set(people)].map((name) => ({ kind: 'person', name }));
  const author = clean(a.author ?? '');
  if (author) return [{ kind: 'person', name: author }];
  const team = clean(a.teamName ?? '') || clean(a.creditText ?? '');
  return team ? [{ kind: 'organization', name: team }] : [];
}
