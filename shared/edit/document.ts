/**
 * The editable form of a cassette: the lossless CST token stream of `yaml` plus a Document
 * composed from the same tokens (keepSourceTokens) to find nodes by path. Edits never go
 * through Document#toString (it re-renders every style); they splice the source text instead.
 */
import { Composer, CST, Parser } from 'yaml';
import { cstDepth, MAX_NESTING, posOf, tooDeep } from '../yaml/limits';
import type { Document } from 'yaml';
import type { EditResult, Splice, TextChange } from './types';

export interface EditableDoc {
  readonly text: string;
  readonly tokens: readonly CST.Token[];
  /** The first YAML document (a cassette has exactly one), composed with source tokens. */
  readonly doc: Document.Parsed | null;
  /** JSON source (HAR): strings are re-rendered as JSON, never as YAML-only escapes. */
  readonly isJson: boolean;
  /** Line ending new lines get: CRLF when the file's first line break is CRLF. */
  readonly eol: '\n' | '\r\n';
  /** YAML syntax errors; ops refuse to edit a document that has any. */
  readonly errors: string[];
  /** Re-serializes the CST; byte-identical to `text` for an unmodified document. */
  toString(): string;
  /** Whether toString() gives back `text` exactly (edit ops refuse a file that does not). */
  roundTrips(): boolean;
}

class Editable implements EditableDoc {
  readonly tokens: CST.Token[];
  readonly doc: Document.Parsed | null;
  readonly isJson: boolean;
  readonly eol: '\n' | '\r\n';
  readonly errors: string[];

  constructor(readonly text: string) {
    this.tokens = [...new Parser().parse(text)];
    // The composer recurses per nesting level and a deep enough file aborts the process, so
    // such a file is opened without a document (edit ops then refuse it with this error).
    const { depth, offset } = cstDepth(this.tokens);
    const docs = depth > MAX_NESTING ? [] : [...new Composer({ keepSourceTokens: true, uniqueKeys: false }).compose(this.tokens)];
    this.doc = docs[0] ?? null;
    this.errors = depth > MAX_NESTING ? [tooDeep(depth, posOf(text, offset)).message] : docs.flatMap((d) => d.errors.map((e) => e.message));
    if (docs.length > 1) this.errors.push('more than one YAML document: a cassette has one');
    this.isJson = /^\uFEFF?\s*[[{]/.test(text);
    const nl = text.indexOf('\n');
    this.eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  }

  private lossless: boolean | undefined;

  toString(): string {
    let s = '';
    for (const t of this.tokens) s += CST.stringify(t);
    return s;
  }

  // Asked before every op (lint asks once per interaction): the tokens never change after
  // opening (edits splice the text and open it again), so the answer is computed once.
  roundTrips(): boolean {
    this.lossless ??= this.toString() === this.text;
    return this.lossless;
  }
}

/**
 * The last few documents opened, by text. An edit opens its text several times over (plan the
 * op, find later history copies, commit and re-open the result, lint that result, plan the next
 * op on it), and each open is a full CST parse plus a compose. An EditableDoc never changes
 * after it is built, so one built for the same text can be handed out again. Bounded by count
 * and by total characters so a few huge cassettes are not pinned in memory.
 */
const recent = new Map<string, Editable>();
export const RECENT_MAX = 4;
// A parsed document holds many times its text in tokens and nodes: past a couple of MB a
// re-parse is cheaper than what pinning it costs the process.
export const RECENT_MAX_CHARS = 4_000_000;
let recentChars = 0;

export function openEditable(text: string): EditableDoc {
  const hit = recent.get(text);
  if (hit) {
    // Most recently used last, so the first key is the one to drop.
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const ed = new Editable(text);
  if (text.length <= RECENT_MAX_CHARS / 2) {
    recent.set(text, ed);
    recentChars += text.length;
    for (const [k] of recent) {
      if (recent.size <= RECENT_MAX && recentChars <= RECENT_MAX_CHARS) break;
      recent.delete(k);
      recentChars -= k.length;
    }
  }
  return ed;
}

/** 1-based line of an offset (counts LF; a CRLF file has the same line numbers). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Applies non-overlapping splices (any order) and reports each change with its line ranges. */
export function applySplices(text: string, splices: Splice[]): { text: string; changes: TextChange[] } {
  const sorted = [...splices].filter((s) => !(s.start === s.end && s.insert === '') && text.slice(s.start, s.end) !== s.insert);
  sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error(`overlapping edits at offset ${sorted[i].start}`);
  }
  let out = '';
  let pos = 0;
  let shift = 0; // lines added so far, to number the new text
  const changes: TextChange[] = [];
  // Lines are counted as the splices advance (counting from the top for each splice made a
  // redaction with thousands of hits quadratic).
  let line = 1;
  for (const s of sorted) {
    line += countLf(text.slice(pos, s.start));
    out += text.slice(pos, s.start) + s.insert;
    pos = s.end;
    const from = line;
    const oldTo = from + countLf(text.slice(s.start, s.end));
    const newTo = from + countLf(s.insert);
    changes.push({
      start: s.start,
      end: s.end,
      insert: s.insert,
      oldLines: { from, to: oldTo },
      newLines: { from: from + shift, to: newTo + shift },
    });
    shift += newTo - oldTo;
    line = oldTo;
  }
  out += text.slice(pos);
  return { text: out, changes };
}

function countLf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Applies the planned splices and re-opens the result. Refuses (ok: false) when the edit would
 * turn a syntactically valid file into an invalid one, so no op can produce an unparseable file.
 */
export function commit(ed: EditableDoc, splices: Splice[], note?: string): EditResult<EditableDoc> {
  let applied: { text: string; changes: TextChange[] };
  try {
    applied = applySplices(ed.text, splices);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const next = applied.changes.length === 0 ? ed : openEditable(applied.text);
  if (next.errors.length > 0 && ed.errors.length === 0) {
    return { ok: false, error: `edit would break the YAML: ${next.errors[0]}` };
  }
  const r: EditResult<EditableDoc> = { ok: true, doc: next, text: next.text, changes: applied.changes };
  if (note) r.note = note;
  return r;
}
