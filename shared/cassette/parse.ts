/**
 * parseCassette: bytes of any supported cassette → the `Cassette` model. Never throws: what
 * cannot be read becomes a diagnostic, so one broken file never takes down a folder view.
 */
import type { Document } from 'yaml';
import type { Cassette, CassetteFormat, Interaction } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import { diagnostic } from '../model/diagnostics';
import { isGzip, safeGunzip } from '../codec/decompress';
import { isValidUtf8, utf8Decode } from '../util/bytes';
import { detectFormat } from './detect';
import { CassetteLimitError } from '../yaml/limits';
import { readGoVcr } from './read-go-vcr';
import { harCreator, readHar } from './read-har';
import { readRubyVcr } from './read-ruby-vcr';
import type { ReadCtx } from './read-util';
import { readLangchain, readVcrpy } from './read-vcrpy';
import { docFromValue, loadYaml } from '../yaml/load';
import { Tree } from '../yaml/tree';
import type { N } from '../yaml/tree';

export interface ParseOptions {
  /**
   * Decode every body up front (default true) and report undecodable ones as diagnostics.
   * With false, bodies still decode on first access of `bytes`/`text`, but nothing is
   * reported: the right mode for indexing whole folders.
   */
  decodeBodies?: boolean;
}

export { looksLikeCassettePath, detectFormat } from './detect';

const READERS: Record<CassetteFormat, (ctx: ReadCtx, root: ReturnType<Tree['get']>) => Interaction[]> = {
  'go-vcr': readGoVcr,
  vcrpy: readVcrpy,
  'ruby-vcr': readRubyVcr,
  har: readHar,
  langchain: readLangchain,
};

const at1 = (line: number, column: number, offset = 0) => ({ start: { line, column, offset }, end: { line, column, offset } });

export function emptyCassette(path: string, diagnostics: Diagnostic[]): Cassette {
  return { path, format: null, formatVersion: null, interactions: [], diagnostics, recordedWith: null };
}

/** Gunzips `.yaml.gz` (detected by magic, not by name) and decodes UTF-8, dropping a BOM. */
export function sourceText(bytes: Uint8Array, diags: Diagnostic[]): string | null {
  let b = bytes;
  if (isGzip(b)) {
    try {
      b = safeGunzip(b);
    } catch (e) {
      diags.push(diagnostic('error', 'file.gzip', `The file is gzip-compressed but could not be decompressed: ${String(e)}`, { range: at1(1, 1) }));
      return null;
    }
  }
  const text = utf8Decode(b) ?? '';
  if (looksBinary(b, text)) {
    diags.push(diagnostic('error', 'file.binary', 'Not a cassette: the file is binary data, not YAML or JSON text', { range: at1(1, 1) }));
    return null;
  }
  // Validate only when a replacement character shows up: a full UTF-8 scan of every file costs more.
  if (text.includes('\uFFFD') && !isValidUtf8(b))
    diags.push(diagnostic('warning', 'file.encoding', 'The file is not valid UTF-8; invalid bytes were replaced', { range: at1(1, 1) }));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A NUL byte, or mostly undecodable bytes, in the first 8 KB: an image, an archive, UTF-16.
 * Such a file used to come out as a YAML syntax error at some odd column; no cassette is binary
 * (binary bodies are base64 inside the text).
 */
function looksBinary(b: Uint8Array, text: string): boolean {
  const head = b.subarray(0, 8192);
  if (head.includes(0)) return true;
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad > sample.length / 10;
}

function loadDocument(text: string, diags: Diagnostic[]): Tree | null {
  const { doc, lines } = loadYaml(text);
  if (doc.errors.length === 0) {
    for (const w of doc.warnings) {
      const lp = w.linePos?.[0];
      diags.push(diagnostic('warning', 'yaml.warning', firstLine(w.message), { range: lp ? at1(lp.line, lp.col, w.pos[0]) : undefined }));
    }
    return new Tree(doc as Document, lines);
  }
  // JSON is YAML 1.2, but a few JSON texts (tabs before keys, huge numbers) trip the YAML parser.
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return new Tree(docFromValue(JSON.parse(text)), null);
    } catch {
      /* report the YAML error below */
    }
  }
  // Report the earliest problem in the file: the composer does not emit errors in source order.
  const e = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  let offset = e.pos[0];
  let lp = e.linePos?.[0] ?? { line: 1, col: 1 };
  // Indentation errors point at column 1; the offending token is the first non-blank one.
  if (lp.col === 1) {
    let o = offset;
    while (text[o] === ' ' || text[o] === '\t') o++;
    if (o > offset && text[o] !== '\n' && text[o] !== '\r' && o < text.length) {
      lp = { line: lp.line, col: 1 + o - offset };
      offset = o;
    }
  }
  const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more error${doc.errors.length > 2 ? 's' : ''})` : '';
  diags.push(
    diagnostic('error', 'yaml.syntax', `YAML syntax error at line ${lp.line}, column ${lp.col}: ${firstLine(e.message)}${more}`, {
      range: at1(lp.line, lp.col, offset),
    }),
  );
  return null;
}

/** yaml's pretty messages append " at line L, column C:" and a code excerpt; keep the gist. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function parseCassette(input: { path: string; bytes: Uint8Array }, opts: ParseOptions = {}): Cassette {
  const diags: Diagnostic[] = [];
  try {
    const text = sourceText(input.bytes, diags);
    if (text === null) return emptyCassette(input.path, diags);
    if (text.trim() === '') {
      diags.push(diagnostic('info', 'format.not-cassette', 'The file is empty', { range: at1(1, 1) }));
      return emptyCassette(input.path, diags);
    }
    const t = loadDocument(text, diags);
    if (!t) return emptyCassette(input.path, diags);
    return readTree(input.path, t, t.deref(t.doc.contents), diags, opts);
  } catch (e) {
    if (e instanceof CassetteLimitError) {
      diags.push(diagnostic('error', e.code, e.message, { range: e.at ? at1(e.at.line, e.at.column, e.at.offset) : at1(1, 1) }));
      return emptyCassette(input.path, diags);
    }
    // A reader bug must not crash a folder scan; say so plainly instead.
    diags.push(diagnostic('error', 'parse.internal', `Internal error while reading the cassette: ${e instanceof Error ? e.message : String(e)}`));
    return emptyCassette(input.path, diags);
  }
}

/**
 * Detection and the format readers over an already loaded tree: shared by the full parser and
 * the index fast path (parse-index.ts), so both read a given tree identically.
 */
export function readTree(path: string, t: Tree, root: N, diags: Diagnostic[], opts: ParseOptions): Cassette {
  const det = detectFormat(t, root);
  if (det.kind === 'not-cassette') {
    diags.push(diagnostic('info', 'format.not-cassette', `Not a cassette: ${det.why}`, { range: t.range(root) ?? at1(1, 1) }));
    return emptyCassette(path, diags);
  }
  if (det.kind === 'not-http') {
    diags.push(
      diagnostic('warning', 'format.not-http', `This looks like ${det.what}, not recorded HTTP; Tapedeck cannot show it`, {
        range: t.range(det.at) ?? at1(1, 1),
      }),
    );
    return emptyCassette(path, diags);
  }
  const ctx: ReadCtx = { t, diags, decodeBodies: opts.decodeBodies !== false };
  const interactions = READERS[det.format](ctx, root);
  if (interactions.length === 0)
    diags.push(diagnostic('info', 'cassette.empty', 'The cassette has no recorded interactions', { range: t.range(root) }));
  let recordedWith: string | null = null;
  if (det.format === 'ruby-vcr') recordedWith = t.str(t.get(root, 'recorded_with'));
  else if (det.format === 'har') recordedWith = harCreator(t, root);
  return { path: path, format: det.format, formatVersion: det.version, interactions, diagnostics: diags, recordedWith };
}
