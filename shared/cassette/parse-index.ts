/**
 * parseCassetteForIndex: the folder index's reader. Same result as
 * `parseCassette(input, { decodeBodies: false })` for everything a summary row and the
 * interaction fingerprints use, but cheaper:
 *  - JSON (HAR) goes through native JSON.parse instead of the YAML parser;
 *  - YAML goes through a line scanner for recorder-shaped YAML (line-scan.ts), and what it
 *    declines through yaml's CST without the composer (cst-tree.ts).
 * Whatever the fast path is unsure about falls back to the full parser, which then reports
 * diagnostics exactly as always. What differs: source ranges (and so diagnostic positions)
 * are absent, except on errors, which only the full path produces.
 */
import { Document } from 'yaml';
import type { Cassette } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import { cstRoot } from './cst-tree';
import { scanRoot } from './line-scan';
import { parseCassette, readTree, sourceText } from './parse';
import { docFromValue } from '../yaml/load';
import { Tree } from '../yaml/tree';

let emptyDoc: Document | null = null;

export interface IndexParse {
  cassette: Cassette;
  /** Which path produced it: 'json' | 'scan' | 'cst' (fast) or 'full' (fallback). */
  path: 'json' | 'scan' | 'cst' | 'full';
}

export interface IndexInput {
  path: string;
  bytes: Uint8Array;
  /**
   * The file's text, when the host decodes faster (Node's Buffer and zlib): gunzipped if the
   * file is gzip, decoded as UTF-8 with any BOM removed; only for valid UTF-8.
   */
  text?: string;
  /** The bytes `text` was decoded from: the gunzipped file for gzip, else `bytes`. */
  textBytes?: Uint8Array;
  /**
   * Leave big literal block bodies unresolved until read (shared/yaml/lazy-literal.ts); default true.
   * Their fingerprints then hash the block as written, so fingerprints to be compared must
   * all come from this function.
   */
  lazyBodies?: boolean;
}

export function parseCassetteForIndex(input: IndexInput): IndexParse {
  try {
    const fast = fastPath(input);
    if (fast) return fast;
  } catch {
    // A fast-path bug must never cost a row: the full parser decides.
  }
  return { cassette: parseCassette(input, { decodeBodies: false }), path: 'full' };
}

function fastPath(input: IndexInput): IndexParse | null {
  const diags: Diagnostic[] = [];
  const text = input.text ?? sourceText(input.bytes, diags);
  // Encoding warnings, gzip errors, empty files: rare, and the full path words them.
  if (text === null || diags.length > 0) return null;
  const first = firstNonBlank(text);
  if (first === '{') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    // JSON that is also YAML: the full path reads the same values (numbers, strings, nesting).
    const t = new Tree(docFromValue(value), null);
    return { cassette: readTree(input.path, t, t.deref(t.doc.contents), diags, { decodeBodies: false }), path: 'json' };
  }
  if (first === '' || first === '[') return null;
  // The host's own decoding of these very bytes, as long as they are: every character is one
  // byte (ASCII), so offsets into both agree.
  const decoded = input.textBytes ?? input.bytes;
  const asciiBytes = input.text !== undefined && text.length === decoded.length ? decoded : undefined;
  const scanned = scanRoot(text, { lazyBodies: input.lazyBodies ?? true, asciiBytes });
  const root = scanned ?? cstRoot(text);
  if (!root) return null;
  // Aliases never reach here, so the document is only a placeholder for Tree.deref.
  const t = new Tree((emptyDoc ??= new Document()), null);
  return { cassette: readTree(input.path, t, root, diags, { decodeBodies: false }), path: scanned ? 'scan' : 'cst' };
}

function firstNonBlank(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}
