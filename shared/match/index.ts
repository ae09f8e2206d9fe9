export { createSession, explainOnce, recorderFor, resolveMatchers, SPECS } from './engine';
export type { MatchSession } from './engine';
export { parseCurl } from './curl';
export { parseRequestInput, recordedRequest } from './request-input';
export { RECORDERS } from './types';
export type { ChangeRow, Explanation, FieldDiff, MatchOptions, MatchRequest, NearMiss, Recorder } from './types';
