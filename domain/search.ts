/**
 * The search tokenizer: the one module that decides how text becomes search tokens, for
 * stored articles and for queries alike.
 *
 * Chinese has no spaces, so a run of Han characters is indexed as overlapping bigrams
 * (脱贫攻坚 → 脱贫 贫攻 攻坚) plus its last character on its own (坚), each at its own
 * position. Latin letters and digits form words (ICP, 2019), split where letters meet
 * digits. The positions are continuous across runs, so a query becomes a phrase of the
 * same tokens (`脱贫 <-> 贫攻 <-> 攻坚`, `2019 <-> 年:*`) and matches exactly where the
 * text contains it: no missed substrings and no false hits, unlike word segmentation.
 * docs/search.md has the measurements behind this choice.
 *
 * Vectors and queries are built here as PostgreSQL `tsvector` / `tsquery` literals, so
 * the database only stores and matches them: PGlite and PostgreSQL behave the same under
 * any locale, with no extension.
 */

import type { Reporter } from './byline';
import { docText, type RichTextDoc } from './rich-text';

export type Weight = 'A' | 'B' | 'C' | 'D';

interface Token {
  lexeme: string;
  pos: number;
}

const HAN = /\p{Script=Han}/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;

/** PostgreSQL keeps positions up to 16383 and at most 256 positions per lexeme. */
const MAX_POS = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
const MAX_WORD = 60;

/** One character, compared the way search compares text (full-width → half-width, lower case). */
export function foldChar(ch: string): string {
  return ch.normalize('NFKC').toLowerCase();
}

type RunKind = 'han' | 'letter' | 'digit';

function kindOf(ch: string): RunKind | null {
  // Fast paths for the common cases; the Unicode classes decide the rest.
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 48 && c <= 57 ? 'digit' : (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 'letter' : null;
  if (c >= 0x4e00 && c <= 0x9fff) return 'han';
  if (c >= 0x3000 && c <= 0x303f) return null; // CJK punctuation
  if (c >= 0xff00 && c <= 0xffef) return c >= 0xff10 && c <= 0xff19 ? 'digit' : null; // full-width forms left by folding
  if (HAN.test(ch)) return 'han';
  if (DIGIT.test(ch)) return 'digit';
  if (LETTER.test(ch)) return 'letter';
  return null;
}

interface Run {
  kind: RunKind;
  chars: string[];
  /** Position of the run's first token. */
  pos: number;
}

/** Splits text into runs with the positions their tokens take. Punctuation leaves a gap of one. */
function splitRuns(text: string, start: number): { runs: Run[]; end: number } {
  const runs: Run[] = [];
  let pos = start;
  let cur: Run | null = null;
  let gap = false;
  const close = () => {
    if (!cur) return;
    runs.push(cur);
    pos += cur.kind === 'han' ? cur.chars.length : 1;
    cur = null;
  };
  // Folding the whole text at once is much faster than per character, and equivalent
  // for tokenizing (highlighting folds per character because it maps positions back).
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    {
      const kind = kindOf(ch);
      if (!kind) {
        close();
        if (!SPACE.test(ch)) gap = true;
        continue;
      }
      if (cur && cur.kind !== kind) close();
      if (!cur) {
        if (gap && runs.length) pos += 1;
        gap = false;
        cur = { kind, chars: [], pos };
      }
      cur.chars.push(ch);
    }
  }
  close();
  return { runs, end: pos };
}

function runTokens(run: Run, trailing: boolean): Token[] {
  if (run.kind !== 'han') return [{ lexeme: run.chars.join('').slice(0, MAX_WORD), pos: run.pos }];
  const c = run.chars;
  const out: Token[] = [];
  for (let i = 0; i + 1 < c.length; i++) out.push({ lexeme: c[i]! + c[i + 1]!, pos: run.pos + i });
  if (trailing || c.length === 1) out.push({ lexeme: c[c.length - 1]!, pos: run.pos + c.length - 1 });
  return out;
}

/** Tokens of a stored text, from position `start`. */
export function tokenize(text: string, start = 1): { tokens: Token[]; end: number } {
  const { runs, end } = splitRuns(text, start);
  return { tokens: runs.flatMap((r) => runTokens(r, true)), end };
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A `tsvector` literal for weighted fields (A title … D names). Fields are kept apart by a
 * position gap, so a phrase never matches across two fields.
 */
export function searchVector(fields: Array<[Weight, string]>): string {
  const positions = new Map<string, string[]>();
  let pos = 1;
  for (const [weight, text] of fields) {
    if (!text) continue;
    const { tokens, end } = tokenize(text, pos);
    for (const t of tokens) {
      if (t.pos > MAX_POS) break;
      const list = positions.get(t.lexeme) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${t.pos}${weight}`);
      positions.set(t.lexeme, list);
    }
    pos = end + 2;
  }
  return [...positions].map(([lexeme, ps]) => `${quote(lexeme)}:${ps.join(',')}`).join(' ');
}

export const MAX_QUERY_LENGTH = 100;
const MAX_TERMS = 8;

export interface ParsedQuery {
  /** A `tsquery` literal: the terms ANDed, each a phrase of its tokens (exact). */
  tsquery: string;
  /**
   * The same tokens ANDed in any order. A GIN index answers it without reading the
   * stored vectors (a phrase needs them), so it finds candidates cheaply; `tsquery` then
   * keeps only the exact ones.
   */
  anyOrder: string;
  /** The terms as typed (folded), for highlighting. */
  terms: string[];
}

/**
 * Turns what a reader typed into a query. Space-separated terms must all occur; each term
 * matches as a phrase. Null when nothing searchable is left (only punctuation).
 */
export function parseQuery(input: string): ParsedQuery | null {
  const raw = input.slice(0, MAX_QUERY_LENGTH).split(/\s+/u).filter(Boolean).slice(0, MAX_TERMS);
  const parts: string[] = [];
  const terms: string[] = [];
  const all = new Set<string>();
  for (const term of raw) {
    const { runs } = splitRuns(term, 1);
    if (!runs.length) continue;
    const tokens: Array<Token & { prefix: boolean }> = [];
    runs.forEach((run, i) => {
      const last = i === runs.length - 1;
      // Inside the term a Han run is bounded by other runs, so the text has its last
      // character as a token too; the term's last run may continue in the text.
      const ts = runTokens(run, !last);
      ts.forEach((t) => tokens.push({ ...t, prefix: last && run.kind === 'han' && run.chars.length === 1 }));
    });
    let phrase = '';
    tokens.forEach((t, i) => {
      const lex = quote(t.lexeme) + (t.prefix ? ':*' : '');
      all.add(lex);
      phrase += i === 0 ? lex : ` <${t.pos - tokens[i - 1]!.pos}> ${lex}`;
    });
    parts.push(tokens.length > 1 ? `(${phrase})` : phrase);
    terms.push([...term].map(foldChar).join(''));
  }
  if (!parts.length) return null;
  return { tsquery: parts.join(' & '), anyOrder: [...all].join(' & '), terms };
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Where the terms occur in `text`, compared folded; overlapping hits are merged. */
function hitRanges(text: string, terms: string[]): Array<[number, number]> {
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    // Search what the tokenizer would: letters, digits and Han, not the punctuation typed.
    const needle = term.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      ranges.push([origin[at]!, origin[at + needle.length] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** `text` cut into plain and highlighted pieces (rendered as <mark>, never as HTML). */
export function highlight(text: string, terms: string[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of hitRanges(text, terms)) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/**
 * A window of about `length` characters around the densest cluster of hits in `text`
 * (or its beginning when nothing matches), highlighted, with … where it was cut.
 */
export function snippet(text: string, terms: string[], length = 120): Segment[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const ranges = hitRanges(flat, terms);
  let start = 0;
  if (ranges.length) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < ranges.length; i++) {
      let n = 0;
      while (i + n < ranges.length && ranges[i + n]![0] < ranges[i]![0] + length) n++;
      if (n > bestCount) [best, bestCount] = [i, n];
    }
    start = Math.max(0, ranges[best]![0] - Math.floor(length / 4));
  }
  const end = Math.min(flat.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const segs = highlight(flat.slice(start, end), terms);
  if (start > 0) segs.unshift({ text: '…', hit: false });
  if (end < flat.length) segs.push({ text: '…', hit: false });
  return segs;
}

export interface SearchableArticle {
  title: string;
  subtitle?: string;
  summary?: string;
  body: RichTextDoc;
  author?: string;
  reporters?: Reporter[];
  source?: string;
  creditText?: string;
}

/** The `tsvector` literal stored with an article: title A, subtitle and summary B, body C, names D. */
export function articleSearchVector(a: SearchableArticle): string {
  return searchVector([
    ['A', a.title],
    ['B', [a.subtitle, a.summary].filter(Boolean).join('\n')],
    ['C', docText(a.body)],
    ['D', [a.author, ...(a.reporters ?? []).map((r) => r.name), a.source, a.creditText].filter(Boolean).join('\n')],
  ]);
}
