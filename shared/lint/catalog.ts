/** Every rule: its stable code, default severity, one-line description, and whether it can fix. */
import type { RuleMeta } from './types';

export const RULES: RuleMeta[] = [
  { code: 'cassette/parse-error', severity: 'error', fixable: false, description: 'The file cannot be read as a cassette (YAML/JSON syntax, bad gzip).' },
  { code: 'cassette/parse-warning', severity: 'warning', fixable: false, description: 'The file reads as a cassette, but the parser found something off: a YAML warning, a body that does not decode, text that is not UTF-8, an unknown recorder version.' },
  { code: 'tool-call/duplicate-id', severity: 'error', fixable: true, description: 'A tool-call id is used by more than one call, in one response or across responses.' },
  { code: 'tool-call/positional-id', severity: 'warning', fixable: false, description: 'A tool-call id encodes its position (add:0, call_0) and repeats every turn.' },
  { code: 'tool-call/empty-id', severity: 'warning', fixable: false, description: 'A tool call has no id in a dialect that requires one.' },
  { code: 'tool-result/unknown-id', severity: 'error', fixable: false, description: "A tool result's id answers no call of the preceding response (ids rewritten after recording)." },
  { code: 'tool-call/unanswered', severity: 'warning', fixable: false, description: 'A tool call is never answered although the conversation continues.' },
  { code: 'tool-call/invalid-arguments', severity: 'error', fixable: false, description: 'Tool-call arguments are not valid (or not complete) JSON.' },
  { code: 'tool-call/schema-mismatch', severity: 'warning', fixable: false, description: "Tool-call arguments do not match the declared tool's JSON schema." },
  { code: 'tool-call/undeclared-tool', severity: 'warning', fixable: false, description: 'A tool call names a tool that the request did not declare.' },
  { code: 'stream/unterminated', severity: 'warning', fixable: true, description: 'The last SSE event is not followed by a blank line.' },
  { code: 'stream/missing-done', severity: 'error', fixable: true, description: 'An OpenAI chat-completions stream ends without data: [DONE].' },
  { code: 'stream/missing-message-stop', severity: 'error', fixable: true, description: 'An Anthropic stream ends without a message_stop event.' },
  { code: 'stream/missing-usage', severity: 'warning', fixable: false, description: 'stream_options.include_usage was requested but the stream has no usage chunk.' },
  { code: 'stream/split-json', severity: 'error', fixable: false, description: 'One JSON value is split across several stream events.' },
  { code: 'stream/error-event', severity: 'warning', fixable: false, description: 'The stream carries an error event.' },
  { code: 'stream/not-streamed', severity: 'error', fixable: false, description: 'The request asked for a stream but the recorded response is a single body.' },
  { code: 'stream/completed-mismatch', severity: 'warning', fixable: true, description: "A Responses stream's deltas and its final response.completed disagree on the text or a call's arguments." },
  { code: 'stream/unexpected-stream', severity: 'warning', fixable: false, description: 'The response is an event stream although the request did not ask for one.' },
  { code: 'history/stale-copy', severity: 'warning', fixable: true, description: "A later request's copy of a response (its message history) disagrees with what the response recorded." },
  { code: 'consistency/content-length', severity: 'warning', fixable: true, description: 'go-vcr content_length disagrees with the recorded body.' },
  { code: 'consistency/content-encoding', severity: 'warning', fixable: false, description: 'Content-Encoding is claimed but the body is not encoded, or gzip bytes have no Content-Encoding.' },
  { code: 'consistency/duplicate-header', severity: 'warning', fixable: false, description: 'The same header name appears twice in different case.' },
  { code: 'consistency/invalid-utf8', severity: 'warning', fixable: false, description: 'A text or JSON body is not valid UTF-8.' },
  { code: 'consistency/indistinguishable', severity: 'info', fixable: false, description: 'Two interactions have the same method, URL and body but different responses.' },
  { code: 'cookie/cloudflare-bot', severity: 'info', fixable: false, description: 'A Cloudflare bot-management cookie (__cf_bm, _cfuvid) is recorded; it is not a credential, so redact leaves it.' },
  { code: 'match/order-dependent', severity: 'warning', fixable: false, description: "The recorder's default matcher cannot tell two interactions apart although their responses differ (order-dependent replay)." },
  { code: 'lint/internal', severity: 'error', fixable: false, description: 'A lint rule crashed on this file (a Tapedeck bug).' },
];

/** Secret findings are `secret/<redaction rule>`; they share one description. */
export const SECRET_FAMILY: RuleMeta = { code: 'secret', severity: 'error', fixable: true, description: 'A credential (API key, auth header, signed URL) is recorded in the cassette.' };

export function ruleMeta(code: string): RuleMeta | undefined {
  return RULES.find((r) => r.code === code) ?? (code.startsWith('secret/') ? { ...SECRET_FAMILY, code } : undefined);
}
