/**
 * Fields that change on every re-recording without the conversation changing: ids, creation
 * times, dates, request ids, cookies, rate-limit counters, server timings. The diff ignores
 * them unless asked to show them (and then shows them as information, never as a change).
 * Headers are listed per provider because each names its own (anthropic-ratelimit-*,
 * openai-processing-ms, x-amzn-requestid …); JSON keys apply to bodies that are not assembled
 * by a dialect (an LLM response is compared through its assembled message, which has no ids).
 */

const COMMON_HEADERS = [
  'date', 'set-cookie', 'cookie', 'expires', 'age', 'etag', 'last-modified', 'content-length',
  'x-request-id', 'request-id', 'x-trace-id', 'traceparent', 'cf-ray', 'cf-cache-status', 'server-timing',
  'x-envoy-upstream-service-time', 'alt-svc', 'report-to', 'nel', 'via', 'x-cloud-trace-context',
  'x-ratelimit-*', 'ratelimit-*', 'retry-after', 'x-stainless-*', 'user-agent', 'authorization', 'x-api-key',
];

const PROVIDER_HEADERS: Record<string, string[]> = {
  'openai-chat': ['openai-processing-ms', 'openai-organization', 'openai-project', 'openai-version', 'x-openai-*'],
  'openai-responses': ['openai-processing-ms', 'openai-organization', 'openai-project', 'openai-version', 'x-openai-*'],
  anthropic: ['anthropic-ratelimit-*', 'anthropic-organization-id', 'x-anthropic-*', 'anthropic-version'],
  gemini: ['x-goog-*', 'x-guploader-uploadid'],
  bedrock: ['x-amzn-*', 'x-amz-*'],
  cohere: ['x-debug-trace-id', 'x-endpoint-monthly-call-limit', 'x-trial-endpoint-call-*', 'num_*'],
};

export const VOLATILE_JSON_KEYS: ReadonlySet<string> = new Set([
  'id', 'created', 'created_at', 'createdAt', 'createTime', 'updated_at', 'updatedAt', 'timestamp',
  'date', 'request_id', 'requestId', 'responseId', 'system_fingerprint', 'x_groq',
]);

function matches(patterns: string[], name: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

export function isVolatileHeader(name: string, provider: string | null): boolean {
  const n = name.toLowerCase();
  if (matches(COMMON_HEADERS, n)) return true;
  return provider !== null && matches(PROVIDER_HEADERS[provider] ?? [], n);
}
