import type { CassetteAnalysis } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';
import type { LintFinding } from '../store/types';

export type AnalyzeRequest =
  | { id: number; type?: 'analyze'; path: string; bytes: Uint8Array }
  /** Lint the (decompressed) cassette text, or the file's bytes when it has no editable text. */
  | { id: number; type: 'lint'; path: string; text: string }
  | { id: number; type: 'lint'; path: string; bytes: Uint8Array }
  /** Re-lint `text` and apply the fix of finding `index` (fix functions cannot cross postMessage). */
  | { id: number; type: 'fix'; path: string; text: string; index: number };

export type AnalyzeResponse =
  | { id: number; ok: true; cassette: Cassette; analysis: CassetteAnalysis }
  | { id: number; ok: true; findings: LintFinding[] }
  | { id: number; ok: true; text: string }
  | { id: number; ok: false; message: string };
