/**
 * Saving: `saveCassette` quoting the base revision. The backend parses the text once, off the
 * UI thread, and answers 'invalid' (the "save anyway" prompt) for an unparseable cassette,
 * 'read-only' for a file it may not overwrite without asking, and 'conflict' when the disk
 * moved on, which reads the disk's version and shows the banner instead of overwriting anything.
 */
import type { SaveOutcome } from '../../../shared/api/contract';
import { encodeCassetteFile } from '../../../shared/edit/cassette-file';
import { base64Encode } from '../../../shared/util/bytes';
import { fileTransition } from '../features/editor/file-state';
import type { AppStore, EditorState, SaveOptions, StoreDeps } from './types';

export async function saveEditor(
  get: AppStore['getState'],
  patch: (p: Partial<EditorState>) => void,
  deps: StoreDeps,
  opts: SaveOptions,
): Promise<SaveOutcome | null> {
  const e = get().editor;
  if (!e.ref || e.saving || e.readOnly) return null;
  if (!e.dirty && !e.file.force) {
    patch({ notice: { kind: 'info', text: 'Nothing to save' } });
    return null;
  }
  const text = e.history.present;
  patch({ saving: true, invalid: null, readOnlyFile: null });
  let out: SaveOutcome;
  try {
    const content = e.gzip ? base64Encode(encodeCassetteFile({ text, gzip: true, bom: e.bom })) : (e.bom ? '\uFEFF' : '') + text;
    out = await deps.api.saveCassette({
      ...e.ref,
      content,
      encoding: e.gzip ? 'base64' : 'utf8',
      baseRevision: e.file.baseRevision,
      ...(e.file.force ? { force: true } : {}),
      ...(opts.allowInvalid ? { allowInvalid: true } : {}),
      ...(opts.overwriteReadOnly ? { overwriteReadOnly: true } : {}),
    });
  } catch (err) {
    patch({ saving: false, notice: { kind: 'error', text: `Save failed: ${(err as Error).message}` } });
    return null;
  }
  const cur = get().editor;
  if (out.status === 'saved') {
    patch({ saving: false, file: fileTransition(cur.file, { type: 'saved', revision: out.revision, text }), notice: { kind: 'info', text: 'Saved' } });
  } else if (out.status === 'read-only') {
    patch({ saving: false, readOnlyFile: { message: out.message, allowInvalid: !!opts.allowInvalid } });
  } else if (out.status === 'invalid') {
    patch({ saving: false, invalid: { message: out.message, ...(out.line ? { line: out.line } : {}), ...(out.column ? { column: out.column } : {}) } });
  } else {
    patch({ saving: false, notice: { kind: 'error', text: `Not saved: ${out.message}` } });
    // The disk moved on without us hearing about it yet: show the conflict banner.
    await get().onExternalChange();
  }
  return out;
}
