/**
 * Builds the sidebar's index row for one file from the parsed cassette and its analysis.
 * Pure, so the worker, the in-thread fallback and the tests all share one definition.
 */
import type { Body, Cassette, Interaction } from '../model/cassette';
import type { CassetteAnalysis } from '../model/analysis';
import type { Diagnostic } from '../model/diagnostics';
import type { CassetteSummary } from '../model/summary';
import { pureDigest, type Digest } from './hash';
import { literalOf } from '../yaml/lazy-literal';
import { costFigures, recordingDates } from './row-extras';

export interface SummaryRef {
  rootId: string;
  relPath: string;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
}

const CASSETTE_EXTENSIONS = ['.yaml.gz', '.yaml', '.yml', '.har', '.json'] as const;

/** True for names the scanner looks at (the parser then decides whether it is a cassette). */
export function hasCassetteExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return CASSETTE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * `.json` is only listed when it detects as a cassette: a repo has many package.json and
 * tsconfig files, and listing them, even quietly, would drown the sidebar.
 */
export function listedOnlyWhenDetected(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

/** A row for a file found by the directory walk but not parsed yet. */
export function pendingSummary(ref: SummaryRef, stat: FileStat): CassetteSummary {
  return { ...emptyRow(ref, stat), kind: 'pending' };
}

/**
 * Format null means the parser did not recognise the file. If it still reported a syntax
 * error, the file is probably a cassette that is broken (e.g. a bad merge), so we list it
 * with its error; a well-formed YAML file of another kind is listed quietly.
 */
export function classify(c: Cassette): CassetteSummary['kind'] {
  if (c.format !== null) return 'cassette';
  const broken = c.diagnostics.some((d) => d.severity === 'error' && !d.code.startsWith('format.'));
  return broken ? 'cassette' : 'not-cassette';
}

export function summarizeCassette(
  ref: SummaryRef,
  stat: FileStat,
  cassette: Cassette,
  analysis: CassetteAnalysis | null,
): CassetteSummary {
  const row = emptyRow(ref, stat);
  row.kind = classify(cassette);
  row.format = cassette.format;
  row.formatVersion = cassette.formatVersion;
  row.interactions = cassette.interactions.length;

  const hosts = new Set<string>();
  const errorStatuses = new Set<number>();
  for (const it of cassette.interactions) {
    const host = hostOf(it.request.url);
    if (host) hosts.add(host);
    const status = it.response.status;
    if (status !== null && status >= 400) errorStatuses.add(status);
  }
  row.hosts = [...hosts].sort();
  row.errorStatuses = [...errorStatuses].sort((a, b) => a - b);

  const diagnostics: Diagnostic[] = [...cassette.diagnostics];
  if (analysis) {
    const providers = new Set<string>();
    const vendors = new Set<string>();
    const models = new Set<string>();
    for (const ia of analysis.interactions) {
      if (ia.provider) providers.add(ia.provider);
      if (ia.provider && ia.vendor) vendors.add(`${ia.vendor} (${ia.provider})`);
      if (ia.model) models.add(ia.model);
      if (ia.streaming) row.streaming = true;
      diagnostics.push(...ia.diagnostics);
    }
    diagnostics.push(...analysis.diagnostics);
    row.providers = [...providers].sort();
    if (vendors.size) row.vendors = [...vendors].sort();
    row.models = [...models].sort();
    row.inputTokens = analysis.totals.inputTokens;
    row.outputTokens = analysis.totals.outputTokens;
    row.reportedUsd = analysis.totals.reportedUsd;
    row.estimatedUsd = analysis.totals.estimatedUsd;
    if (analysis.totals.usageMissing) row.usageMissing = analysis.totals.usageMissing;
    Object.assign(row, costFigures(analysis));
  }
  if (row.kind === 'cassette') Object.assign(row, recordingDates(cassette));
  for (const d of diagnostics) row.diagnostics[d.severity]++;
  const firstError = diagnostics.find((d) => d.severity === 'error');
  if (firstError) row.firstError = errorOf(firstError);
  if (row.kind === 'not-cassette') {
    row.lint = { error: 0, warning: 0, info: 0 };
    const why = diagnostics.find((d) => d.code === 'format.not-http') ?? diagnostics.find((d) => d.code === 'format.not-cassette');
    if (why) row.note = why.message;
  }
  return row;
}

/** A row for a file we could not even read or parse (I/O error, parser crash). */
export function failedSummary(ref: SummaryRef, stat: FileStat, message: string): CassetteSummary {
  const row = emptyRow(ref, stat);
  row.kind = 'cassette';
  row.diagnostics.error = 1;
  // What lint would say of a file it cannot read: one error.
  row.lint = { error: 1, warning: 0, info: 0 };
  row.firstError = { message };
  return row;
}

/**
 * One fingerprint per interaction, over everything recorded except source positions, so a
 * re-recording that only reformats the file reports no changed interactions (bar the
 * re-indented big literal bodies of hashBody). Compare only fingerprints of one parser:
 * the engine takes them all from parseCassetteForIndex. `newDigest`
 * lets Node hash natively (bodies can be 20 MB; a JS byte loop costs ~10x more).
 */
export function interactionFingerprints(cassette: Cassette, newDigest: () => Digest = pureDigest): string[] {
  return cassette.interactions.map((it) => fingerprint(it, newDigest()));
}

const SEP = '\u0000';

function fingerprint(it: Interaction, d: Digest): string {
  const head: string[] = [it.request.method, it.request.url];
  for (const hd of it.request.headers) head.push(hd.name, hd.value);
  d.update(head.join(SEP) + SEP);
  hashBody(d, it.request.body);
  const mid: string[] = [String(it.response.status), it.response.statusText ?? '', String(it.durationMs), it.recordedAt ?? ''];
  for (const hd of it.response.headers) mid.push(hd.name, hd.value);
  d.update(SEP + mid.join(SEP) + SEP);
  hashBody(d, it.response.body);
  return d.digest();
}

/**
 * Text bodies hash their text: reading `raw` would re-encode (and maybe gunzip) a copy. A big
 * literal block the index left unresolved hashes the same text in pieces (building it would
 * cost a copy of every line), so the fingerprint does not depend on which parser ran.
 */
function hashBody(d: Digest, b: Body): void {
  d.update(b.storage + SEP);
  if (b.storage === 'absent') return;
  const lit = literalOf(b);
  if (lit) {
    for (const part of lit.textParts()) d.update(part);
    return;
  }
  if (b.storage === 'text' || b.storage === 'parsed') {
    const t = b.text;
    if (t !== null) {
      d.update(t);
      return;
    }
  }
  d.update(b.raw);
}

/** Host (with port) of an absolute URL, without the URL class (not available in shared/). */
export function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  if (!m) return null;
  const authority = m[1].slice(m[1].lastIndexOf('@') + 1).toLowerCase();
  return authority || null;
}

function errorOf(d: Diagnostic): NonNullable<CassetteSummary['firstError']> {
  const e: NonNullable<CassetteSummary['firstError']> = { message: d.message };
  if (d.line !== undefined) e.line = d.line;
  if (d.column !== undefined) e.column = d.column;
  return e;
}

function emptyRow(ref: SummaryRef, stat: FileStat): CassetteSummary {
  return {
    rootId: ref.rootId,
    relPath: ref.relPath,
    kind: 'cassette',
    format: null,
    formatVersion: null,
    interactions: 0,
    hosts: [],
    providers: [],
    models: [],
    streaming: false,
    errorStatuses: [],
    inputTokens: 0,
    outputTokens: 0,
    reportedUsd: null,
    estimatedUsd: null,
    diagnostics: { error: 0, warning: 0, info: 0 },
    lint: null,
    firstError: null,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
  };
}
