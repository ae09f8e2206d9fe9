/** A stable, readable JSON projection of a parsed cassette, for golden files. */
import type { Body, Cassette } from '../../../shared/model/cassette';

function body(b: Body) {
  return {
    storage: b.storage,
    contentEncoding: b.contentEncoding,
    rawBytes: b.raw.length,
    bytes: b.bytes.length,
    text: b.text === null ? null : b.text.slice(0, 200),
    ...(b.decodeError ? { decodeError: b.decodeError } : {}),
    ...(b.range ? { line: b.range.start.line } : {}),
  };
}

export function project(c: Cassette) {
  return {
    format: c.format,
    formatVersion: c.formatVersion,
    recordedWith: c.recordedWith,
    interactions: c.interactions.map((i) => ({
      line: i.range?.start.line ?? null,
      method: i.request.method,
      url: i.request.url,
      status: i.response.status,
      statusText: i.response.statusText,
      requestHeaders: i.request.headers.length,
      responseHeaders: i.response.headers.length,
      request: body(i.request.body),
      response: body(i.response.body),
      durationMs: i.durationMs,
      recordedAt: i.recordedAt,
    })),
    diagnostics: c.diagnostics.map((d) => ({ severity: d.severity, code: d.code, line: d.line ?? null, column: d.column ?? null })),
  };
}
