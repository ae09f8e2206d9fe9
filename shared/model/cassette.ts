import type { Diagnostic, SourceRange } from './diagnostics';

/** The recorder that wrote a file. `langchain` is langchain's gzipped requests:/responses: layout. */
export type CassetteFormat = 'go-vcr' | 'vcrpy' | 'ruby-vcr' | 'har' | 'langchain';

export interface Header {
  name: string;
  value: string;
  /** Position of the value scalar in the source, when the format has one. */
  range?: SourceRange;
}

/**
 * How a body was stored in the file. Editing needs this to write a body back the way it
 * came (a gzip-then-!!binary body is re-encoded, a block literal stays a block literal).
 */
export type BodyStorage =
  | 'absent' //         no body recorded
  | 'text' //           a plain string scalar
  | 'binary-tag' //     YAML !!binary (go-vcr, vcrpy) or Ruby's !binary
  | 'base64' //         Ruby base64_string, HAR content.encoding: base64
  | 'parsed'; //        a structured value (pydantic-ai parsed_body, HAR JSON postData params)

export interface Body {
  storage: BodyStorage;
  /** Bytes exactly as recorded, after undoing base64 / !!binary but before Content-Encoding. */
  raw: Uint8Array;
  /** Content-Encoding values that were applied, outermost last (as in the header). */
  contentEncoding: string[];
  /** Bytes after undoing Content-Encoding. Equal to `raw` when nothing was (or could be) undone. */
  bytes: Uint8Array;
  /** `bytes` as text when they decode as text in the declared charset, else null (binary media). */
  text: string | null;
  /** Set when Content-Encoding was claimed but undoing it failed; `bytes` then holds the raw bytes. */
  decodeError?: string;
  /** For storage 'parsed': the structured value as recorded. `text` is then its JSON. */
  parsed?: unknown;
  /** The body scalar (or mapping) in the source. */
  range?: SourceRange;
}

/**
 * go-vcr fields of a request or response that no view shows but lint checks against the body,
 * read with the rest so lint needs no second parse. Positions are in Interaction.ranges.
 */
export interface GoVcrSideFields {
  /** `content_length` as written (`-1` and `0` mean unknown). */
  contentLength?: string;
  /** `uncompressed: true`: the body was stored decoded, whatever Content-Encoding says. */
  uncompressed?: true;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Header[];
  body: Body;
  goVcr?: GoVcrSideFields;
}

export interface RecordedResponse {
  /** HTTP status code, null when the recorder wrote none. */
  status: number | null;
  statusText: string | null;
  headers: Header[];
  body: Body;
  goVcr?: GoVcrSideFields;
}

/** HAR `timings` in milliseconds; null where the recorder wrote -1 (does not apply) or nothing. */
export interface HarTimings {
  blocked: number | null;
  dns: number | null;
  connect: number | null;
  send: number | null;
  wait: number | null;
  receive: number | null;
}

export interface Interaction {
  index: number;
  request: RecordedRequest;
  response: RecordedResponse;
  /** Whole-response duration as recorded (go-vcr `duration`, HAR `time`), in milliseconds. */
  durationMs: number | null;
  /** ISO timestamp of the recording when the format has one (Ruby `recorded_at`, HAR `startedDateTime`). */
  recordedAt: string | null;
  /** HAR (and Polly) `timings` phases, when recorded; absent for formats that keep only a duration. */
  timings?: HarTimings;
  /** The interaction's mapping in the source. */
  range?: SourceRange;
  /** Positions of notable nodes, for jumping from the views to the YAML. */
  ranges: {
    request?: SourceRange;
    response?: SourceRange;
    requestBody?: SourceRange;
    responseBody?: SourceRange;
    /** go-vcr `content_length` scalars. */
    requestContentLength?: SourceRange;
    responseContentLength?: SourceRange;
  };
}

export interface Cassette {
  /** Path as given to the parser (relative to its workspace root in the app). */
  path: string;
  format: CassetteFormat | null;
  formatVersion: number | string | null;
  interactions: Interaction[];
  diagnostics: Diagnostic[];
  /** Ruby `recorded_with`, HAR `creator`, … */
  recordedWith: string | null;
}

export function headerValue(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return undefined;
}
