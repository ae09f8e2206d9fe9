/** Test helper: index summaries with sensible defaults. */
import type { CassetteSummary } from '../../../shared/model/summary';

export function summary(relPath: string, over: Partial<CassetteSummary> = {}): CassetteSummary {
  return {
    rootId: 'r1', relPath, kind: 'cassette', format: 'go-vcr', formatVersion: 2, interactions: 1,
    hosts: ['api.openai.com'], providers: ['openai-chat'], models: ['gpt-4o-mini'], streaming: false,
    errorStatuses: [], inputTokens: 10, outputTokens: 5, reportedUsd: null, estimatedUsd: 0.001,
    diagnostics: { error: 0, warning: 0, info: 0 }, lint: { error: 0, warning: 0, info: 0 }, firstError: null, size: 100, mtimeMs: 1,
    ...over,
  };
}
