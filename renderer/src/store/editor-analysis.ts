/**
 * After an edit the views re-assemble from the new text: parse + analyse (and lint) in the
 * worker. Typing is debounced; structured edits run at once. Results for a text the user has
 * already moved past are dropped.
 */
import { utf8Encode } from '../../../shared/util/bytes';
import type { AppStore, LintFinding, StoreDeps } from './types';

const TYPING_DELAY_MS = 300;
const yamlPath = (p: string) => p.replace(/\.gz$/i, '');

export function createAnalysisRunner(
  get: AppStore['getState'],
  set: AppStore['setState'],
  deps: StoreDeps,
  onFindings: (f: LintFinding[]) => void,
) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stillCurrent = (text: string) => get().editor.history.present === text;

  /** `bytes`: the file has no editable text (not UTF-8, broken gzip), so lint reads what is on disk. */
  const lintNow = (text: string, bytes?: Uint8Array) => {
    const ref = get().editor.ref;
    if (!deps.linter || !ref) return;
    deps.linter.lint(ref.relPath, bytes ? { bytes } : text).then(
      (f) => stillCurrent(text) && onFindings(f),
      () => stillCurrent(text) && onFindings([]),
    );
  };

  const analyzeNow = async (text: string) => {
    const doc = get().doc;
    if (doc.status !== 'ready' || doc.text === text) return;
    const path = yamlPath(doc.ref.relPath);
    try {
      const { cassette, analysis } = await deps.analyzer.analyze(path, utf8Encode(text));
      const cur = get().doc;
      if (!stillCurrent(text) || cur.status !== 'ready' || cur.ref !== doc.ref) return;
      set({ doc: { ...cur, text, cassette, analysis } });
      get().selectInteraction(get().interactionIndex);
      get().refreshCompare();
    } catch {
      // The worker reports analysis bugs as errors; the raw text stays editable regardless.
    }
  };

  return {
    lintNow,
    schedule(text: string, immediate: boolean) {
      if (timer) clearTimeout(timer);
      timer = null;
      const run = () => {
        timer = null;
        void analyzeNow(text);
        lintNow(text);
      };
      const delay = immediate ? 0 : (deps.reanalyzeDelayMs ?? TYPING_DELAY_MS);
      if (delay === 0) run();
      else timer = setTimeout(run, delay);
    },
  };
}
