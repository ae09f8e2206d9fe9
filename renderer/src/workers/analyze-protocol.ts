import type { CassetteAnalysis } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';

export interface AnalyzeRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
}

export type AnalyzeResponse =
  | { id: number; ok: true; cassette: Cassette; analysis: CassetteAnalysis }
  | { id: number; ok: false; message: string };
